/**
 * The note "Credal: New Note" opens: a Knightian coin with one of each everyday construct, every value
 * in its comment exact (a test checks the template with `credal check` and `credal eval`).
 */
export const NEW_NOTE_TEMPLATE = `/*! # A first note

    A coin of unknown bias: all we know is that $P(\\text{heads}) \\in [1/3, 2/3]$.
    Hover any name to see its value; open the preview with ctrl+k v. */

set Coin = {heads, tails}

credal K on Coin = { P({heads}) in [1/3, 2/3] }

/** Win 1 on heads, lose 1 on tails. */
gamble bet on Coin = {heads: 1, tails: -1}

eval vertices(K)                 // {(1/3, 2/3), (2/3, 1/3)}
eval interval(K, bet)            // [-1/3, 1/3]
assert lowerP(K, {tails}) == 1/3

decision Bet on Coin {
  belief K
  acts {
    back    = bet
    abstain = 0
  }
}

eval choose(Bet, maximin)        // {abstain}
`;
