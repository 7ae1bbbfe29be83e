import { afterEach, describe as group, expect, it } from 'vitest';
import { describe, validationKit } from './validation-kit.js';

// A false `assert choose(D, rule) == {…}`: for each act the claim lists but the rule rejects, the
// E-ASSERT's related information points at the act that beats it, with the rule's exact witness.

const kit = validationKit();
afterEach(() => kit.clear());

const PROBLEM = `set X = {x1, x2}
credal K on X = { P({x1}) >= 1/4, P({x1}) <= 3/4 }
decision Choice on X {
  belief K
  acts {
    d1 = (4, 0)
    d2 = (0, 4)
    d3 = (19/10, 19/10)
    d4 = (3, 1/2)
    d5 = {x1: 4.2, x2: -0.8}
    d6 = {x1: 3.9, x2: -0.1}
    d7 = (1, 0.5)
  }
}
`;

/** `line:col «text» message` of each related location of the one E-ASSERT (1-based). */
async function witnesses(note: string): Promise<string[]> {
    const { document, diagnostics } = await kit.validate(note);
    const failures = diagnostics.filter((d) => d.code === 'E-ASSERT');
    expect(failures, describe(diagnostics).join('\n')).toHaveLength(1);
    return (failures[0]!.diagnostic.relatedInformation ?? []).map((r) =>
        `${r.location.range.start.line + 1}:${r.location.range.start.character + 1} «${document.textDocument.getText(r.location.range)}» ${r.message}`);
}

group('E-ASSERT on a rule choice names the witness of each rejected act', () => {
    it('maximality: the dominating act, with lower E of the difference', async () => {
        expect(await witnesses(`${PROBLEM}assert choose(Choice, maximality) == {d1, d2, d3, d4, d6}`)).toEqual([
            '6:5 «d1» d6 is rejected by maximality: d1 dominates it, lower E(d1 − d6) = 1/10 > 0'
        ]);
    });

    it('every listed rejected act, in the order the claim lists them; chosen acts get nothing', async () => {
        expect(await witnesses(`${PROBLEM}assert choose(Choice, maximality) == {d7, d1, d5}`)).toEqual([
            '8:5 «d3» d7 is rejected by maximality: d3 dominates it, lower E(d3 − d7) = 41/40 > 0',
            '6:5 «d1» d5 is rejected by maximality: d1 dominates it, lower E(d1 − d5) = 1/20 > 0'
        ]);
    });

    it('interval dominance, scoring rules (with the claim on either side), E-admissibility', async () => {
        expect(await witnesses(`${PROBLEM}assert choose(Choice, intervalDominance) == {d1, d7}`)).toEqual([
            '8:5 «d3» d7 is rejected by intervalDominance: d3 dominates it: lower E(d3) exceeds upper E(d7) by 41/40'
        ]);
        expect(await witnesses(`${PROBLEM}assert {d1, d3} == choose(Choice, hurwicz(1/2))`)).toEqual([
            '6:5 «d1» d3 is rejected by hurwicz(1/2): d1 scores 1/10 better'
        ]);
        expect(await witnesses(`${PROBLEM}assert choose(Choice, minimaxRegret) == {d3, d7}`)).toEqual([
            '8:5 «d3» d7 is rejected by minimaxRegret: d3 has 51/40 less maximal regret'
        ]);
        expect(await witnesses(`${PROBLEM}assert choose(Choice, eAdmissibility) == {d1, d4}`)).toEqual([
            '9:5 «d4» d4 is rejected by eAdmissibility: no p in K makes d4 optimal'
        ]);
    });

    it('losses: the witness is written in losses', async () => {
        const note = 'set X = {a, b}\ncredal K on X = { P({a}) in [1/4, 3/4] }\ndecision L on X {\n  belief K\n  losses {\n    safe = (1, 1)\n    bad = (2, 3)\n  }\n}\n'
            + 'assert choose(L, maximality) == {safe, bad}';
        expect(await witnesses(note)).toEqual(['6:5 «safe» bad is rejected by maximality: safe dominates it, lower E(L_bad − L_safe) = 5/4 > 0']);
    });

    it('a claim that misses a chosen act has no witness to show', async () => {
        expect(await witnesses(`${PROBLEM}assert choose(Choice, maximality) == {d1, d2}`)).toEqual([]);
    });
});
