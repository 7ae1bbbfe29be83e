/**
 * Property tests on random small credal sets: the basic properties of §A.3, closed forms = LP,
 * vertex sets = brute force, GBR equation, certificates that certify, set algebra.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
    coherence, condition, contains, dim, probabilityIntervals, fromConstraints, hull, hullOfUnion, intersection, isEmpty, isPrecise,
        isVacuous, lowerE,
    lowerP, marginal, pushForward, strongProduct, subset, upperE, upperP, vertices, type CredalConstraint,
} from '../../src/math/credal.js';
import { hrep } from '../../src/math/credal-compute.js';
import { Budget } from '../../src/math/budget.js';
import { constraintGamble } from '../../src/math/lp.js';
import { affineDimension, bruteForceVertices } from '../../src/math/polytope.js';
import { Rational } from '../../src/math/rational.js';
import { credalArb, distArb, eventArb, feasibleConstraintsArb, gambleArb, get, intervalsArb, sizeArb } from './credal-arbitraries.js';

const RUNS = { numRuns: 60 };
const key = (ps: Rational[][]): string[] => ps.map((p) => p.join(','));
const dotv = (a: Rational[], b: Rational[]): Rational => Rational.dot(a, b);
const minOver = (ps: Rational[][], f: Rational[]): Rational => Rational.min(...ps.map((p) => dotv(p, f)));
const ind = (e: boolean[]): Rational[] => e.map((b) => (b ? Rational.ONE : Rational.ZERO));

const withGambles = sizeArb.chain((n) => fc.record({
    n: fc.constant(n), built: credalArb(n), f: gambleArb(n), g: gambleArb(n), A: eventArb(n),
    lambda: fc.integer({ min: 0, max: 4 }).map((x) => Rational.of(x, 2)), c: gambleArb(1).map((x) => x[0]!),
}));

describe('basic properties (§A.3)', () => {
    it('bounds, homogeneity, translation, superadditivity, conjugacy', () => {
        fc.assert(fc.property(withGambles, ({ built: { K }, f, g, A, lambda, c }) => {
            const lo = get(lowerE(K, f)), up = get(upperE(K, f));
            expect(Rational.min(...f).le(lo) && lo.le(up) && up.le(Rational.max(...f))).toBe(true);
            expect(get(lowerE(K, f.map((x) => x.mul(lambda)))).eq(lo.mul(lambda))).toBe(true);
            expect(get(lowerE(K, f.map((x) => x.add(c)))).eq(lo.add(c))).toBe(true);
            expect(get(lowerE(K, f.map((x, i) => x.add(g[i]!)))).ge(lo.add(get(lowerE(K, g))))).toBe(true);
            expect(get(lowerP(K, A)).add(get(upperP(K, A.map((x) => !x)))).eq(Rational.ONE)).toBe(true);
        }), RUNS);
    });
    it('lower/upper expectation = min/max over the vertices; vertices lie in K', () => {
        fc.assert(fc.property(withGambles, ({ built: { K }, f }) => {
            const vs = get(vertices(K));
            expect(get(lowerE(K, f)).eq(minOver(vs, f))).toBe(true);
            expect(get(upperE(K, f)).eq(Rational.max(...vs.map((p) => dotv(p, f))))).toBe(true);
            for (const p of vs) expect(get(contains(K, p))).toBe(true);
            expect(get(isPrecise(K))).toBe(vs.length === 1);
            expect(get(dim(K))).toBe(affineDimension(vs));
            expect(get(isVacuous(K))).toBe(vs.length === K.n && vs.every((p) => p.filter((x) => !x.isZero()).length === 1));
        }), RUNS);
    });
});

describe('closed forms and vertex enumeration against the LP and brute force', () => {
    it('every structured set equals its H-representation (LP value and brute-force vertex set)', () => {
        const small = fc.integer({ min: 2, max: 4 }).chain((n) => fc.record({ built: credalArb(n), f: gambleArb(n) }));
        fc.assert(fc.property(small, ({ built: { K }, f }) => {
            const rows = hrep(K, Budget.unlimited());
            if (!rows) return;
            const H = get(fromConstraints(K.n, rows));
            expect(get(lowerE(H, f)).eq(get(lowerE(K, f)))).toBe(true);
            expect(get(upperE(H, f)).eq(get(upperE(K, f)))).toBe(true);
            expect(key(get(vertices(K)))).toEqual(key(bruteForceVertices({ n: K.n, constraints: rows })));
        }), RUNS);
    });
});

describe('coherence', () => {
    it('interval closed forms = LP natural extension; natural extensions never loosen an assessment', () => {
        const arb = sizeArb.chain((n) => intervalsArb(n));
        fc.assert(fc.property(arb, ({ lower, upper }) => {
            const I = get(probabilityIntervals(lower, upper));
            const H = get(fromConstraints(I.n, hrep(I, Budget.unlimited())!));
            const closed = get(coherence(I)), lp = get(coherence(H));
            expect(closed.map((e) => [e.id, e.rel, e.naturalExtension.toString(), e.tight])).toEqual(lp.map((e) => [e.id, e.rel,
                e.naturalExtension.toString(), e.tight]));
            for (const e of lp) expect(e.rel === '<=' ? e.naturalExtension.le(e.assessed) : e.naturalExtension.ge(e.assessed)).toBe(true);
        }), RUNS);
    });
});

describe('sure loss certificates', () => {
    const anyConstraints = sizeArb.chain((n) => fc.record({
        n: fc.constant(n),
        rows: fc.array(fc.record({
            coeffs: fc.array(fc.integer({ min: -3, max: 3 }).map((x) => Rational.of(x)), { minLength: n, maxLength: n }),
            rel: fc.constantFrom<'>=' | '<=' | '='>('>=', '<=', '='),
            rhs: fc.integer({ min: -4, max: 4 }).map((x) => Rational.of(x, 2)),
        }), { minLength: 1, maxLength: 4 }),
    }));
    it('an empty set comes with multipliers whose combination loses everywhere; a nonempty one with a point', () => {
        fc.assert(fc.property(anyConstraints, ({ n, rows }) => {
            const cs: CredalConstraint[] = rows.map((r, i) => ({ id: `c${i}`, ...r }));
            const e = get(isEmpty(get(fromConstraints(n, cs))));
            if (!e.empty) {
                expect(cs.every((c) => {
                    const v = dotv(c.coeffs, e.point).cmp(c.rhs);
                    return c.rel === '=' ? v === 0 : c.rel === '>=' ? v >= 0 : v <= 0;
                })).toBe(true);
                return;
            }
            const cert = e.certificate!;
            const h = Array.from({ length: n }, () => Rational.ZERO);
            for (const t of cert.terms) {
                const c = cs.find((x) => x.id === t.id)!;
                expect(c.rel === '=' || t.multiplier.sign() > 0).toBe(true);
                constraintGamble(c).forEach((gx, x) => { h[x] = h[x]!.add(t.multiplier.mul(gx)); });
            }
            expect(h.map(String)).toEqual(cert.gamble.map(String));
            expect(h.every((x) => x.sign() < 0)).toBe(true);
        }), { numRuns: 100 });
    });
});

describe('generalized Bayes rule', () => {
    const arb = sizeArb.chain((n) => fc.record({ built: credalArb(n), f: gambleArb(n), B: eventArb(n) }));
    it('μ = lowerE(f | B) solves lowerE(1_B (f − μ)) = 0 when lower P(B) > 0', () => {
        fc.assert(fc.property(arb, ({ built: { K }, f, B }) => {
            if (get(lowerP(K, B)).isZero()) return;
            const mu = get(lowerE(get(condition(K, B)), f));
            expect(get(lowerE(K, f.map((x, i) => (B[i] ? x.sub(mu) : Rational.ZERO)))).isZero()).toBe(true);
        }), RUNS);
    });
    it('closed-form (contamination) and Charnes–Cooper conditioning equal vertex conditioning; zero-probability events are flagged', () => {
        fc.assert(fc.property(arb, ({ built: { K }, f, B }) => {
            const up = get(upperP(K, B));
            const r = condition(K, B);
            if (up.isZero()) { expect(r.ok ? 'ok' : r.error.code).toBe('E-COND-NULL'); return; }
            const KB = get(r);
            const direct = get(lowerE(KB, f)); // closed form or Charnes–Cooper LP: K's vertices not computed yet
            const viaHull = get(condition(get(hull(get(vertices(K)))), B));
            // Flagged iff P̲(B) = 0 and the regular extension is not already vacuous on B (v1.1 §8.9): some
            // point mass on an element of B is missing from the regular conditional's vertices.
            const regular = get(vertices(viaHull));
            const vacuousOnB = B.every((inB, x) => !inB || regular.some((p) => p.every((m, y) => (y === x ? m.eq(Rational.ONE) : m.isZero()))));
            expect(KB.notes.some((x) => x.code === 'W-ZERO-COND')).toBe(get(lowerP(K, B)).isZero() && !vacuousOnB);
            expect(direct.eq(get(lowerE(viaHull, f)))).toBe(true);
            for (const p of get(vertices(KB))) expect(p.every((x, i) => B[i] || x.isZero())).toBe(true);
        }), RUNS);
    });
});

describe('set algebra', () => {
    const pair = fc.integer({ min: 2, max: 4 }).chain((n) => fc.record({ K: credalArb(n), L: credalArb(n), f: gambleArb(n),
        C: feasibleConstraintsArb(n) }));
    it('hull of union: lower = min, contains both; intersection ⊆ both', () => {
        fc.assert(fc.property(pair, ({ K: { K }, L: { K: L }, f }) => {
            const U = get(hullOfUnion([K, L]));
            expect(get(lowerE(U, f)).eq(Rational.min(get(lowerE(K, f)), get(lowerE(L, f))))).toBe(true);
            expect(get(subset(K, U)) && get(subset(L, U))).toBe(true);
            const I = get(intersection([K, L]));
            const e = get(isEmpty(I));
            if (e.empty) return;
            expect(get(subset(I, K)) && get(subset(I, L))).toBe(true);
            expect(get(lowerE(I, f)).ge(Rational.max(get(lowerE(K, f)), get(lowerE(L, f))))).toBe(true);
        }), RUNS);
    });
    it('an intersection with a hull (lifted LP) equals the intersection of H-representations', () => {
        const arb = fc.integer({ min: 2, max: 4 }).chain((n) => fc.record({ C: feasibleConstraintsArb(n), D: feasibleConstraintsArb(n),
            f: gambleArb(n) }));
        fc.assert(fc.property(arb, ({ C, D, f }) => {
            const n = C[0]!.coeffs.length;
            const H1 = get(fromConstraints(n, C));
            const H2 = get(fromConstraints(n, D.map((c) => ({ ...c, id: `d${c.id}` }))));
            const V1 = get(hull(get(vertices(H1))));
            const viaLift = get(intersection([V1, H2])), viaH = get(intersection([H1, H2]));
            const empty = get(isEmpty(viaH)).empty;
            expect(get(isEmpty(viaLift)).empty).toBe(empty);
            if (empty) { expect(lowerE(viaLift, f).ok).toBe(false); return; }
            expect(get(lowerE(viaLift, f)).eq(get(lowerE(viaH, f)))).toBe(true);
            expect(key(get(vertices(viaLift)))).toEqual(key(get(vertices(viaH))));
        }), { numRuns: 40 });
    });
    it('strong product: min over vertex pairs, marginals give back the factors; push-forward composes', () => {
        const arb = fc.record({ K: credalArb(2), L: credalArb(3), f: gambleArb(6), g: gambleArb(2), map: fc.array(fc.integer({ min: 0,
            max: 1 }), { minLength: 3, maxLength: 3 }) });
        fc.assert(fc.property(arb, ({ K: { K }, L: { K: L }, f, g, map }) => {
            const S = get(strongProduct(K, L));
            expect(get(lowerE(S, f)).eq(minOver(get(vertices(S)), f))).toBe(true);
            expect(key(get(vertices(get(marginal(S, [2, 3], 0)))))).toEqual(key(get(vertices(K))));
            expect(key(get(vertices(get(marginal(S, [2, 3], 1)))))).toEqual(key(get(vertices(L))));
            const P = get(pushForward(L, map, 2));
            expect(get(lowerE(P, g)).eq(get(lowerE(L, map.map((y) => g[y]!))))).toBe(true);
        }), { numRuns: 40 });
    });
    it('contains agrees with the H-representation for random distributions', () => {
        const arb = sizeArb.chain((n) => fc.record({ built: credalArb(n), p: distArb(n) }));
        fc.assert(fc.property(arb, ({ built: { K }, p }) => {
            const viaHull = get(contains(get(hull(get(vertices(K)))), p));
            expect(get(contains(K, p))).toBe(viaHull);
        }), RUNS);
    });
    it('indicator helper sanity', () => { expect(ind([true, false]).map(String)).toEqual(['1', '0']); });
});
