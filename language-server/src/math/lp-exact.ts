/**
 * Exact two-phase simplex on a fraction-free integer tableau (internal; the fallback when the float
 * guide's basis cannot be certified).
 *
 * The tableau holds integers T with one common denominator D (the current basis determinant); a pivot
 * is Edmonds' integer update T' = (T·p − T_s·T_r) / D with exact division, as lrs does. Pricing is
 * Dantzig's until a run of degenerate pivots, then Bland's rule for good (so it cannot cycle). Both
 * objective rows (phase 1 and phase 2) are carried through every pivot. One budget step per pivot.
 */
import type { Budget } from './budget.js';
import type { BasisClaim, StandardLp } from './lp-standard.js';

const DEGENERATE_RUN_BEFORE_BLAND = 30;

export function exactSimplex(lp: StandardLp, budget: Budget): BasisClaim {
    const { m, n, aux } = lp;
    const N = n + aux.length;
    const rows: bigint[][] = [];
    for (let i = 0; i < m; i++) {
        const r = new Array<bigint>(N + 1).fill(0n);
        for (let j = 0; j < n; j++) r[j] = lp.A[i]![j]!;
        r[N] = lp.b[i]!;
        rows.push(r);
    }
    aux.forEach((a, k) => { rows[a.row]![n + k] = BigInt(a.sign); });
    const basis = lp.initialBasis.slice();
    const isArtificial = (col: number): boolean => col >= n && aux[col - n]!.artificial;
    // Phase-1 reduced costs: cost 1 on artificials, priced out against the artificial basis.
    const obj1 = new Array<bigint>(N + 1).fill(0n);
    for (let i = 0; i < m; i++) {
        if (!isArtificial(basis[i]!)) continue;
        const r = rows[i]!;
        for (let j = 0; j <= N; j++) obj1[j] = obj1[j]! - r[j]!;
    }
    for (let i = 0; i < m; i++) if (isArtificial(basis[i]!)) obj1[basis[i]!] = 0n;
    const obj2 = new Array<bigint>(N + 1).fill(0n);
    for (let j = 0; j < n; j++) obj2[j] = lp.c[j]!;
    const all = [...rows, obj1, obj2];
    let D = 1n;

    const pivot = (r: number, s: number): void => {
        budget.spend();
        const pr = all[r]!;
        const p = pr[s]!;
        for (let i = 0; i < all.length; i++) {
            if (i === r) continue;
            const row = all[i]!;
            const f = row[s]!;
            if (f === 0n) {
                if (p !== D) for (let j = 0; j <= N; j++) if (row[j] !== 0n) row[j] = (row[j]! * p) / D;
                continue;
            }
            for (let j = 0; j <= N; j++) {
                const v = row[j]! * p - f * pr[j]!;
                row[j] = v === 0n ? 0n : v / D;
            }
        }
        D = p;
        if (D < 0n) {
            D = -D;
            for (const row of all) for (let j = 0; j <= N; j++) row[j] = -row[j]!;
        }
        basis[r] = s;
    };

    /** Returns 'optimal' or the entering column of an unbounded direction. */
    const run = (obj: bigint[], allowed: (col: number) => boolean): 'optimal' | number => {
        let degenerate = 0;
        let bland = false;
        for (;;) {
            let s = -1;
            for (let j = 0; j < N; j++) {
                if (!allowed(j) || obj[j]! >= 0n) continue;
                if (bland) { s = j; break; }
                if (s < 0 || obj[j]! < obj[s]!) s = j;
            }
            if (s < 0) return 'optimal';
            let r = -1;
            for (let i = 0; i < m; i++) {
                const a = rows[i]![s]!;
                if (a <= 0n) continue;
                if (r < 0) { r = i; continue; }
                // Compare rhs_i / a with rhs_r / a_r (both a > 0); ties go to the smaller basic column.
                const lhs = rows[i]![N]! * rows[r]![s]!, rhs = rows[r]![N]! * a;
                if (lhs < rhs || (lhs === rhs && basis[i]! < basis[r]!)) r = i;
            }
            if (r < 0) return s;
            if (rows[r]![N] === 0n) { if (++degenerate > DEGENERATE_RUN_BEFORE_BLAND) bland = true; }
            else degenerate = 0;
            pivot(r, s);
        }
    };

    if (basis.some(isArtificial)) {
        run(obj1, (col) => !isArtificial(col));
        if (obj1[N]! !== 0n) return { kind: 'infeasible', basis: basis.slice() };
        // Drive remaining (zero-level) artificials out of the basis; rows where that is impossible are redundant.
        for (let i = 0; i < m; i++) {
            if (!isArtificial(basis[i]!)) continue;
            for (let j = 0; j < N; j++) {
                if (!isArtificial(j) && rows[i]![j] !== 0n) { pivot(i, j); break; }
            }
        }
    }
    const res = run(obj2, (col) => !isArtificial(col));
    return res === 'optimal' ? { kind: 'optimal', basis: basis.slice() } : { kind: 'unbounded', basis: basis.slice(), entering: res };
}
