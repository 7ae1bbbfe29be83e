import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as credal from '../../src/math/credal.js';
import { Rational } from '../../src/math/rational.js';
import { describeIssues, evaluationKit } from '../evaluation/evaluation-kit.js';

const kit = evaluationKit();
afterEach(() => kit.clear());

const X = 'set X = {a, b, c}\n';

describe('§8.2 mix of credal sets', () => {
    it('mix(1/3: vacuous, 2/3: p) is the 1/3-contamination of p: lowerE = Σ wᵢ lowerE(Kᵢ) by hand', async () => {
        // f = (3, −1, 2): lowerE(vacuous) = −1, E_p f = 7/4, so 1/3·(−1) + 2/3·7/4 = 5/6; upper 1/3·3 + 7/6 = 13/6.
        const text = X + 'dist p on X = (1/2, 1/4, 1/4)\ncredal V on X = vacuous\ncredal M = mix(1/3: V, 2/3: p)\ngamble f on X = (3, -1, 2)\n'
            + 'eval lowerE(M, f)\neval upperE(M, f)\neval vertices(M)\nassert subset(M, contamination(p, 1/3)) == true\nassert subset(contamination(p, 1/3), M) == true';
        expect(await kit.values(text)).toEqual(['5/6 ≈ 0.8333', '13/6 ≈ 2.1667', '{(1/3, 1/6, 1/2), (1/3, 1/2, 1/6), (2/3, 1/6, 1/6)}',
            'true', 'true']);
    });

    it('a mixture is not the hull of the union', async () => {
        const text = 'set Y = {h, t}\ncredal L on Y = { P({h}) in [0, 1/2] }\ncredal H on Y = { P({h}) in [1/2, 1] }\n'
            + 'eval interval(mix(1/2: L, 1/2: H), {h})\neval interval(hull(L ∪ H), {h})';
        expect(await kit.values(text)).toEqual(['[1/4, 3/4]', '[0, 1]']);
    });

    it('weights that do not sum to 1 are E-DIST-SUM; a negative weight E-DIST-NEG', async () => {
        const issues = await kit.issues(X + 'credal V on X = vacuous\ncredal M = mix(1/3: V, 1/3: V)\ncredal N = mix(-1: V, 2: V)', false);
        expect(describeIssues(issues)).toEqual(['E-DIST-SUM 3:12 mixture weights sum to 2/3; 1/3 missing',
            'E-DIST-NEG 4:16 negative mixture weight -1']);
    });

    it('property: lowerE(mix) = Σ wᵢ lowerE(Kᵢ) on random interval sets', () => {
        const bound = fc.integer({ min: 0, max: 10 }).map((k) => Rational.of(k, 10));
        fc.assert(fc.property(bound, bound, fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3,
            maxLength: 3 }),
            (l1, l2, w, raw) => {
                const K1 = credal.probabilityIntervals([l1, Rational.ZERO, Rational.ZERO], [Rational.ONE, Rational.ONE, Rational.ONE]);
                const K2 = credal.contamination([Rational.of(1, 3), Rational.of(1, 3), Rational.of(1, 3)], l2);
                if (!K1.ok || !K2.ok) return;
                const weight = Rational.of(w, 6);
                const M = credal.mixture([K1.value, K2.value], [weight, Rational.ONE.sub(weight)]);
                const f = raw.map((x) => Rational.of(x));
                const lhs = credal.lowerE(M.ok ? M.value : K1.value, f);
                const rhs = weight.mul((credal.lowerE(K1.value, f) as { value: Rational }).value)
                    .add(Rational.ONE.sub(weight).mul((credal.lowerE(K2.value, f) as { value: Rational }).value));
                expect(lhs.ok && lhs.value.eq(rhs)).toBe(true);
                // The vertex route agrees with the closed form.
                const verts = credal.vertices(M.ok ? M.value : K1.value);
                expect(verts.ok && Rational.min(...verts.value.map((v) => Rational.dot(v, f))).eq(rhs)).toBe(true);
            }), { numRuns: 60 });
    });
});

describe('§8.3 belief functions, Dempster and Möbius', () => {
    const BEL = X + 'credal Bel on X = belief{ {a}: 3/10, {a, b}: 1/2, all: 1/5 }\n';

    it('belief{…}: lowerP(A) = Bel(A), Choquet lower expectation, vertices by permutations', async () => {
        const text = BEL + 'eval lowerP(Bel, {a})\neval lowerP(Bel, {a, b})\neval lowerP(Bel, {b, c})\neval upperP(Bel, {c})\n'
            + 'eval lowerE(Bel, (3, 2, 1))\neval vertices(Bel)\neval mobius(Bel, {a, b})';
        expect(await kit.values(text)).toEqual(['3/10', '4/5', '0', '1/5', '21/10',
            '{(3/10, 1/2, 1/5), (3/10, 7/10, 0), (4/5, 0, 1/5), (1, 0, 0)}', '1/2']);
    });

    it('mobius of any credal set: the Möbius inverse of its lower probability', async () => {
        const text = X + 'credal K on X = { P({a}) >= 3/10, P({a, b}) >= 4/5 }\neval mobius(K, {a, b})\neval mobius(K, {a})\neval mobius(K, all)';
        // m({a,b}) = 4/5 − 3/10 − 0 = 1/2; m({a}) = 3/10; m(X) = 1 − Σ over the others = 1 − 4/5 − 0 = … by inclusion–exclusion.
        expect(await kit.values(text)).toEqual(['1/2', '3/10', '1/5']);
    });

    it("Dempster's rule on two witnesses (by hand), partial conflict normalised, total conflict E-DEMPSTER-CONFLICT", async () => {
        const text = 'set Suspect = {peter, paul, mary}\n'
            + 'credal W1 on Suspect = belief{ {peter, paul}: 3/4, all: 1/4 }\ncredal W2 on Suspect = belief{ {paul, mary}: 1/2, all: 1/2 }\n'
            + 'credal D = dempster(W1, W2)\neval lowerP(D, {paul})\neval upperP(D, {peter})\neval mobius(D, {peter, paul})\n'
            + 'credal C on Suspect = dempster(belief{ {peter}: 1/2, all: 1/2 }, belief{ {mary}: 1/2, all: 1/2 })\neval mobius(C, {peter})\neval mobius(C, all)\n'
            + 'credal Z on Suspect = dempster(belief{ {peter}: 1 }, belief{ {mary}: 1 })';
        expect(await kit.values(text)).toEqual(['3/8', '1/2', '3/8', '1/3 ≈ 0.3333', '1/3 ≈ 0.3333']);
        const issues = describeIssues(await kit.issues(text, false));
        expect(issues).toEqual(['E-DEMPSTER-CONFLICT 11:23 belief{ {peter}: 1 } and belief{ {mary}: 1 } conflict totally: every pair of focal events is disjoint (conflict 1), so Dempster\'s normalisation 1/(1 − conflict) is undefined']);
    });

    it('masses must be non-negative, sum to 1, and not sit on ∅; dempster needs belief functions', async () => {
        const issues = await kit.issues(X
            + 'credal B1 on X = belief{ {a}: 1/2, {b}: 1/4 }\ncredal B2 on X = belief{ {a}: -1/2, all: 3/2 }\n'
            + 'credal B3 on X = belief{ none: 1/2, all: 1/2 }\ncredal K on X = { P({a}) >= 1/2 }\ncredal D = dempster(K, K)', false);
        expect(describeIssues(issues)).toEqual([
            'E-DIST-SUM 2:18 masses sum to 3/4; 1/4 missing',
            'E-DIST-NEG 3:31 negative mass -1/2 on {a}',
            'E-TYPE 4:26 the empty event cannot carry mass (1/2): a belief function\'s masses sit on non-empty focal events',
            'E-TYPE 6:21 dempster(…) combines belief functions: `K` is not one; write it as belief{ event: mass, … }'
        ]);
    });

    it('properties: Dempster with the vacuous belief is the identity; lowerP(A) = Bel(A)', () => {
        const n = 3;
        const focalArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 })), { minLength: 1,
            maxLength: 4 }).map((entries) => {
            const total = entries.reduce((s, [, w]) => s + w, 0);
            return entries.map(([mask, w]) => ({ event: Array.from({ length: n }, (_, i) => (mask & (1 << i)) !== 0), mass: Rational.of(w,
                total) }));
        });
        fc.assert(fc.property(focalArb, fc.integer({ min: 1, max: 6 }), (focal, mask) => {
            const B = credal.beliefFunction(n, focal);
            const V = credal.vacuous(n);
            if (!B.ok || !V.ok) throw new Error('construction failed');
            const D = credal.dempsterCombination(B.value, V.value);
            if (!D.ok) throw new Error(D.error.message);
            const event = Array.from({ length: n }, (_, i) => (mask & (1 << i)) !== 0);
            const bel = Rational.sum(focal.filter((F) => F.event.every((x, i) => !x || event[i])).map((F) => F.mass));
            const low = credal.lowerP(B.value, event);
            const lowD = credal.lowerP(D.value.set, event);
            expect(low.ok && low.value.eq(bel)).toBe(true);
            expect(lowD.ok && lowD.value.eq(bel)).toBe(true);
            // the LP route (H-representation from the masses) agrees with the Choquet integral
            const verts = credal.vertices(B.value);
            expect(verts.ok && Rational.min(...verts.value.map((v) => Rational.dot(v, event.map((x) => (x ? Rational.ONE
                : Rational.ZERO))))).eq(bel)).toBe(true);
        }), { numRuns: 60 });
    });
});

describe('§8.4 belief finite{…} in decisions', () => {
    const EXPERTS = 'set X = {x1, x2}\ndist p1 on X = (1, 0)\ndist p2 on X = (0, 1)\n'
        + 'decision Finite on X { belief finite{p1, p2}\n acts { d1 = (1, 0)\n d2 = (0, 1)\n d3 = (3/5, 3/5) } }\n'
        + 'decision Hull on X { belief hull{p1, p2}\n acts { d1 = (1, 0)\n d2 = (0, 1)\n d3 = (3/5, 3/5) } }\n';

    it('E-admissibility over the listed distributions differs from the hull; the other rules do not', async () => {
        const text = EXPERTS + 'eval choose(Finite, eAdmissibility)\neval choose(Hull, eAdmissibility)\neval choose(Finite, maximality)\n'
            + 'eval choose(Finite, maximin)\neval choose(Hull, maximin)\neval value(Finite, d3, maximin)';
        expect(await kit.values(text)).toEqual(['{d1, d2}', '{d1, d2, d3}', '{d1, d2, d3}', '{d3}', '{d3}', '3/5']);
    });

    it('finite{…} outside a decision is E-NONCONVEX suggesting hull{…}', async () => {
        const issues = await kit.issues('set X = {x1, x2}\ndist p1 on X = (1, 0)\ncredal K on X = finite{p1, (0, 1)}', false);
        expect(describeIssues(issues)).toEqual(['E-NONCONVEX 3:17 finite{…} is a finite, non-convex set of distributions, allowed only as a decision\'s belief (E-admissibility over the listed distributions); as a credal set write hull{p1, (0, 1)}']);
        expect(issues[0]!.data).toMatchObject({ replacement: 'hull{p1, (0, 1)}' });
    });
});
