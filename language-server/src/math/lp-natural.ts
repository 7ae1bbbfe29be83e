/**
 * The natural-extension LP in integer standard form, built directly from the constraints (internal).
 *
 * Columns: μ⁺, μ⁻, then one column per constraint (a second, negated one for `=` rows); row ω reads
 * μ + Σ λ_i â_i(ω) ≤ f(ω) − min f, the objective is max μ + Σ λ_i b̂_i, with â·p ≥ b̂ the constraint
 * oriented as a `>=` row. Each row is scaled once by the lcm of its denominators, straight into BigInt
 * and Float64 arrays: no intermediate Rational rows (this is the hot path of every expectation query).
 */
import type { LinearConstraint, StandardLp } from './lp-standard.js';
import { lcm, Rational } from './rational.js';

/** Shared BigInts for small integers: a row entry is mostly 0 or ±1, and BigInt arithmetic allocates. */
const SMALL_LIMIT = 64;
const ZERO = Rational.ZERO, ONE = Rational.ONE;
const SMALL = Array.from({ length: 2 * SMALL_LIMIT + 1 }, (_, i) => BigInt(i - SMALL_LIMIT));

interface LambdaColumn { constraint: number; sign: 1 | -1 }

/** Sign of constraint i's column: −1 for a `<=` row (negated to `>=`), times the column's own sign. */
const orientation = (c: LinearConstraint, col: LambdaColumn): bigint =>
    ((c.rel === '<=' ? -1 : 1) * col.sign > 0 ? 1n : -1n);

const sameCoefficients = (a: readonly Rational[], b: readonly Rational[]): boolean =>
    a === b || a.every((x, w) => x === b[w] || x.eq(b[w]!));

/**
 * Opposite column pairs: μ⁺/μ⁻, the two columns of an `=` row, and adjacent constraints that are the two
 * sides of one interval (same coefficients, opposite orientations), which is how intervals arrive.
 */
function knownPartners(constraints: readonly LinearConstraint[], columns: readonly LambdaColumn[], signs: readonly bigint[], width: number,
    n: number): Int32Array {
    const partner = new Int32Array(width + n).fill(-1);
    const pair = (a: number, b: number): void => { partner[a] = b; partner[b] = a; };
    pair(0, 1);
    for (let k = 0; k + 1 < columns.length; k++) {
        if (partner[2 + k]! >= 0) continue;
        const ca = columns[k]!, cb = columns[k + 1]!;
        if (signs[k] === signs[k + 1]) continue;
        if (ca.constraint === cb.constraint
            || sameCoefficients(constraints[ca.constraint]!.coeffs, constraints[cb.constraint]!.coeffs)) pair(2 + k, 3 + k);
    }
    return partner;
}

export function naturalExtensionLp(f: readonly Rational[], constraints: readonly LinearConstraint[]):
    { lp: StandardLp; columns: LambdaColumn[] } {
    const n = f.length;
    const columns: LambdaColumn[] = [];
    constraints.forEach((c, i) => {
        columns.push({ constraint: i, sign: 1 });
        if (c.rel === '=') columns.push({ constraint: i, sign: -1 });
    });
    const width = 2 + columns.length;
    const signs = columns.map((col) => orientation(constraints[col.constraint]!, col));
    const signNumbers = signs.map(Number);
    const fMin = Rational.min(...f);
    const A: bigint[][] = [], b: bigint[] = [], rowScale: bigint[] = [];
    const Af = new Float64Array(n * width);
    let floatExact = true;
    // Coefficient arrays per column, and which columns hold only the shared 0 / 1 Rationals (the usual
    // event indicators): those need no lcm and no BigInt work (identity tests are much cheaper).
    const colCoeffs = columns.map((col) => constraints[col.constraint]!.coeffs);
    const indicator = colCoeffs.map((coeffs, k) => (k > 0 && coeffs === colCoeffs[k - 1])
        ? undefined : coeffs.every((a) => a === ZERO || a === ONE));
    for (let k = 1; k < indicator.length; k++) if (indicator[k] === undefined) indicator[k] = indicator[k - 1];
    const ONE_ENTRY = SMALL[SMALL_LIMIT + 1]!, MINUS_ONE_ENTRY = SMALL[SMALL_LIMIT - 1]!;
    for (let w = 0; w < n; w++) {
        const fw = f[w]!;
        const rhs = fw.den === 1n && fMin.den === 1n ? { num: fw.num - fMin.num, den: 1n } : fw.sub(fMin);
        let scale = rhs.den;
        for (let k = 0; k < columns.length; k++) {
            if (indicator[k]) continue;
            const d = colCoeffs[k]![w]!.den;
            if (d !== 1n && d !== scale) scale = lcm(scale, d);
        }
        const row = new Array<bigint>(width);
        row[0] = scale;
        row[1] = -scale;
        const base = w * width;
        Af[base] = Number(scale);
        Af[base + 1] = -Af[base]!;
        const unit = scale === 1n;
        for (let k = 0; k < columns.length; k++) {
            const a = colCoeffs[k]![w]!;
            if (a === ZERO) { row[2 + k] = 0n; continue; }
            if (unit && a === ONE) {
                const x = signNumbers[k]!;
                row[2 + k] = x > 0 ? ONE_ENTRY : MINUS_ONE_ENTRY;
                Af[base + 2 + k] = x;
                continue;
            }
            if (a.num === 0n) { row[2 + k] = 0n; continue; }
            if (unit) {
                const x = (a.num === 1n ? 1 : a.num === -1n ? -1 : Number(a.num)) * signNumbers[k]!;
                if (x >= -SMALL_LIMIT && x <= SMALL_LIMIT) { row[2 + k] = SMALL[x + SMALL_LIMIT]!; Af[base + 2 + k] = x; continue; }
            }
            const v = signs[k]! * (scale === a.den ? a.num : a.num * (scale / a.den));
            row[2 + k] = v;
            const x = Number(v);
            Af[base + 2 + k] = x;
            if (!Number.isSafeInteger(x)) floatExact = false;
        }
        if (!Number.isSafeInteger(Af[base]!)) floatExact = false;
        A.push(row);
        b.push(scale === rhs.den ? rhs.num : rhs.num * (scale / rhs.den));
        rowScale.push(scale);
    }
    // Objective (max → negated for the min standard form), scaled by the lcm of its denominators.
    let cScale = 1n;
    for (const col of columns) {
        const d = constraints[col.constraint]!.rhs.den;
        if (d !== 1n && d !== cScale) cScale = lcm(cScale, d);
    }
    const c = new Array<bigint>(width);
    c[0] = -cScale;
    c[1] = cScale;
    columns.forEach((col, k) => {
        const r = constraints[col.constraint]!.rhs;
        c[2 + k] = -signs[k]! * (cScale === r.den ? r.num : r.num * (cScale / r.den));
    });
    const aux = Array.from({ length: n }, (_, w) => ({ row: w, sign: 1 as const, artificial: false }));
    const lp: StandardLp = {
        m: n, n: width, A, b, rel: new Array(n).fill('<='), c, rowScale, costScale: cScale, aux,
        initialBasis: Array.from({ length: n }, (_, w) => width + w),
        partner: knownPartners(constraints, columns, signs, width, n),
        ...(floatExact ? { Af } : {}),
    };
    return { lp, columns };
}
