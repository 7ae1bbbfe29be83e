/**
 * Exact solution of small-entry integer systems M·x = b and Mᵀ·y = c by p-adic (Dixon) lifting
 * (internal to the LP certifier).
 *
 * One LU factorisation of M modulo a prime p < 2^26 (products of residues stay below 2^53, so plain
 * doubles compute them exactly) serves both M and Mᵀ. Lifting x = Σ x_i p^i runs on doubles too; only the
 * residual and the accumulated solution are BigInt, O(k) per step. It stops at a number of steps given by
 * Hadamard bounds, enough for rational reconstruction to be unique, so the answer is the exact solution,
 * not a guess. This replaces two Θ(k³) BigInt eliminations with one Θ(k³) elimination on doubles.
 * Returns undefined when the entries are too large for the double path or M is singular modulo p;
 * callers then use the fraction-free `bareissSolve`.
 */
import { gcd } from './rational.js';

/** The largest prime below 2^26. */
const MODULUS = 67108859;
const P = MODULUS;
const P_INV = 1 / P;
const P_BIG = BigInt(P);

/** a·b mod p for residues in [0, p): the product is exact below 2^52; the quotient estimate is off by ≤ 1. */
function mulMod(a: number, b: number): number {
    const x = a * b;
    const r = x - Math.floor(x * P_INV) * P;
    return r < 0 ? r + P : r >= P ? r - P : r;
}

function invMod(a: number): number {
    let t = 0, newT = 1, r = P, newR = a;
    while (newR !== 0) {
        const q = Math.floor(r / newR);
        [t, newT] = [newT, t - q * newT];
        [r, newR] = [newR, r - q * newR];
    }
    return t < 0 ? t + P : t;
}

const residue = (v: bigint): number => {
    const r = Number(v % P_BIG);
    return r < 0 ? r + P : r;
};

export interface ModularSystem {
    k: number;
    /** M as doubles, row-major (exact small integers). */
    M: Float64Array;
    /** LU of the row-permuted M mod p: unit lower L below the diagonal, U on and above it. */
    lu: Float64Array;
    /** Row i of the factorised matrix is row perm[i] of M. */
    perm: Int32Array;
    /** log2 of Hadamard bounds on |det M| (rows or columns, the smaller) and of each column norm. */
    logDet: number;
    logColNorm: Float64Array;
    logRowNorm: Float64Array;
}

/** Factorise M (k×k, BigInt rows) mod p, or undefined when it is singular mod p or its entries are too big. */
export function factorModular(matrix: readonly (readonly bigint[])[]): ModularSystem | undefined {
    const k = matrix.length;
    const M = new Float64Array(k * k);
    let maxAbs = 0;
    const rowSq = new Float64Array(k), colSq = new Float64Array(k);
    for (let i = 0; i < k; i++) {
        const row = matrix[i]!;
        for (let j = 0; j < k; j++) {
            const v = row[j]!;
            if (v === 0n) continue;
            const x = Number(v);
            M[i * k + j] = x;
            const a = Math.abs(x);
            if (a > maxAbs) maxAbs = a;
            rowSq[i] += x * x;
            colSq[j] += x * x;
        }
    }
    // M·x_i with residues x_i < p must stay exact in doubles: k·max|M|·p < 2^53.
    if (k * maxAbs >= 2 ** 26) return undefined;
    const lu = new Float64Array(k * k);
    for (let t = 0; t < k * k; t++) { const x = M[t]!; lu[t] = x >= 0 ? x : x + P; }
    const perm = new Int32Array(k);
    for (let i = 0; i < k; i++) perm[i] = i;
    for (let c = 0; c < k; c++) {
        let pr = c;
        while (pr < k && lu[pr * k + c] === 0) pr++;
        if (pr === k) return undefined;
        if (pr !== c) {
            for (let j = 0; j < k; j++) { const t = lu[c * k + j]!; lu[c * k + j] = lu[pr * k + j]!; lu[pr * k + j] = t; }
            const t = perm[c]!; perm[c] = perm[pr]!; perm[pr] = t;
        }
        const inv = invMod(lu[c * k + c]!);
        for (let i = c + 1; i < k; i++) {
            const a = lu[i * k + c]!;
            if (a === 0) continue;
            const l = mulMod(a, inv);
            lu[i * k + c] = l;
            const nl = P - l;
            for (let j = c + 1; j < k; j++) {
                const u = lu[c * k + j]!;
                if (u !== 0) { const t = lu[i * k + j]! + mulMod(nl, u); lu[i * k + j] = t >= P ? t - P : t; }
            }
        }
    }
    let logRows = 0, logCols = 0;
    const logRowNorm = new Float64Array(k), logColNorm = new Float64Array(k);
    for (let i = 0; i < k; i++) {
        logRowNorm[i] = 0.5 * Math.log2(rowSq[i]!);
        logColNorm[i] = 0.5 * Math.log2(colSq[i]!);
        logRows += logRowNorm[i]!;
        logCols += logColNorm[i]!;
    }
    return { k, M, lu, perm, logDet: Math.min(logRows, logCols), logColNorm, logRowNorm };
}

/** x ≡ M⁻¹·r (transpose: M⁻ᵀ·r) mod p for residues r. */
function solveResidues(sys: ModularSystem, r: Float64Array, transpose: boolean): Float64Array {
    const { k, lu, perm } = sys;
    const x = new Float64Array(k);
    if (!transpose) {
        // P·M = L·U: forward with L on P·r, then back with U.
        for (let i = 0; i < k; i++) {
            let s = r[perm[i]!]!;
            for (let j = 0; j < i; j++) { const l = lu[i * k + j]!; if (l !== 0 && x[j] !== 0) s += mulMod(P - l, x[j]!); }
            x[i] = s % P;
        }
        for (let i = k - 1; i >= 0; i--) {
            let s = x[i]!;
            for (let j = i + 1; j < k; j++) { const u = lu[i * k + j]!; if (u !== 0 && x[j] !== 0) s += mulMod(P - u, x[j]!); }
            x[i] = mulMod(s % P, invMod(lu[i * k + i]!));
        }
        return x;
    }
    // Mᵀ = Uᵀ·Lᵀ·P: forward with Uᵀ, back with Lᵀ, then undo the permutation.
    const v = new Float64Array(k);
    for (let i = 0; i < k; i++) {
        let s = r[i]!;
        for (let j = 0; j < i; j++) { const u = lu[j * k + i]!; if (u !== 0 && v[j] !== 0) s += mulMod(P - u, v[j]!); }
        v[i] = mulMod(s % P, invMod(lu[i * k + i]!));
    }
    for (let i = k - 1; i >= 0; i--) {
        let s = v[i]!;
        for (let j = i + 1; j < k; j++) { const l = lu[j * k + i]!; if (l !== 0 && v[j] !== 0) s += mulMod(P - l, v[j]!); }
        v[i] = s % P;
    }
    for (let i = 0; i < k; i++) x[perm[i]!] = v[i]!;
    return x;
}

/** a/d with |a| ≤ bound, 0 < d ≤ denBound and a ≡ d·u (mod modulus), or undefined (Wang's reconstruction). */
function reconstruct(u: bigint, modulus: bigint, bound: bigint, denBound: bigint): { a: bigint; d: bigint } | undefined {
    let r0 = modulus, r1 = ((u % modulus) + modulus) % modulus, t0 = 0n, t1 = 1n;
    while (r1 >= bound) {
        const q = r0 / r1;
        [r0, r1] = [r1, r0 - q * r1];
        [t0, t1] = [t1, t0 - q * t1];
    }
    if (t1 === 0n) return undefined;
    const d = t1 < 0n ? -t1 : t1;
    if (d > denBound || gcd(r1, d) !== 1n) return undefined;
    return { a: t1 < 0n ? -r1 : r1, d };
}

/**
 * The exact solution of M·x = rhs (or Mᵀ·x = rhs) as integer numerators over one positive denominator.
 * Undefined only if rational reconstruction fails, which the Hadamard-bounded step count rules out.
 */
export function solveModular(sys: ModularSystem, rhs: readonly bigint[], transpose: boolean): { x: bigint[]; den: bigint } | undefined {
    const { k, M } = sys;
    if (k === 0) return { x: [], den: 1n };
    // Cramer: det·x_j = det(M with column j replaced by rhs) ≤ Hadamard over the other columns · ‖rhs‖.
    let maxBits = -Infinity;
    for (const v of rhs) if (v !== 0n) maxBits = Math.max(maxBits, (v < 0n ? -v : v).toString(16).length * 4);
    const norms = transpose ? sys.logRowNorm : sys.logColNorm;
    let minNorm = Infinity;
    for (const v of norms) minNorm = Math.min(minNorm, v);
    const logNum = sys.logDet - minNorm + maxBits + 0.5 * Math.log2(k); // ‖rhs‖ ≤ √k · max |rhs_i|
    // |x_j| ≤ numBound, den ≤ detBound; modulus > 2·numBound·detBound² makes the common-denominator
    // shortcut below unambiguous. A few bits of slack absorb rounding in the logarithms.
    const bitsNum = Math.max(1, Math.ceil(logNum + 2)), bitsDet = Math.max(1, Math.ceil(sys.logDet + 2));
    const numBound = 1n << BigInt(bitsNum), detBound = 1n << BigInt(bitsDet);
    const steps = Math.ceil((bitsNum + 2 * bitsDet + 2) / Math.log2(P)) + 1;
    const r = rhs.slice();
    const acc = new Array<bigint>(k).fill(0n);
    const res = new Float64Array(k);
    const s = new Float64Array(k);
    let power = 1n;
    for (let step = 0; step < steps; step++) {
        for (let i = 0; i < k; i++) res[i] = residue(r[i]!);
        const xi = solveResidues(sys, res, transpose);
        // r ← (r − M·x_i) / p, exact: M·x_i ≡ r (mod p) and its terms stay below 2^53.
        s.fill(0);
        for (let i = 0; i < k; i++) {
            let t = 0;
            for (let j = 0; j < k; j++) {
                const m = transpose ? M[j * k + i]! : M[i * k + j]!;
                if (m !== 0) t += m * xi[j]!;
            }
            s[i] = t;
        }
        for (let i = 0; i < k; i++) {
            r[i] = (r[i]! - BigInt(s[i]!)) / P_BIG;
            if (xi[i] !== 0) acc[i] = acc[i]! + BigInt(xi[i]!) * power;
        }
        power *= P_BIG;
    }
    const half = power / 2n;
    let den = 1n;
    const shortBound = numBound * detBound;
    const x = new Array<bigint>(k);
    for (let j = 0; j < k; j++) {
        let y = (acc[j]! * den) % power;
        if (y > half) y -= power;
        if (y <= shortBound && y >= -shortBound) { x[j] = y; continue; }
        const q = reconstruct(acc[j]!, power, numBound, detBound);
        if (!q) return undefined;
        // New denominator lcm(den, q.d): rescale the numerators found so far.
        const g = gcd(den, q.d);
        const factor = q.d / g;
        for (let t = 0; t < j; t++) x[t] = x[t]! * factor;
        x[j] = q.a * (den / g);
        den *= factor;
        if (den > detBound) return undefined;
    }
    return { x, den };
}
