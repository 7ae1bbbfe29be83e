/**
 * The two-toss hedging tree of samples/hedging-tree.cred, the test notes' common tree: Γ-maximin bets after
 * both tosses in normal form but passes by backward induction; maximality keeps every strategy that bets once.
 */
const HEDGE_SETTING = `set Coin = {H, T}
set Ω = Coin × Coin
event SecondHeads on Ω = {(H, H), (T, H)}
event FirstHeads on Ω = {(H, H), (H, T)}
event FirstTails on Ω = compl(FirstHeads)
credal K on Ω = { P(FirstHeads) = 1/2, P(SecondHeads) = 1/2 }
gamble bet on Ω = 1[SecondHeads] - 1[compl(SecondHeads)]
`;

/** The tree `Hedge` on that setting; `extraChoices` are added at its root (e.g. `stay = 0`). */
export function hedgeTree(extraChoices = ''): string {
    return `${HEDGE_SETTING}tree Hedge on Ω {
  belief K
  decide {
    play = observe {
      FirstHeads: decide { bet = bet, pass = -1/10 }
      FirstTails: decide { bet = bet, pass = -1/10 }
    }${extraChoices ? `\n    ${extraChoices}` : ''}
  }
}
`;
}
