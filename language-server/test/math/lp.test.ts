import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/math/budget.js';
import {
    type LinearConstraint, type LpProblem, lowerExpectation, maximize, minimize, simplexFeasibility, solveLp,
    upperExpectation, verifyFarkas, verifyLowerExpectation, verifyLpResult, verifySureLoss,
} from '../../src/math/lp.js';
import { bruteForceVertices } from '../../src/math/polytope.js';
import { Rational } from '../../src/math/rational.js';
import { generalLp, indicator, r, simplexProblem, vec } from './arbitraries.js';

/** Reference: min c·x over the basic feasible solutions of { x ≥ 0, constraints } (brute force). */
function bruteForceMin(objective: Rational[], constraints: LinearConstraint[]): Rational | undefined {
    const n = objective.length;
    const rows = [...constraints.map((c) => ({ a: c.coeffs, b: c.rhs })),
        ...objective.map((_, j) => ({ a: indicator(n, 1 << j), b: Rational.ZERO }))];
    let best: Rational | undefined;
    const pick = (start: number, chosen: number[]): void => {
        if (chosen.length === n) {
            const x = solveSquare(chosen.map((i) => rows[i]!.a), chosen.map((i) => rows[i]!.b));
            if (!x || x.some((v) => v.sign() < 0)) return;
            const ok = constraints.every((c) => {
                const k = Rational.dot(c.coeffs, x).cmp(c.rhs);
                return c.rel === '=' ? k === 0 : c.rel === '>=' ? k >= 0 : k <= 0;
            });
            if (!ok) return;
            const v = Rational.dot(objective, x);
            if (!best || v.lt(best)) best = v;
            return;
        }
        for (let i = start; i < rows.length; i++) pick(i + 1, [...chosen, i]);
    };
    pick(0, []);
    return best;
}

function solveSquare(A: Rational[][], b: Rational[]): Rational[] | undefined {
    const n = b.length;
    const M = A.map((row, i) => [...row, b[i]!]);
    for (let c = 0; c < n; c++) {
        const p = M.findIndex((row, i) => i >= c && !row[c]!.isZero());
        if (p < 0) return undefined;
        [M[c], M[p]] = [M[p]!, M[c]!];
        for (let i = 0; i < n; i++) {
            if (i === c) continue;
            const f = M[i]![c]!.div(M[c]![c]!);
            for (let j = c; j <= n; j++) M[i]![j] = M[i]![j]!.sub(f.mul(M[c]![j]!));
        }
    }
    return M.map((row, i) => row[n]!.div(row[i]!));
}

describe('general exact LP', () => {
    for (const exactOnly of [false, true]) {
        it(`agrees with brute-force vertex minimisation and certifies every answer (${exactOnly ? 'exact simplex' : 'float guide + certificate'})`, () => {
            fc.assert(fc.property(generalLp, ({ objective, constraints }) => {
                const problem: LpProblem = { sense: 'min', objective, constraints };
                const res = solveLp(problem, { exactOnly });
                expect(res.ok).toBe(true);
                if (!res.ok) return;
                expect(verifyLpResult(problem, res.value)).toBe(true);
                const best = bruteForceMin(objective, constraints);
                if (res.value.status === 'infeasible') expect(best).toBeUndefined();
                else expect(best).toBeDefined();
                if (res.value.status === 'optimal') expect(res.value.value.toString()).toBe(best!.toString());
                const max = solveLp({ ...problem, sense: 'max' }, { exactOnly });
                expect(max.ok && verifyLpResult({ ...problem, sense: 'max' }, max.value)).toBe(true);
                if (max.ok && max.value.status === 'optimal') {
                    expect(max.value.value.toString()).toBe(bruteForceMin(objective.map((c) => c.neg()), constraints)!.neg().toString());
                }
            }), { numRuns: 300 });
        });
    }

    it('solves a textbook LP with exact duals', () => {
        // min -x - y  s.t. x + 2y <= 4, 3x + y <= 6  → x = 8/5, y = 6/5, value -14/5.
        const constraints: LinearConstraint[] = [
            { coeffs: vec(1, 2), rel: '<=', rhs: r(4) },
            { coeffs: vec(3, 1), rel: '<=', rhs: r(6) },
        ];
        const res = minimize(vec(-1, -1), constraints);
        expect(res.ok && res.value.status).toBe('optimal');
        if (!res.ok || res.value.status !== 'optimal') return;
        expect(res.value.value.toString()).toBe('-14/5');
        expect(res.value.point.map(String)).toEqual(['8/5', '6/5']);
        expect(res.value.duals.map(String)).toEqual(['-2/5', '-1/5']);
        const mx = maximize(vec(1, 1), constraints);
        expect(mx.ok && mx.value.status === 'optimal' && mx.value.value.toString()).toBe('14/5');
        expect(mx.ok && mx.value.status === 'optimal' && mx.value.duals.map(String)).toEqual(['2/5', '1/5']);
    });

    it('reports infeasibility with a Farkas certificate that really certifies', () => {
        const constraints: LinearConstraint[] = [
            { coeffs: vec(1, 1), rel: '>=', rhs: r(3) },
            { coeffs: vec(1, 0), rel: '<=', rhs: r(1) },
            { coeffs: vec(0, 1), rel: '<=', rhs: r(1) },
        ];
        const res = minimize(vec(0, 0), constraints);
        expect(res.ok && res.value.status).toBe('infeasible');
        if (!res.ok || res.value.status !== 'infeasible') return;
        expect(verifyFarkas(constraints, res.value.farkas)).toBe(true);
        expect(res.value.farkas.map(String)).toEqual(['1', '-1', '-1']);
        expect(verifyFarkas(constraints, vec(1, -1, 0))).toBe(false);
    });

    it('reports unboundedness with a feasible point and a ray', () => {
        const constraints: LinearConstraint[] = [{ coeffs: vec(1, -1), rel: '<=', rhs: r(2) }];
        const problem: LpProblem = { sense: 'min', objective: vec(-1, 0), constraints };
        const res = solveLp(problem);
        expect(res.ok && res.value.status).toBe('unbounded');
        expect(res.ok && verifyLpResult(problem, res.value)).toBe(true);
    });

    it('handles redundant equalities (rank-deficient rows)', () => {
        const constraints: LinearConstraint[] = [
            { coeffs: vec(1, 1, 1), rel: '=', rhs: r(1) },
            { coeffs: vec(2, 2, 2), rel: '=', rhs: r(2) },
            { coeffs: vec(1, 0, 0), rel: '>=', rhs: r(1, 3) },
        ];
        for (const exactOnly of [false, true]) {
            const problem: LpProblem = { sense: 'min', objective: vec(3, 1, 2), constraints };
            const res = solveLp(problem, { exactOnly });
            expect(res.ok && res.value.status === 'optimal' && res.value.value.toString()).toBe('5/3');
            expect(res.ok && verifyLpResult(problem, res.value)).toBe(true);
        }
    });

    it('rejects malformed input as a typed error, never throwing', () => {
        const res = minimize(vec(1, 2), [{ coeffs: vec(1), rel: '>=', rhs: r(0) }]);
        expect(res.ok).toBe(false);
        expect(!res.ok && res.error.code).toBe('E-INPUT');
    });

    it('stops with E-BUDGET when the budget is exhausted', () => {
        const n = 12;
        const constraints: LinearConstraint[] = Array.from({ length: n }, (_, i) => ({
            coeffs: Array.from({ length: n }, (_, j) => r(((i * 7 + j * 3) % 5) + 1)), rel: '>=', rhs: r(i + 1),
        }));
        const res = minimize(Array.from({ length: n }, (_, j) => r(j + 1)), constraints, { budget: new Budget({ maxSteps: 2 }) });
        expect(res.ok).toBe(false);
        expect(!res.ok && res.error.code).toBe('E-BUDGET');
        const cancelled = minimize(vec(1, 1), [{ coeffs: vec(1, 1), rel: '>=', rhs: r(1) }],
            { budget: new Budget({ isCancelled: () => true }) });
        expect(!cancelled.ok && cancelled.error.data).toEqual({ reason: 'cancelled' });
    });
});

describe('lower expectation over the simplex (natural extension)', () => {
    it('equals the minimum over brute-force vertices, with verified certificates', () => {
        fc.assert(fc.property(simplexProblem, ({ n, f, constraints }) => {
            const res = lowerExpectation(f, constraints);
            expect(res.ok).toBe(true);
            if (!res.ok) return;
            expect(verifyLowerExpectation(f, constraints, res.value)).toBe(true);
            const vertices = bruteForceVertices({ n, constraints });
            if (res.value.status === 'infeasible') {
                expect(vertices).toEqual([]);
                expect(verifySureLoss(constraints, res.value.sureLoss)).toBe(true);
                return;
            }
            const best = Rational.min(...vertices.map((v) => Rational.dot(f, v)));
            expect(res.value.value.toString()).toBe(best.toString());
            const up = upperExpectation(f, constraints);
            const worst = Rational.max(...vertices.map((v) => Rational.dot(f, v)));
            expect(up.ok && up.value.status === 'optimal' && up.value.value.toString()).toBe(worst.toString());
            // Conjugacy and the exact path agree.
            const exact = lowerExpectation(f, constraints, { exactOnly: true });
            expect(exact.ok && exact.value.status === 'optimal' && exact.value.value.toString()).toBe(best.toString());
        }), { numRuns: 300 });
    });

    it('C-5: triangle from lower bounds on singletons', () => {
        const cons = [0, 1, 2].map((i) => ({ coeffs: indicator(3, 1 << i), rel: '>=' as const, rhs: r(1, 10) }));
        const lowP01 = lowerExpectation(indicator(3, 0b011), cons);
        const upP0 = upperExpectation(indicator(3, 0b001), cons);
        const lowE = lowerExpectation(vec(0, 1, 2), cons);
        expect(lowP01.ok && lowP01.value.status === 'optimal' && lowP01.value.value.toString()).toBe('1/5');
        expect(upP0.ok && upP0.value.status === 'optimal' && upP0.value.value.toString()).toBe('4/5');
        expect(lowE.ok && lowE.value.status === 'optimal' && lowE.value.value.toString()).toBe('3/10');
    });

    it('C-7: probability intervals, lower 2 and upper 16/5', () => {
        const cons: LinearConstraint[] = [
            { coeffs: indicator(3, 1), rel: '>=', rhs: r(2, 5) }, { coeffs: indicator(3, 1), rel: '<=', rhs: r(1, 2) },
            { coeffs: indicator(3, 2), rel: '>=', rhs: r(3, 10) }, { coeffs: indicator(3, 2), rel: '<=', rhs: r(2, 5) },
            { coeffs: indicator(3, 4), rel: '=', rhs: r(1, 5) },
        ];
        const f = vec(-7, 5, 20);
        const lo = lowerExpectation(f, cons), hi = upperExpectation(f, cons);
        expect(lo.ok && lo.value.status === 'optimal' && lo.value.value.toString()).toBe('2');
        expect(lo.ok && lo.value.status === 'optimal' && lo.value.point.map(String)).toEqual(['1/2', '3/10', '1/5']);
        expect(hi.ok && hi.value.status === 'optimal' && hi.value.value.toString()).toBe('16/5');
        expect(lo.ok && verifyLowerExpectation(f, cons, lo.value)).toBe(true);
    });

    it('C-8: natural extension of P(0) is [547/1000, 653/1000]', () => {
        const l = ['0.5', '0.222', '0.125'], u = ['0.666', '0.272', '0.181'];
        const cons: LinearConstraint[] = [0, 1, 2].flatMap((i) => [
            { coeffs: indicator(3, 1 << i), rel: '>=' as const, rhs: Rational.parse(l[i]!) },
            { coeffs: indicator(3, 1 << i), rel: '<=' as const, rhs: Rational.parse(u[i]!) },
        ]);
        const lo = lowerExpectation(indicator(3, 1), cons), hi = upperExpectation(indicator(3, 1), cons);
        expect(lo.ok && lo.value.status === 'optimal' && lo.value.value.toString()).toBe('547/1000');
        expect(hi.ok && hi.value.status === 'optimal' && hi.value.value.toString()).toBe('653/1000');
    });

    it('C-9: sure loss with multipliers (1, 1) and gamble (-1, -1, -1, -5)', () => {
        const cons: LinearConstraint[] = [
            { coeffs: vec(1, 2, 3, 0), rel: '>=', rhs: r(5, 2) },
            { coeffs: vec(3, 2, 1, 0), rel: '>=', rhs: r(5, 2) },
        ];
        for (const exactOnly of [false, true]) {
            const res = simplexFeasibility(4, cons, { exactOnly });
            expect(res.ok && res.value.feasible).toBe(false);
            if (!res.ok || res.value.feasible) return;
            expect(res.value.sureLoss.multipliers.map(String)).toEqual(['1', '1']);
            expect(res.value.sureLoss.gamble.map(String)).toEqual(['-1', '-1', '-1', '-5']);
            expect(verifySureLoss(cons, res.value.sureLoss)).toBe(true);
        }
        const lo = lowerExpectation(vec(1, 0, 0, 0), cons);
        expect(lo.ok && lo.value.status).toBe('infeasible');
    });

    it('a sure-loss certificate with a <= and an = row', () => {
        const cons: LinearConstraint[] = [
            { coeffs: indicator(3, 0b011), rel: '<=', rhs: r(1, 4) },
            { coeffs: indicator(3, 0b110), rel: '=', rhs: r(1, 5) },
        ];
        const res = simplexFeasibility(3, cons);
        expect(res.ok && !res.value.feasible && verifySureLoss(cons, res.value.sureLoss)).toBe(true);
        expect(verifySureLoss(cons, { multipliers: vec(1, 1), gamble: vec(-1, -1, -1) })).toBe(false);
    });
});
