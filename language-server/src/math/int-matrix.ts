/**
 * Fraction-free integer linear algebra (internal to the math engine).
 *
 * Rows of rationals are scaled to integer rows once; after that everything is BigInt with exact
 * divisions (Bareiss / Sylvester identity), so no gcd is taken per operation.
 */
import type { Budget } from './budget.js';
import { gcd, lcm, Rational } from './rational.js';

/** The integer row `scale · values` with scale = lcm of the denominators (> 0). */
export function integerRow(values: readonly Rational[]): { ints: bigint[]; scale: bigint } {
    let scale = 1n;
    for (const v of values) if (v.den !== 1n) scale = lcm(scale, v.den);
    return { ints: values.map((v) => (scale === v.den ? v.num : v.num * (scale / v.den))), scale };
}

/** Divide an integer vector by the gcd of its entries (a zero vector is returned unchanged). */
export function primitive(v: readonly bigint[]): bigint[] {
    let g = 0n;
    for (const x of v) {
        if (x !== 0n) g = gcd(g, x);
        if (g === 1n) return v.slice();
    }
    return g === 0n || g === 1n ? v.slice() : v.map((x) => x / g);
}

/** Rational vector scaled to the primitive integer vector pointing the same way (as Rationals). */
export function primitiveRationals(v: readonly Rational[]): Rational[] {
    return primitive(integerRow(v).ints).map((x) => Rational.of(x));
}

/**
 * Solve M·x = r for every right-hand side column of `rhs` (square M given by rows): fraction-free
 * (Bareiss) forward elimination, then back substitution in integers. Returns det > 0 and integer
 * numerators with x = X / det, or undefined when M is singular. `rhs[c]` is the c-th right-hand side.
 */
export function bareissSolve(
    matrix: readonly (readonly bigint[])[], rhs: readonly (readonly bigint[])[], budget?: Budget
): { det: bigint; solutions: bigint[][] } | undefined {
    const k = matrix.length;
    const width = k + rhs.length;
    const a: bigint[][] = matrix.map((row, i) => [...row, ...rhs.map((r) => r[i]!)]);
    let prev = 1n;
    for (let col = 0; col < k; col++) {
        budget?.spend();
        // Pivot: the sparsest remaining row with a nonzero entry (less fill-in, smaller numbers).
        let pivotRow = -1, best = Infinity;
        for (let i = col; i < k; i++) {
            if (a[i]![col] === 0n) continue;
            let count = 0;
            for (let j = col; j < k; j++) if (a[i]![j] !== 0n) count++;
            if (count < best) { best = count; pivotRow = i; }
        }
        if (pivotRow < 0) return undefined;
        if (pivotRow !== col) { const t = a[col]!; a[col] = a[pivotRow]!; a[pivotRow] = t; }
        const pr = a[col]!;
        const p = pr[col]!;
        for (let i = col + 1; i < k; i++) {
            const row = a[i]!;
            const f = row[col]!;
            if (f === 0n) {
                if (p !== prev) for (let j = col + 1; j < width; j++) if (row[j] !== 0n) row[j] = (row[j]! * p) / prev;
            } else {
                for (let j = col + 1; j < width; j++) {
                    const v = row[j]! * p - f * pr[j]!;
                    row[j] = v === 0n ? 0n : v / prev;
                }
                row[col] = 0n;
            }
        }
        prev = p;
    }
    // a is upper triangular with a[k-1][k-1] = ±det; det·x is integral (Cramer), so back substitution
    // X_i = (det·r_i − Σ_{j>i} a_ij X_j) / a_ii divides exactly.
    let det = k === 0 ? 1n : a[k - 1]![k - 1]!;
    if (det < 0n) det = -det;
    const solutions = rhs.map((_, c) => {
        const X = new Array<bigint>(k).fill(0n);
        for (let i = k - 1; i >= 0; i--) {
            const row = a[i]!;
            let v = det * row[k + c]!;
            for (let j = i + 1; j < k; j++) if (row[j] !== 0n) v -= row[j]! * X[j]!;
            X[i] = v / row[i]!;
        }
        return X;
    });
    return { det, solutions };
}

/** Exact rank of a rational matrix (rows), by fraction-free elimination. */
export function rank(rows: readonly (readonly Rational[])[]): number {
    const a = rows.map((r) => integerRow(r).ints);
    if (a.length === 0) return 0;
    const width = a[0]!.length;
    let r = 0;
    let prev = 1n;
    for (let col = 0; col < width && r < a.length; col++) {
        let pivot = -1;
        for (let i = r; i < a.length; i++) if (a[i]![col] !== 0n) { pivot = i; break; }
        if (pivot < 0) continue;
        const t = a[r]!; a[r] = a[pivot]!; a[pivot] = t;
        const pr = a[r]!;
        const p = pr[col]!;
        for (let i = r + 1; i < a.length; i++) {
            const row = a[i]!;
            const f = row[col]!;
            for (let j = col; j < width; j++) row[j] = (row[j]! * p - f * pr[j]!) / prev;
        }
        prev = p;
        r++;
    }
    return r;
}
