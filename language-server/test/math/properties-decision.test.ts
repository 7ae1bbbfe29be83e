/**
 * Property tests for decision rules (§A.7 inclusions, witnesses, orientation) and DDT (face lemma,
 * nirvana0 bound, the Cartesian sanity theorem).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, hull, lowerE, precise, upperE, vertices, type CredalSet } from '../../src/math/credal.js';
import { faceLowerEByLp, solveDdt } from '../../src/math/ddt.js';
import { analyse, choose, type Act, type DecisionProblem, type RuleResult } from '../../src/math/decision.js';
import { Rational } from '../../src/math/rational.js';
import { credalArb, distArb, eventArb, gambleArb, get, sizeArb } from './credal-arbitraries.js';

const RUNS = { numRuns: 50 };
const sub = (a: Rational[], b: Rational[]): Rational[] => a.map((x, i) => x.sub(b[i]!));
const within = (small: string[], big: string[]): boolean => small.every((x) => big.includes(x));

const problemArb = sizeArb.chain((n) => fc.record({
    built: credalArb(n),
    payoffs: fc.array(gambleArb(n), { minLength: 1, maxLength: 4 }),
}).map(({ built, payoffs }) => ({ belief: built.K, acts: payoffs.map((payoff, i) => ({ name: `a${i}`, payoff })),
    orientation: 'utility' as const })));

function byRule(results: RuleResult[]): Record<string, string[]> {
    return Object.fromEntries(results.map((r) => [r.rule.kind, r.chosen]));
}

describe('decision rules', () => {
    it('Γ-maximax ⊆ E-admissible ⊆ maximal ⊆ interval-dominant, Γ-maximin ⊆ maximal, nothing empty', () => {
        fc.assert(fc.property(problemArb, (D) => {
            const r = byRule(get(analyse(D, { alpha: Rational.of(1, 3) })).results);
            expect(within(r.maximax!, r.eAdmissibility!)).toBe(true);
            expect(within(r.eAdmissibility!, r.maximality!)).toBe(true);
            expect(within(r.maximality!, r.intervalDominance!)).toBe(true);
            expect(within(r.maximin!, r.maximality!)).toBe(true);
            for (const chosen of Object.values(r)) expect(chosen.length).toBeGreaterThan(0);
        }), RUNS);
    });
    it('Hurwicz 0 / 1 are Γ-maximin / Γ-maximax', () => {
        fc.assert(fc.property(problemArb, (D) => {
            expect(get(choose(D, { kind: 'hurwicz', alpha: Rational.ZERO })).chosen).toEqual(get(choose(D, { kind: 'maximin' })).chosen);
            expect(get(choose(D, { kind: 'hurwicz', alpha: Rational.ONE })).chosen).toEqual(get(choose(D, { kind: 'maximax' })).chosen);
        }), RUNS);
    });
    it('witnesses certify: maximality margins, interval-dominance margins, E-admissibility support points', () => {
        fc.assert(fc.property(problemArb, (D) => {
            const pay = (name: string): Rational[] => D.acts.find((a) => a.name === name)!.payoff;
            const m = get(choose(D, { kind: 'maximality' }));
            for (const { act, witness } of m.rejected) {
                if (witness.kind !== 'maximality') throw new Error('wrong witness');
                expect(witness.margin.sign()).toBe(1);
                expect(get(lowerE(D.belief, sub(pay(witness.by), pay(act)))).eq(witness.margin)).toBe(true);
            }
            const id = get(choose(D, { kind: 'intervalDominance' }));
            for (const { act, witness } of id.rejected) {
                if (witness.kind !== 'intervalDominance') throw new Error('wrong witness');
                expect(witness.margin.sign()).toBe(1);
                expect(get(lowerE(D.belief, pay(witness.by))).sub(get(upperE(D.belief, pay(act)))).eq(witness.margin)).toBe(true);
            }
            const e = get(choose(D, { kind: 'eAdmissibility' }));
            for (const { act, p } of e.support!) {
                expect(get(contains(D.belief, p))).toBe(true);
                for (const b of D.acts) expect(Rational.dot(p, pay(act)).ge(Rational.dot(p, b.payoff))).toBe(true);
            }
            // A rejected act is not optimal at any vertex (a vertex maximiser would be a support point).
            const vs = get(vertices(D.belief));
            for (const { act } of e.rejected) {
                for (const p of vs) expect(D.acts.some((b) => Rational.dot(p, b.payoff).gt(Rational.dot(p, pay(act))))).toBe(true);
            }
        }), RUNS);
    });
    it('losses (L = −U) choose the same acts under every rule', () => {
        fc.assert(fc.property(problemArb, (D) => {
            const L: DecisionProblem = { ...D, orientation: 'loss', acts: D.acts.map((a) => ({ name: a.name,
                payoff: a.payoff.map((x) => x.neg()) })) };
            expect(byRule(get(analyse(L, { alpha: Rational.of(1, 2) })).results)).toEqual(byRule(get(analyse(D, { alpha: Rational.of(1,
                2) })).results));
        }), { numRuns: 30 });
    });
    it('a precise belief reduces every rule but pointwise admissibility to expected utility', () => {
        const arb = sizeArb.chain((n) => fc.record({ p: distArb(n), payoffs: fc.array(gambleArb(n), { minLength: 1, maxLength: 4 }) }));
        fc.assert(fc.property(arb, ({ p, payoffs }) => {
            const acts: Act[] = payoffs.map((payoff, i) => ({ name: `a${i}`, payoff }));
            const values = payoffs.map((f) => Rational.dot(p, f));
            const best = Rational.max(...values);
            const eu = acts.filter((_, i) => values[i]!.eq(best)).map((a) => a.name);
            const r = byRule(get(analyse({ belief: get(precise(p)), acts, orientation: 'utility' }, { alpha: Rational.of(1, 4) })).results);
            for (const [rule, chosen] of Object.entries(r)) if (rule !== 'admissibility') expect(chosen).toEqual(eu);
        }), RUNS);
    });
});

describe('DDT', () => {
    const faceArb = sizeArb.chain((n) => fc.record({ built: credalArb(n), U: gambleArb(n), E: eventArb(n) }));
    it('face lemma: filtering vertices equals the LP with μ(e) = 0 off E_π', () => {
        fc.assert(fc.property(faceArb, ({ built: { K }, U, E }) => {
            const face = get(vertices(K)).filter((v) => v.every((x, e) => E[e] || x.isZero()));
            const lp = get(faceLowerEByLp(K, U, E));
            if (face.length === 0) { expect(lp).toBeUndefined(); return; }
            expect(lp!.eq(Rational.min(...face.map((v) => Rational.dot(v, U))))).toBe(true);
        }), RUNS);
    });
    it('nirvana0 value ≤ strict value (utility) whenever Θ_π is nonempty', () => {
        fc.assert(fc.property(faceArb, ({ built: { K }, U, E }) => {
            const top = Rational.max(...U).add(Rational.ONE);
            const policies = [{ name: 'pi', consistent: E }, { name: 'all', consistent: E.map(() => true) }];
            const strict = solveDdt({ belief: K, policies, payoff: U, orientation: 'utility', inconsistent: 'exclude' });
            const n0 = get(solveDdt({ belief: K, policies, payoff: U, orientation: 'utility', semantics: { kind: 'nirvana0', top } }));
            const s = get(strict).policies[0]!;
            if (s.status !== 'ok') return;
            expect(n0.policies[0]!.value!.le(s.value!)).toBe(true);
        }), RUNS);
    });
    it('sanity theorem: a Cartesian DDT problem is Γ-maximin', () => {
        const arb = fc.integer({ min: 2, max: 3 }).chain((m) => fc.record({
            built: credalArb(m), payoffs: fc.array(gambleArb(m), { minLength: 2, maxLength: 3 }),
        }));
        fc.assert(fc.property(arb, ({ built: { K }, payoffs }) => {
            const m = K.n, k = payoffs.length;
            const ext = get(vertices(K));
            // Outcomes (a, s) row-major; Θ = conv{δ_a ⊗ q}.
            const theta: CredalSet = get(hull(payoffs.flatMap((_, a) => ext.map((q) =>
                Array.from({ length: k * m }, (_, i) => (Math.floor(i / m) === a ? q[i % m]! : Rational.ZERO))))));
            const ddt = get(solveDdt({
                belief: theta, orientation: 'utility', payoff: payoffs.flat(),
                policies: payoffs.map((_, a) => ({ name: `a${a}`, consistent: Array.from({ length: k * m }, (_,
                    i) => Math.floor(i / m) === a) })),
            }));
            const gm = get(choose({ belief: K, orientation: 'utility', acts: payoffs.map((payoff, a) => ({ name: `a${a}`, payoff })) },
                { kind: 'maximin' }));
            expect(ddt.optimal).toEqual(gm.chosen);
            expect(ddt.policies.map((p) => p.value!.toString())).toEqual(gm.scores!.map((x) => x.score.toString()));
        }), { numRuns: 30 });
    });
});
