/**
 * Decision rules over many acts (decision trees' normal forms): the belief's vertices replace one LP per pair,
 * maximality compares each act with the maximal acts only, and minimax regret and E-admissibility (`any`)
 * look only at the maximal acts. The chosen sets and scores must be exactly those of the pairwise definitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerE } from '../../src/math/credal.js';
import { analyse, choose, type DecisionProblem, type RuleResult } from '../../src/math/decision.js';
import { Rational } from '../../src/math/rational.js';
import { credalArb, gambleArb, get } from './credal-arbitraries.js';

const RUNS = { numRuns: 25 };
const sub = (a: Rational[], b: Rational[]): Rational[] => a.map((x, i) => x.sub(b[i]!));

const manyActsArb = fc.integer({ min: 2, max: 4 }).chain((n) => fc.record({
    built: credalArb(n),
    payoffs: fc.array(gambleArb(n), { minLength: 6, maxLength: 12 }),
    loss: fc.boolean(),
}).map(({ built, payoffs, loss }): DecisionProblem => ({ belief: built.K, acts: payoffs.map((payoff, i) => ({ name: `a${i}`, payoff })),
    orientation: loss ? 'loss' : 'utility' })));

/** The definitions, pair by pair, one lower expectation each (computed before the rules cache any vertices). */
function reference(D: DecisionProblem): { maximal: string[]; regret: Rational[] } {
    const u = D.acts.map((a) => (D.orientation === 'loss' ? a.payoff.map((x) => x.neg()) : a.payoff));
    const gain = u.map((ub) => u.map((ua) => get(lowerE(D.belief, sub(ub, ua)))));
    const maximal = D.acts.filter((_, a) => u.every((__, b) => b === a || gain[b]![a]!.sign() <= 0)).map((act) => act.name);
    const regret = u.map((_, a) => Rational.max(Rational.ZERO, ...u.map((__, b) => gain[a]![b]!.neg())));
    return { maximal, regret };
}

const byKind = (results: RuleResult[]): Map<string, RuleResult> => new Map(results.map((r) => [r.rule.kind, r]));

describe('rules over many acts', () => {
    it('maximality and minimax regret equal their pairwise definitions, with either kind of explanation', () => {
        fc.assert(fc.property(manyActsArb, (D) => {
            const ref = reference(D);
            for (const explanation of ['strongest', 'any'] as const) {
                const results = byKind(get(analyse(D, { explanation })).results);
                expect(results.get('maximality')!.chosen).toEqual(ref.maximal);
                expect(results.get('minimaxRegret')!.scores!.map((s) => s.score.toString())).toEqual(ref.regret.map((r) => r.toString()));
            }
        }), RUNS);
    });
    it('`any` chooses what `strongest` chooses under every rule, and its witnesses certify', () => {
        fc.assert(fc.property(manyActsArb, (D) => {
            const strongest = get(analyse(D, { alpha: Rational.of(1, 3) })).results;
            const any = get(analyse(D, { alpha: Rational.of(1, 3), explanation: 'any' })).results;
            expect(any.map((r) => r.chosen)).toEqual(strongest.map((r) => r.chosen));
            const u = (name: string): Rational[] => {
                const payoff = D.acts.find((a) => a.name === name)!.payoff;
                return D.orientation === 'loss' ? payoff.map((x) => x.neg()) : payoff;
            };
            const m = get(choose(D, { kind: 'maximality' }, undefined, 'any'));
            expect(m.chosen).toEqual(byKind(strongest).get('maximality')!.chosen);
            for (const { act, witness } of m.rejected) {
                if (witness.kind !== 'maximality') throw new Error('wrong witness');
                expect(m.chosen).toContain(witness.by);
                expect(get(lowerE(D.belief, sub(u(witness.by), u(act)))).eq(witness.margin)).toBe(true);
                expect(witness.margin.sign()).toBe(1);
            }
        }), RUNS);
    });
});
