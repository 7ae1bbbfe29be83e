/**
 * The fast paths of the exact LP: modular (p-adic) kernel solves, the kernel revised simplex guide and
 * the direct integer build of the natural-extension LP. Every answer must equal the exact simplex's and
 * carry a certificate that verifies in rational arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/math/budget.js';
import { bareissSolve } from '../../src/math/int-matrix.js';
import { factorModular, solveModular } from '../../src/math/int-modular.js';
import { certify } from '../../src/math/lp-certify.js';
import { naturalExtensionLp } from '../../src/math/lp-natural.js';
import { revisedSimplex } from '../../src/math/lp-revised.js';
import {
    type LinearConstraint, lowerExpectation, lpStatistics, REVISED_GUIDE_MIN_ROWS, verifyLowerExpectation, verifySureLoss,
} from '../../src/math/lp.js';
import { Rational } from '../../src/math/rational.js';

const budget = Budget.unlimited();

/** x = X / den as reduced fraction strings, for comparing solutions over different denominators. */
const fractions = (X: readonly bigint[], den: bigint): string[] => X.map((v) => Rational.fromBigInts(v, den).toString());

describe('modular kernel solve (p-adic lifting)', () => {
    const system = fc.integer({ min: 1, max: 12 }).chain((k) => fc.record({
        M: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: k, maxLength: k }), { minLength: k, maxLength: k }),
        rhs: fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { minLength: k, maxLength: k }),
    }));
    it('gives the same exact solution as fraction-free elimination, for M and Mᵀ', () => {
        fc.assert(fc.property(system, ({ M, rhs }) => {
            const rows = M.map((r) => r.map(BigInt));
            const cols = rows[0]!.map((_, j) => rows.map((r) => r[j]!));
            const direct = bareissSolve(rows, [rhs]);
            const modular = factorModular(rows);
            if (!direct) { expect(modular).toBeUndefined(); return; }
            expect(modular).toBeDefined();
            const x = solveModular(modular!, rhs, false);
            expect(x && fractions(x.x, x.den)).toEqual(fractions(direct.solutions[0]!, direct.det));
            const transposed = bareissSolve(cols, [rhs])!;
            const y = solveModular(modular!, rhs, true);
            expect(y && fractions(y.x, y.den)).toEqual(fractions(transposed.solutions[0]!, transposed.det));
        }), { numRuns: 300 });
    });
    it('refuses entries too large for the double path (the caller then eliminates in BigInt)', () => {
        expect(factorModular([[10n ** 9n, 1n], [1n, 1n]])).toBeUndefined();
    });
});

/** A seeded credal set over n outcomes: event intervals, an equality, fractional gamble bounds. */
function credalInstance(n: number, seed: number, contradictory: boolean): { f: Rational[]; constraints: LinearConstraint[] } {
    let state = seed * 7919 + n;
    const rnd = (): number => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
    const weights = Array.from({ length: n }, () => 1 + Math.floor(rnd() * 50));
    const total = weights.reduce((a, b) => a + b, 0);
    const constraints: LinearConstraint[] = [];
    for (let j = 0; j < n; j++) {
        const coeffs = weights.map(() => (rnd() < 0.5 ? Rational.ONE : Rational.ZERO));
        const p0 = Rational.of(coeffs.reduce((s, c, i) => (c.isZero() ? s : s + weights[i]!), 0), total);
        const d = [3, 7, 10, 12][j % 4]!;
        constraints.push({ coeffs, rel: '>=', rhs: Rational.of(Math.floor((p0.toNumber() - 0.05) * d), d) });
        constraints.push({ coeffs, rel: '<=', rhs: Rational.of(Math.ceil((p0.toNumber() + 0.05) * d), d) });
    }
    // A fractional gamble bound satisfied by p0, and an equality through p0.
    const g = weights.map(() => Rational.of(Math.floor(rnd() * 7) - 3, 2));
    const eg = g.reduce((s, v, i) => s.add(v.mul(Rational.of(weights[i]!, total))), Rational.ZERO);
    constraints.push({ coeffs: g, rel: '>=', rhs: eg.sub(Rational.of(1, 3)) });
    const pair = weights.map((_, i) => (i < 2 ? Rational.ONE : Rational.ZERO));
    constraints.push({ coeffs: pair, rel: '=', rhs: Rational.of(weights[0]! + weights[1]!, total) });
    if (contradictory) {
        const half = weights.map((_, i) => (i % 2 ? Rational.ONE : Rational.ZERO));
        constraints.push({ coeffs: half, rel: '>=', rhs: Rational.of(3, 5) });
        constraints.push({ coeffs: half.map((v) => Rational.ONE.sub(v)), rel: '>=', rhs: Rational.of(3, 5) });
    }
    const f = weights.map(() => Rational.of(Math.floor(rnd() * 41) - 20, 1 + Math.floor(rnd() * 3)));
    return { f, constraints };
}

describe('kernel revised simplex guide (natural-extension LPs from REVISED_GUIDE_MIN_ROWS outcomes)', () => {
    const n = REVISED_GUIDE_MIN_ROWS + 4;
    it('proposes bases that certify, with the exact simplex value', () => {
        for (let seed = 1; seed <= 6; seed++) {
            const { f, constraints } = credalInstance(n, seed, false);
            const { lp } = naturalExtensionLp(f, constraints);
            const claim = revisedSimplex(lp, budget);
            expect(claim?.kind).toBe('optimal');
            expect(certify(lp, claim!, budget)?.kind).toBe('optimal');
            const rejectedBefore = lpStatistics.revisedRejected;
            const fast = lowerExpectation(f, constraints);
            expect(lpStatistics.revisedRejected).toBe(rejectedBefore);
            const exact = lowerExpectation(f, constraints, { exactOnly: true });
            expect(fast.ok && exact.ok).toBe(true);
            if (!fast.ok || !exact.ok || fast.value.status !== 'optimal'
                || exact.value.status !== 'optimal') throw new Error('not optimal');
            expect(fast.value.value.toString()).toBe(exact.value.value.toString());
            expect(verifyLowerExpectation(f, constraints, fast.value)).toBe(true);
        }
    });
    it('reports an empty credal set as a verified sure loss', () => {
        for (let seed = 1; seed <= 3; seed++) {
            const { f, constraints } = credalInstance(n, seed, true);
            const res = lowerExpectation(f, constraints);
            expect(res.ok && res.value.status).toBe('infeasible');
            if (!res.ok || res.value.status !== 'infeasible') return;
            expect(verifySureLoss(constraints, res.value.sureLoss)).toBe(true);
        }
    });
    it('has its claims checked, not trusted: a basis for another gamble certifies only if optimal here too', () => {
        for (let seed = 1; seed <= 4; seed++) {
            const { f, constraints } = credalInstance(n, seed, false);
            const other = naturalExtensionLp(f.map((v, i) => (i % 3 ? v : v.neg())), constraints).lp;
            const claim = revisedSimplex(other, budget)!;
            const { lp } = naturalExtensionLp(f, constraints);
            const cert = certify(lp, claim, budget);
            const exact = lowerExpectation(f, constraints, { exactOnly: true });
            if (!cert) continue;
            // Accepted only when it is an optimal basis here as well: same optimum as the exact simplex.
            expect(cert.kind).toBe('optimal');
            if (cert.kind !== 'optimal' || !exact.ok || exact.value.status !== 'optimal') throw new Error('unexpected');
            let cx = 0n;
            for (let j = 0; j < lp.n; j++) cx += lp.c[j]! * cert.x[j]!;
            const value = Rational.min(...f).add(Rational.fromBigInts(-cx, cert.xDen * lp.costScale));
            expect(value.toString()).toBe(exact.value.value.toString());
        }
        // The all-slack starting basis is feasible but not optimal: rejected.
        const first = credalInstance(n, 1, false);
        const { lp } = naturalExtensionLp(first.f, first.constraints);
        expect(certify(lp, { kind: 'optimal', basis: lp.initialBasis }, budget)).toBeUndefined();
    });
});

describe('direct integer build of the natural-extension LP', () => {
    it('pairs only columns that are exact negatives of each other', () => {
        const { f, constraints } = credalInstance(12, 5, true);
        const { lp } = naturalExtensionLp(f, constraints);
        const partner = lp.partner!;
        let pairs = 0;
        for (let j = 0; j < lp.n; j++) {
            const p = partner[j]!;
            if (p < 0) continue;
            pairs++;
            expect(partner[p]).toBe(j);
            for (const row of lp.A) expect(row[j]).toBe(-row[p]!);
        }
        // μ⁺/μ⁻, the 12 intervals and the equality's two columns.
        expect(pairs).toBe(2 * (1 + 12 + 1));
    });
});
