import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/math/budget.js';
import { bareissSolve } from '../../src/math/int-matrix.js';
import { certify } from '../../src/math/lp-certify.js';
import { exactSimplex } from '../../src/math/lp-exact.js';
import { toStandard } from '../../src/math/lp-standard.js';
import { r, vec } from './arbitraries.js';

// min -x - y  s.t. x + 2y <= 4, 3x + y <= 6 (optimum at x = 8/5, y = 6/5).
const lp = toStandard(vec(-1, -1), [
    { coeffs: vec(1, 2), rel: '<=', rhs: r(4) },
    { coeffs: vec(3, 1), rel: '<=', rhs: r(6) },
], false);

describe('basis certification rejects wrong claims', () => {
    const budget = Budget.unlimited();
    it('accepts the exact simplex basis', () => {
        const claim = exactSimplex(lp, budget);
        expect(claim.kind).toBe('optimal');
        const cert = certify(lp, claim, budget);
        expect(cert?.kind).toBe('optimal');
    });
    it('rejects a feasible but non-optimal basis claimed optimal', () => {
        expect(certify(lp, { kind: 'optimal', basis: lp.initialBasis }, budget)).toBeUndefined();
        expect(certify(lp, { kind: 'optimal', basis: [0, 3] }, budget)).toBeUndefined();
    });
    it('rejects a claim of infeasibility or unboundedness for a bounded feasible LP', () => {
        expect(certify(lp, { kind: 'infeasible', basis: lp.initialBasis }, budget)).toBeUndefined();
        expect(certify(lp, { kind: 'unbounded', basis: lp.initialBasis, entering: 0 }, budget)).toBeUndefined();
    });
    it('rejects singular and malformed bases', () => {
        expect(certify(lp, { kind: 'optimal', basis: [0, 0] }, budget)).toBeUndefined();
        expect(certify(lp, { kind: 'optimal', basis: [2, 2] }, budget)).toBeUndefined();
    });
});

describe('fraction-free solve', () => {
    it('solves exactly with a positive determinant', () => {
        // [[2, 1], [1, 3]] x = [3, 5]  →  x = (4/5, 7/5), det 5.
        const res = bareissSolve([[2n, 1n], [1n, 3n]], [[3n, 5n]]);
        expect(res).toEqual({ det: 5n, solutions: [[4n, 7n]] });
        const neg = bareissSolve([[0n, 1n], [1n, 0n]], [[2n, 3n]]);
        expect(neg).toEqual({ det: 1n, solutions: [[3n, 2n]] });
        expect(bareissSolve([[1n, 2n], [2n, 4n]], [[1n, 1n]])).toBeUndefined();
    });
});
