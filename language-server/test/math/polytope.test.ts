import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/math/budget.js';
import type { LinearConstraint } from '../../src/math/lp.js';
import {
    affineDimension, bruteForceVertices, compareLex, enumerateVertices, extremePoints, hDimension, type HRep, inHull,
    redundantConstraints, redundantGenerators, satisfiesH, vSubsetOfH,
} from '../../src/math/polytope.js';
import { Rational } from '../../src/math/rational.js';
import { indicator, r, show, simplexConstraints, vec } from './arbitraries.js';

function vertices(h: HRep): string[] {
    const res = enumerateVertices(h);
    expect(res.ok).toBe(true);
    return res.ok ? show(res.value) : [];
}

const interval = (n: number, i: number, lo: string, hi: string): LinearConstraint[] => [
    { coeffs: indicator(n, 1 << i), rel: '>=', rhs: Rational.parse(lo) },
    { coeffs: indicator(n, 1 << i), rel: '<=', rhs: Rational.parse(hi) },
];

describe('vertex enumeration (double description)', () => {
    it('equals brute force on random small polytopes, sorted and exact', () => {
        const polytope = fc.integer({ min: 1, max: 5 }).chain((n) =>
            fc.record({ n: fc.constant(n), constraints: simplexConstraints(n, 5) }));
        fc.assert(fc.property(polytope, (h) => {
            const res = enumerateVertices(h);
            expect(res.ok).toBe(true);
            if (!res.ok) return;
            expect(show(res.value)).toEqual(show(bruteForceVertices(h)));
            for (let i = 1; i < res.value.length; i++) expect(compareLex(res.value[i - 1]!, res.value[i]!)).toBeLessThan(0);
        }), { numRuns: 400 });
    });

    it('the vacuous set on n outcomes has the n point masses as vertices', () => {
        expect(vertices({ n: 3, constraints: [] })).toEqual(['(0, 0, 1)', '(0, 1, 0)', '(1, 0, 0)']);
        expect(vertices({ n: 1, constraints: [] })).toEqual(['(1)']);
    });

    it('C-5: triangle from lower bounds on singletons', () => {
        const constraints = [0, 1, 2].map((i) => ({ coeffs: indicator(3, 1 << i), rel: '>=' as const, rhs: r(1, 10) }));
        expect(vertices({ n: 3, constraints })).toEqual(['(1/10, 1/10, 4/5)', '(1/10, 4/5, 1/10)', '(4/5, 1/10, 1/10)']);
    });

    it('C-6: pentagon from a band on E[f]', () => {
        const f = vec(1, 2, 3);
        const constraints: LinearConstraint[] = [
            { coeffs: f, rel: '>=', rhs: r(3, 2) }, { coeffs: f, rel: '<=', rhs: r(5, 2) },
        ];
        expect(vertices({ n: 3, constraints })).toEqual(
            ['(0, 1/2, 1/2)', '(0, 1, 0)', '(1/4, 0, 3/4)', '(1/2, 1/2, 0)', '(3/4, 0, 1/4)']);
    });

    it('C-7: probability intervals with an equality', () => {
        const constraints = [...interval(3, 0, '2/5', '1/2'), ...interval(3, 1, '3/10', '2/5'), ...interval(3, 2, '1/5', '1/5')];
        expect(vertices({ n: 3, constraints })).toEqual(['(2/5, 2/5, 1/5)', '(1/2, 3/10, 1/5)']);
        const withEq: LinearConstraint[] = [...interval(3, 0, '2/5', '1/2'), ...interval(3, 1, '3/10', '2/5'),
            { coeffs: indicator(3, 4), rel: '=', rhs: r(1, 5) }];
        expect(vertices({ n: 3, constraints: withEq })).toEqual(['(2/5, 2/5, 1/5)', '(1/2, 3/10, 1/5)']);
    });

    it('C-8: non-reachable interval bounds give four vertices', () => {
        const constraints = [...interval(3, 0, '0.5', '0.666'), ...interval(3, 1, '0.222', '0.272'), ...interval(3, 2, '0.125', '0.181')];
        expect(vertices({ n: 3, constraints })).toEqual([
            '(547/1000, 34/125, 181/1000)', '(597/1000, 111/500, 181/1000)',
            '(603/1000, 34/125, 1/8)', '(653/1000, 111/500, 1/8)',
        ]);
    });

    it('C-9: the empty set has no vertices', () => {
        const constraints: LinearConstraint[] = [
            { coeffs: vec(1, 2, 3, 0), rel: '>=', rhs: r(5, 2) }, { coeffs: vec(3, 2, 1, 0), rel: '>=', rhs: r(5, 2) },
        ];
        expect(vertices({ n: 4, constraints })).toEqual([]);
    });

    it('stops a large enumeration with a typed over-budget result', () => {
        // 2n random-event intervals on n = 12: tens of thousands of vertices.
        let seed = 7;
        const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const n = 12;
        const constraints: LinearConstraint[] = [];
        for (let k = 0; k < 2 * n; k++) {
            const mask = 1 + Math.floor(rand() * ((1 << n) - 2));
            const p = [...Array(n).keys()].filter((j) => (mask >> j) & 1).length / n;
            constraints.push(...interval(n, 0, '0', '1').slice(0, 0),
                { coeffs: indicator(n, mask), rel: '>=', rhs: Rational.of(Math.max(0, Math.floor((p - 0.1) * 100)), 100) },
                { coeffs: indicator(n, mask), rel: '<=', rhs: Rational.of(Math.min(100, Math.ceil((p + 0.1) * 100)), 100) });
        }
        const res = enumerateVertices({ n, constraints }, { budget: new Budget({ timeMs: 200 }) });
        expect(res.ok).toBe(false);
        if (res.ok) return;
        expect(res.error.code).toBe('E-BUDGET');
        expect(res.error.data).toMatchObject({ reason: 'time' });
        expect((res.error.data as { verticesFound: number }).verticesFound).toBeGreaterThan(0);
        const capped = enumerateVertices({ n, constraints }, { maxVertices: 50 });
        expect(!capped.ok && capped.error.data).toMatchObject({ reason: 'vertices' });
        const cancelled = enumerateVertices({ n, constraints }, { budget: new Budget({ isCancelled: () => true }) });
        expect(!cancelled.ok && cancelled.error.data).toMatchObject({ reason: 'cancelled' });
    });

    it('rejects malformed input as a typed error', () => {
        const res = enumerateVertices({ n: 2, constraints: [{ coeffs: vec(1), rel: '>=', rhs: r(0) }] });
        expect(!res.ok && res.error.code).toBe('E-INPUT');
    });
});

describe('V-representation: membership, redundancy, dimension', () => {
    const square = [vec(1, 0, 0), vec(0, 1, 0), vec(0, 0, 1), vec('1/3', '1/3', '1/3'), vec(0, 1, 0)];

    it('finds generators that are not extreme (interior point and duplicate)', () => {
        const red = redundantGenerators(square);
        expect(red.ok && red.value).toEqual([3, 4]);
        const ext = extremePoints(square);
        expect(ext.ok && show(ext.value)).toEqual(['(0, 0, 1)', '(0, 1, 0)', '(1, 0, 0)']);
    });

    it('decides hull membership exactly', () => {
        const seg = [vec('1/2', '1/2', 0), vec(0, '1/2', '1/2')];
        expect(inHull(seg, vec('1/4', '1/2', '1/4'))).toEqual({ ok: true, value: true });
        expect(inHull(seg, vec('1/4', '1/2', '1/5'))).toEqual({ ok: true, value: false });
        expect(inHull(seg, vec('1/3', '1/3', '1/3'))).toEqual({ ok: true, value: false });
        expect(inHull([], vec(1))).toEqual({ ok: true, value: false });
    });

    it('every enumerated vertex is extreme, and vertices lie in K (property)', () => {
        const polytope = fc.integer({ min: 2, max: 4 }).chain((n) =>
            fc.record({ n: fc.constant(n), constraints: simplexConstraints(n, 4) }));
        fc.assert(fc.property(polytope, (h) => {
            const res = enumerateVertices(h);
            if (!res.ok) return;
            expect(vSubsetOfH(res.value, h)).toBe(true);
            const red = redundantGenerators(res.value);
            expect(red.ok && red.value).toEqual([]);
            const dimV = affineDimension(res.value);
            const dimH = hDimension(h);
            expect(dimH.ok && dimH.value).toBe(dimV);
        }), { numRuns: 150 });
    });

    it('computes affine dimensions', () => {
        expect(affineDimension([])).toBe(-1);
        expect(affineDimension([vec(1, 0)])).toBe(0);
        expect(affineDimension([vec(1, 0, 0), vec(0, 1, 0), vec('1/2', '1/2', 0)])).toBe(1);
        expect(affineDimension([vec(1, 0, 0), vec(0, 1, 0), vec(0, 0, 1)])).toBe(2);
        const c7 = { n: 3, constraints: [...interval(3, 0, '2/5', '1/2'), ...interval(3, 1, '3/10', '2/5'), ...interval(3, 2, '1/5',
            '1/5')] };
        expect(hDimension(c7)).toEqual({ ok: true, value: 1 });
        expect(hDimension({ n: 3, constraints: [] })).toEqual({ ok: true, value: 2 });
        const empty = { n: 2, constraints: [{ coeffs: vec(1, 0), rel: '>=' as const, rhs: r(2) }] };
        expect(hDimension(empty)).toEqual({ ok: true, value: -1 });
    });
});

describe('H-representation: membership, subset, redundant constraints', () => {
    const c5: HRep = { n: 3, constraints: [0, 1, 2].map((i) => ({ coeffs: indicator(3, 1 << i), rel: '>=' as const, rhs: r(1, 10) })) };

    it('checks membership exactly', () => {
        expect(satisfiesH(c5, vec('1/10', '1/10', '4/5'))).toBe(true);
        expect(satisfiesH(c5, vec('1/10', '1/10', '8/10'))).toBe(true);
        expect(satisfiesH(c5, vec('9/100', '11/100', '4/5'))).toBe(false);
        expect(satisfiesH(c5, vec('1/10', '1/10', '1/2'))).toBe(false);
        expect(satisfiesH(c5, vec('1/2', '1/2'))).toBe(false);
        expect(vSubsetOfH([vec('1/3', '1/3', '1/3'), vec('4/5', '1/10', '1/10')], c5)).toBe(true);
        expect(vSubsetOfH([vec(1, 0, 0)], c5)).toBe(false);
    });

    it('finds redundant constraints', () => {
        const h: HRep = { n: 3, constraints: [
            ...c5.constraints,
            { coeffs: indicator(3, 0b011), rel: '>=', rhs: r(1, 10) }, // implied by the singleton bounds
            { coeffs: indicator(3, 0b001), rel: '<=', rhs: r(4, 5) },  // implied: p0 ≤ 1 − 1/10 − 1/10
            { coeffs: indicator(3, 0b001), rel: '<=', rhs: r(1, 2) },  // binding
        ] };
        expect(redundantConstraints(h)).toEqual({ ok: true, value: [3, 4] });
        const twice: HRep = { n: 2, constraints: [
            { coeffs: vec(1, 0), rel: '>=', rhs: r(1, 2) }, { coeffs: vec(1, 0), rel: '>=', rhs: r(1, 2) },
        ] };
        expect(redundantConstraints(twice)).toEqual({ ok: true, value: [0, 1] });
        const empty: HRep = { n: 2, constraints: [{ coeffs: vec(1, 0), rel: '>=', rhs: r(2) }] };
        const res = redundantConstraints(empty);
        expect(!res.ok && res.error.code).toBe('E-EMPTY');
    });
});
