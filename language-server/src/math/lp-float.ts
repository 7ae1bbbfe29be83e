/**
 * Float64 two-phase simplex used only as a GUIDE (internal): it proposes a final basis, which
 * lp-certify.ts then proves or rejects exactly. Its tolerances never decide an answer.
 *
 * Condensed tableau (a dictionary, as lrs keeps it): rows are the basic variables, columns only the
 * nonbasic ones, so a pivot costs rows × nonbasic columns instead of rows × all columns; the slot of the
 * entering column is reused for the leaving one.
 * Opposite columns share a slot: when structural column j' = −column j (the natural-extension LP has
 * such a pair for μ and for the lower/upper side of every interval), B⁻¹(−a) = −B⁻¹a for every basis,
 * and the reduced costs differ only through the costs: d_j' = (c_j + c_j') − d_j. While one of the two
 * is basic the other needs no storage at all: its column is −e_r and its reduced cost c_j + c_j'.
 *
 * Rows are scaled to max |a| = 1 for conditioning. Devex pricing (approximate steepest edge: far
 * fewer pivots than Dantzig's rule on these LPs), Bland after a degenerate run;
 * one budget step per pivot; an iteration cap turns pathological runs into "no claim" (exact fallback).
 */
import type { Budget } from './budget.js';
import type { BasisClaim, StandardLp } from './lp-standard.js';

const PIVOT_TOL = 1e-9;
const COST_TOL = 1e-9;
const DEGENERATE_RUN_BEFORE_BLAND = 50;

/** The structural matrix as doubles (row-major m × n) and whether every entry converted exactly. */
export function floatMatrix(lp: StandardLp): { A: Float64Array; exact: boolean } {
    if (lp.Af) return { A: lp.Af, exact: true };
    const { m, n } = lp;
    const A = new Float64Array(m * n);
    let exact = true;
    for (let i = 0; i < m; i++) {
        const Ai = lp.A[i]!;
        for (let j = 0; j < n; j++) {
            const x = Ai[j]!;
            if (x === 0n) continue;
            const v = Number(x);
            A[i * n + j] = v;
            if (Math.abs(v) > Number.MAX_SAFE_INTEGER) exact = false;
        }
    }
    return { A, exact };
}

/** partner[j] = the structural column equal to −column j, or −1 (found by a float hash, checked exactly). */
export function oppositePartners(lp: StandardLp, Af: Float64Array, exact: boolean): Int32Array {
    if (lp.partner) return lp.partner;
    const { m, n, aux } = lp;
    const partner = new Int32Array(n + aux.length).fill(-1);
    const hash = new Float64Array(n);
    for (let i = 0; i < m; i++) {
        const w = 1 + ((i * 2654435761) % 1000003) / 1000003;
        for (let j = 0; j < n; j++) { const a = Af[i * n + j]!; if (a !== 0) hash[j] += w * a; }
    }
    // Safe integers convert exactly, so comparing doubles is exact; otherwise compare the BigInts.
    const opposite = (j: number, c: number): boolean => {
        if (exact) {
            for (let i = 0; i < m; i++) if (Af[i * n + j] !== -Af[i * n + c]!) return false;
            return true;
        }
        return lp.A.every((row) => row[j] === -row[c]!);
    };
    // Negating every term negates an IEEE sum exactly, so opposite columns have opposite hashes.
    const byHash = new Map<number, number[]>();
    for (let j = 0; j < n; j++) {
        const h = hash[j]!;
        if (h === 0) continue;
        const k = byHash.get(-h)?.find((c) => partner[c] === -1 && opposite(j, c));
        if (k !== undefined) { partner[j] = k; partner[k] = j; continue; }
        const list = byHash.get(h);
        if (list) list.push(j); else byHash.set(h, [j]);
    }
    return partner;
}

export function floatSimplex(lp: StandardLp, budget: Budget): BasisClaim | undefined {
    const { m, n, aux } = lp;
    const N = n + aux.length;
    const { A: Af, exact } = floatMatrix(lp);
    const partner = oppositePartners(lp, Af, exact);
    const basis = lp.initialBasis.slice();
    const isBasic = new Uint8Array(N);
    for (const col of basis) isBasic[col] = 1;
    const artificial = new Uint8Array(N);
    aux.forEach((a, k) => { if (a.artificial) artificial[n + k] = 1; });

    // Slots: one per nonbasic column, shared by a nonbasic opposite pair (sign +1 / −1).
    const slotOf = new Int32Array(N).fill(-1);
    const sign = new Int8Array(N).fill(1);
    let S = 0;
    for (let j = 0; j < N; j++) {
        if (isBasic[j] || slotOf[j] >= 0) continue;
        slotOf[j] = S;
        const p = partner[j]!;
        if (p >= 0) { slotOf[p] = S; sign[p] = -1; }
        S++;
    }
    const W = S + 1;
    const R = m + 2; // m constraint rows, phase-1 objective, phase-2 objective
    const o1 = m * W, o2 = (m + 1) * W;
    const T = new Float64Array(R * W);
    for (let i = 0; i < m; i++) {
        let big = Math.abs(Number(lp.b[i]!));
        for (let j = 0; j < n; j++) big = Math.max(big, Math.abs(Af[i * n + j]!));
        const s = big > 0 ? 1 / big : 1;
        const base = i * W;
        for (let j = 0; j < n; j++) { const a = Af[i * n + j]!; if (a !== 0 && sign[j] === 1) T[base + slotOf[j]!] = a * s; }
        T[base + S] = Number(lp.b[i]!) * s;
    }
    aux.forEach((a, k) => { if (!isBasic[n + k]) T[a.row * W + slotOf[n + k]!] = a.sign; });
    for (let i = 0; i < m; i++) {
        if (!artificial[basis[i]!]) continue;
        for (let j = 0; j < W; j++) T[o1 + j] -= T[i * W + j]!;
    }
    let cBig = 0;
    for (let j = 0; j < n; j++) cBig = Math.max(cBig, Math.abs(Number(lp.c[j]!)));
    const cost = new Float64Array(N);
    for (let j = 0; j < n; j++) cost[j] = cBig > 0 ? Number(lp.c[j]!) / cBig : 0;
    for (let j = 0; j < n; j++) if (sign[j] === 1) T[o2 + slotOf[j]!] = cost[j]!;
    /** c_j + c_partner (phase-2 costs; the phase-1 costs of structural columns are 0). */
    const pairCost = new Float64Array(N);
    for (let j = 0; j < n; j++) if (partner[j]! >= 0) pairCost[j] = cost[j]! + cost[partner[j]!]!;

    /** Reduced cost of nonbasic column j in objective row o. */
    const reducedCost = (o: number, j: number): number => {
        const slot = slotOf[j]!;
        const pc = o === o2 ? pairCost[j]! : 0;
        if (slot < 0) return pc; // partner basic: column −e_r
        const d = T[o + slot]!;
        return sign[j] === 1 ? d : pc - d;
    };

    const nonzero = new Int32Array(W);
    const weight = new Float64Array(S).fill(1);
    const u = new Float64Array(R);
    const prow = new Float64Array(W);
    /** Column `col` enters at row r; the leaving basic column takes over its slot. */
    const pivot = (r: number, col: number): void => {
        budget.spend();
        const q = slotOf[col]!, sg = sign[col]!;
        for (let i = 0; i < m; i++) u[i] = sg * T[i * W + q]!;
        u[m] = reducedCost(o1, col);
        u[m + 1] = reducedCost(o2, col);
        const pr = r * W;
        const piv = u[r]!;
        const inv = 1 / piv;
        let nz = 0;
        for (let j = 0; j < W; j++) {
            if (j === q) continue;
            const v = T[pr + j]!;
            if (v !== 0) { T[pr + j] = v * inv; nonzero[nz++] = j; }
        }
        // A dense pivot row is cheaper to apply without the index indirection (slot q is rewritten below);
        // a private copy of it keeps the inner loop reading one small array.
        const dense = nz * 3 > W * 2;
        for (let j = 0; j < W; j++) prow[j] = T[pr + j]!;
        for (let i = 0; i < R; i++) {
            if (i === r) continue;
            const f = u[i]!;
            const base = i * W;
            if (f !== 0) {
                if (dense) for (let j = 0; j < W; j++) T[base + j] -= f * prow[j]!;
                else for (let t = 0; t < nz; t++) { const j = nonzero[t]!; T[base + j] -= f * prow[j]!; }
            }
            T[base + q] = -f * inv;
        }
        T[pr + q] = inv;
        // Devex reference weights: w_j = max(w_j, (α_rj / α_rq)² w_q); the leaving column gets w_q / α_rq².
        const wq = weight[q]!;
        for (let t = 0; t < nz; t++) {
            const j = nonzero[t]!;
            if (j === S) continue;
            const ratio = T[pr + j]!;
            const candidate = ratio * ratio * wq;
            if (candidate > weight[j]!) weight[j] = candidate;
        }
        weight[q] = Math.max(wq * inv * inv, 1);
        const leaving = basis[r]!;
        basis[r] = col;
        isBasic[col] = 1;
        isBasic[leaving] = 0;
        slotOf[col] = -1;
        const p = partner[col]!;
        if (p >= 0) slotOf[p] = -1;
        slotOf[leaving] = q;
        sign[leaving] = 1;
        const lp2 = partner[leaving]!;
        if (lp2 >= 0) { slotOf[lp2] = q; sign[lp2] = -1; }
    };

    const maxIterations = 50 * (m + N) + 1000;
    let iterations = 0;
    /** 'optimal', the entering column of an unbounded direction, or undefined on the iteration cap. */
    const run = (o: number): 'optimal' | number | undefined => {
        let degenerate = 0;
        let bland = false;
        for (;;) {
            if (++iterations > maxIterations) return undefined;
            let s = -1;
            let best = 0;
            for (let j = 0; j < N; j++) {
                if (artificial[j] || isBasic[j]) continue;
                const slot = slotOf[j]!;
                const d = slot >= 0 && sign[j] === 1 ? T[o + slot]! : reducedCost(o, j);
                if (d >= -COST_TOL) continue;
                if (bland) { s = j; break; }
                const score = slot < 0 ? Infinity : (d * d) / weight[slot]!;
                if (score > best) { s = j; best = score; }
            }
            if (s < 0) return 'optimal';
            const slot = slotOf[s]!;
            if (slot < 0) return s; // column −e_r of a basic partner: no positive entry, unbounded
            const sg = sign[s]!;
            let r = -1;
            let ratio = Infinity;
            let pivotEntry = 0;
            for (let i = 0; i < m; i++) {
                const a = sg * T[i * W + slot]!;
                if (a <= PIVOT_TOL) continue;
                const t = T[i * W + S]! / a;
                if (r < 0 || t < ratio - 1e-12) { r = i; ratio = t; pivotEntry = a; }
                else if (t <= ratio + 1e-12 && (bland ? basis[i]! < basis[r]! : a > pivotEntry)) { r = i; ratio = Math.min(ratio,
                    t); pivotEntry = a; }
            }
            if (r < 0) return s;
            if (ratio <= 1e-12) { if (++degenerate > DEGENERATE_RUN_BEFORE_BLAND) bland = true; }
            else degenerate = 0;
            pivot(r, s);
        }
    };

    let hasArtificial = false;
    for (let i = 0; i < m; i++) if (artificial[basis[i]!]) hasArtificial = true;
    if (hasArtificial) {
        const res = run(o1);
        if (res === undefined) return undefined;
        let bScale = 1;
        for (let i = 0; i < m; i++) bScale = Math.max(bScale, Math.abs(T[i * W + S]!));
        if (-T[o1 + S]! > 1e-9 * bScale) return { kind: 'infeasible', basis: basis.slice() };
        for (let i = 0; i < m; i++) {
            if (!artificial[basis[i]!]) continue;
            let best = -1, bestAbs = PIVOT_TOL;
            for (let j = 0; j < N; j++) {
                if (artificial[j] || isBasic[j] || slotOf[j]! < 0) continue;
                const a = Math.abs(T[i * W + slotOf[j]!]!);
                if (a > bestAbs) { best = j; bestAbs = a; }
            }
            if (best >= 0) pivot(i, best);
        }
    }
    const res = run(o2);
    if (res === undefined) return undefined;
    return res === 'optimal' ? { kind: 'optimal', basis: basis.slice() } : { kind: 'unbounded', basis: basis.slice(), entering: res };
}
