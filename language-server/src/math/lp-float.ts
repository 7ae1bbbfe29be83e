/**
 * Float64 two-phase tableau simplex used only as a GUIDE (internal): it proposes a final basis, which
 * lp-certify.ts then proves or rejects exactly. Its tolerances never decide an answer.
 *
 * Rows are scaled to max |a| = 1 for conditioning. Dantzig pricing, Bland after a degenerate run;
 * one budget step per pivot; an iteration cap turns pathological runs into "no claim" (exact fallback).
 */
import type { Budget } from './budget.js';
import type { BasisClaim, StandardLp } from './lp-standard.js';

const PIVOT_TOL = 1e-9;
const COST_TOL = 1e-9;
const DEGENERATE_RUN_BEFORE_BLAND = 50;

export function floatSimplex(lp: StandardLp, budget: Budget): BasisClaim | undefined {
    const { m, n, aux } = lp;
    const N = n + aux.length;
    const W = N + 1;
    const R = m + 2; // m constraint rows, phase-1 objective, phase-2 objective
    const T = new Float64Array(R * W);
    for (let i = 0; i < m; i++) {
        const Ai = lp.A[i]!;
        let big = Math.abs(Number(lp.b[i]!));
        for (let j = 0; j < n; j++) big = Math.max(big, Math.abs(Number(Ai[j]!)));
        const s = big > 0 ? 1 / big : 1;
        const base = i * W;
        for (let j = 0; j < n; j++) if (Ai[j] !== 0n) T[base + j] = Number(Ai[j]!) * s;
        T[base + N] = Number(lp.b[i]!) * s;
    }
    const basis = lp.initialBasis.slice();
    const artificial = new Uint8Array(N);
    aux.forEach((a, k) => {
        T[a.row * W + n + k] = a.sign;
        if (a.artificial) artificial[n + k] = 1;
    });
    const o1 = m * W, o2 = (m + 1) * W;
    for (let i = 0; i < m; i++) {
        if (!artificial[basis[i]!]) continue;
        for (let j = 0; j < W; j++) T[o1 + j] -= T[i * W + j];
    }
    for (let i = 0; i < m; i++) if (artificial[basis[i]!]) T[o1 + basis[i]!] = 0;
    let cBig = 0;
    for (let j = 0; j < n; j++) cBig = Math.max(cBig, Math.abs(Number(lp.c[j]!)));
    for (let j = 0; j < n; j++) T[o2 + j] = cBig > 0 ? Number(lp.c[j]!) / cBig : 0;

    const nonzero = new Int32Array(W);
    const pivot = (r: number, s: number): void => {
        budget.spend();
        const pr = r * W;
        const inv = 1 / T[pr + s]!;
        // The pivot row is often sparse: update only its nonzero columns.
        let nz = 0;
        for (let j = 0; j < W; j++) {
            const v = T[pr + j]!;
            if (v !== 0) { T[pr + j] = v * inv; nonzero[nz++] = j; }
        }
        T[pr + s] = 1;
        for (let i = 0; i < R; i++) {
            if (i === r) continue;
            const base = i * W;
            const f = T[base + s]!;
            if (f === 0) continue;
            for (let t = 0; t < nz; t++) { const j = nonzero[t]!; T[base + j] -= f * T[pr + j]!; }
            T[base + s] = 0;
        }
        basis[r] = s;
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
            let best = -COST_TOL;
            for (let j = 0; j < N; j++) {
                if (artificial[j]) continue;
                const d = T[o + j]!;
                if (d < best) { s = j; if (bland) break; best = d; }
            }
            if (s < 0) return 'optimal';
            let r = -1;
            let ratio = Infinity;
            for (let i = 0; i < m; i++) {
                const a = T[i * W + s]!;
                if (a <= PIVOT_TOL) continue;
                const t = T[i * W + N]! / a;
                if (r < 0 || t < ratio - 1e-12) { r = i; ratio = t; }
                else if (t <= ratio + 1e-12 && (bland ? basis[i]! < basis[r]! : a > T[r * W + s]!)) { r = i; ratio = Math.min(ratio, t); }
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
        for (let i = 0; i < m; i++) bScale = Math.max(bScale, Math.abs(T[i * W + N]!));
        if (-T[o1 + N]! > 1e-9 * bScale) return { kind: 'infeasible', basis: basis.slice() };
        for (let i = 0; i < m; i++) {
            if (!artificial[basis[i]!]) continue;
            let best = -1, bestAbs = PIVOT_TOL;
            for (let j = 0; j < N; j++) {
                const a = Math.abs(T[i * W + j]!);
                if (!artificial[j] && a > bestAbs) { best = j; bestAbs = a; }
            }
            if (best >= 0) pivot(i, best);
        }
    }
    const res = run(o2);
    if (res === undefined) return undefined;
    return res === 'optimal' ? { kind: 'optimal', basis: basis.slice() } : { kind: 'unbounded', basis: basis.slice(), entering: res };
}
