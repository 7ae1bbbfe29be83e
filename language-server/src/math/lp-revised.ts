/**
 * Float64 revised simplex on the basis kernel, a GUIDE for LPs whose slack basis is feasible (every row
 * `<=` with b ≥ 0, e.g. the natural-extension LP): it proposes a final basis that lp-certify.ts proves or
 * rejects exactly; its tolerances never decide an answer (internal).
 *
 * A basis is k basic structural columns S plus the slacks of the other rows; the slacks of the k "tight"
 * rows T are nonbasic. Only the k×k kernel K = A[T, S] needs an inverse (k ≈ |Ω|/4 on credal sets), so an
 * iteration costs O(k·(rows + columns) + k²) instead of the dense tableau's rows × columns:
 * duals y_T = K⁻ᵀ c_S, reduced costs c − yᵀA, the entering column through K⁻¹, and a rank-one update of
 * K⁻¹ when the kernel grows, shrinks or swaps a row or column (re-inverted from scratch every
 * REFACTOR_EVERY pivots to wash out rounding). Opposite column pairs (μ⁺/μ⁻, the lower/upper side of an
 * interval) share one dot product. Dantzig pricing, Bland's rule after a degenerate run.
 */
import type { Budget } from './budget.js';
import { floatMatrix, oppositePartners } from './lp-float.js';
import type { BasisClaim, StandardLp } from './lp-standard.js';

const PIVOT_TOL = 1e-9;
const COST_TOL = 1e-9;
const DEGENERATE_RUN_BEFORE_BLAND = 50;
const REFACTOR_EVERY = 100;

/** True when the revised guide applies: slack basis feasible (no artificial, every aux a slack). */
export function slackBasisFeasible(lp: StandardLp): boolean {
    return lp.aux.length === lp.m && lp.aux.every((a, i) => a.row === i && a.sign === 1 && !a.artificial);
}

export function revisedSimplex(lp: StandardLp, budget: Budget): BasisClaim | undefined {
    const { m, n } = lp;
    if (!slackBasisFeasible(lp)) return undefined;
    const { A, exact } = floatMatrix(lp);
    const partner = oppositePartners(lp, A, exact);
    const cap = Math.min(m, n);
    let cBig = 0;
    for (let j = 0; j < n; j++) cBig = Math.max(cBig, Math.abs(Number(lp.c[j]!)));
    const cost = new Float64Array(n);
    for (let j = 0; j < n; j++) cost[j] = cBig > 0 ? Number(lp.c[j]!) / cBig : 0;
    // Distinct columns up to sign (an opposite partner is the negation of its representative), stored
    // row-major for the pricing sweep and column-major for the entering column's covered-row part.
    const pricedCols: number[] = [];
    const repOf = new Int32Array(n), repSign = new Float64Array(n);
    for (let j = 0; j < n; j++) {
        const p = partner[j]!;
        if (p < 0 || j < p) { repOf[j] = pricedCols.length; repSign[j] = 1; pricedCols.push(j); }
    }
    for (let j = 0; j < n; j++) { const p = partner[j]!; if (p >= 0 && p < j) { repOf[j] = repOf[p]!; repSign[j] = -1; } }
    const np = pricedCols.length;
    const Ap = new Float64Array(m * np), Ac = new Float64Array(np * m);
    for (let i = 0; i < m; i++) {
        for (let c = 0; c < np; c++) {
            const a = A[i * n + pricedCols[c]!]!;
            if (a !== 0) { Ap[i * np + c] = a; Ac[c * m + i] = a; }
        }
    }
    const gp = new Float64Array(np);
    const b = new Float64Array(m);
    for (let i = 0; i < m; i++) b[i] = Number(lp.b[i]!);

    let k = 0;
    const colAt = new Int32Array(cap), rowAt = new Int32Array(cap);
    const posOfCol = new Int32Array(n).fill(-1), posOfRow = new Int32Array(m).fill(-1);
    const Kinv = new Float64Array(cap * cap); // Kinv[u·cap + t]: position u of S, position t of T
    const xS = new Float64Array(cap);
    const slack = Float64Array.from(b); // slack values of covered rows (0 on tight rows)
    const y = new Float64Array(cap), g = new Float64Array(n);
    const alphaS = new Float64Array(cap), alphaRow = new Float64Array(m), rho = new Float64Array(cap);

    /** Kinv from scratch (Gauss-Jordan, partial pivoting) and the basic values; false if K is singular. */
    const refactor = (): boolean => {
        const w = 2 * k;
        const M = new Float64Array(k * w);
        for (let t = 0; t < k; t++) {
            for (let u = 0; u < k; u++) M[t * w + u] = A[rowAt[t]! * n + colAt[u]!]!;
            M[t * w + k + t] = 1;
        }
        for (let c = 0; c < k; c++) {
            let p = c;
            for (let i = c + 1; i < k; i++) if (Math.abs(M[i * w + c]!) > Math.abs(M[p * w + c]!)) p = i;
            if (Math.abs(M[p * w + c]!) < 1e-12) return false;
            if (p !== c) for (let j = 0; j < w; j++) { const t = M[c * w + j]!; M[c * w + j] = M[p * w + j]!; M[p * w + j] = t; }
            const inv = 1 / M[c * w + c]!;
            for (let j = 0; j < w; j++) M[c * w + j] *= inv;
            for (let i = 0; i < k; i++) {
                const f = M[i * w + c]!;
                if (i === c || f === 0) continue;
                for (let j = 0; j < w; j++) M[i * w + j] -= f * M[c * w + j]!;
            }
        }
        // M's right half is (K⁻¹)[u][t] with K[t][u] = A[rowAt t, colAt u]: row u of K⁻¹ is row u of the half.
        for (let u = 0; u < k; u++) for (let t = 0; t < k; t++) Kinv[u * cap + t] = M[u * w + k + t]!;
        for (let u = 0; u < k; u++) {
            let s = 0;
            for (let t = 0; t < k; t++) s += Kinv[u * cap + t]! * b[rowAt[t]!]!;
            xS[u] = s;
        }
        for (let i = 0; i < m; i++) {
            if (posOfRow[i]! >= 0) { slack[i] = 0; continue; }
            let s = b[i]!;
            for (let u = 0; u < k; u++) s -= A[i * n + colAt[u]!]! * xS[u]!;
            slack[i] = s;
        }
        return true;
    };

    const basisClaim = (): number[] => {
        const basis: number[] = [];
        for (let u = 0; u < k; u++) basis.push(colAt[u]!);
        for (let i = 0; i < m; i++) if (posOfRow[i]! < 0) basis.push(n + i);
        return basis;
    };

    const maxIterations = 50 * (m + n + m) + 1000;
    // Ratio-test state, filled by `consider` (one closure for the whole run: a per-iteration closure deopts).
    let leaveCol = -1, leaveRow = -1, ratio = Infinity, pivotEntry = 0, leaveIndex = Infinity;
    let bland = false;
    const consider = (value: number, a: number, index: number, col: number, row: number): void => {
        if (a <= PIVOT_TOL) return;
        const r = value / a;
        if (leaveIndex === Infinity || r < ratio - 1e-12
            || (r <= ratio + 1e-12 && (bland ? index < leaveIndex : a > pivotEntry))) {
            ratio = leaveIndex === Infinity || r < ratio - 1e-12 ? r : Math.min(ratio, r);
            pivotEntry = a; leaveIndex = index; leaveCol = col; leaveRow = row;
        }
    };
    let degenerate = 0, sinceRefactor = 0;
    for (let iteration = 0; ; iteration++) {
        if (iteration > maxIterations) return undefined;
        budget.spend();
        // Duals on the tight rows and reduced costs of the structural columns.
        y.fill(0, 0, k);
        for (let u = 0; u < k; u++) {
            const cu = cost[colAt[u]!]!;
            if (cu === 0) continue;
            const base = u * cap;
            for (let t = 0; t < k; t++) y[t] += cu * Kinv[base + t]!;
        }
        gp.fill(0);
        for (let t = 0; t < k; t++) {
            const yt = y[t]!;
            if (yt === 0) continue;
            const base = rowAt[t]! * np;
            for (let c = 0; c < np; c++) gp[c] += yt * Ap[base + c]!;
        }
        for (let c = 0; c < np; c++) {
            const j = pricedCols[c]!, v = gp[c]!;
            g[j] = v;
            const p = partner[j]!;
            if (p >= 0) g[p] = -v;
        }
        // Entering: most negative reduced cost (Dantzig), or the smallest index under Bland's rule.
        let enter = -1, best = -COST_TOL;
        for (let j = 0; j < n; j++) {
            if (posOfCol[j]! >= 0) continue;
            const dj = cost[j]! - g[j]!;
            if (dj < best) { enter = j; best = dj; if (bland) break; }
        }
        if (!bland || enter < 0) {
            for (let t = 0; t < k; t++) {
                const dt = -y[t]!; // reduced cost of the slack of tight row rowAt[t] (a unit column)
                const col = n + rowAt[t]!;
                if (bland ? dt < -COST_TOL && (enter < 0 || col < enter) : dt < best) { enter = col; best = dt; }
            }
        }
        if (enter < 0) return { kind: 'optimal', basis: basisClaim() };

        // Entering column through the basis: α_S on the kernel, α_i on covered rows.
        const slackRow = enter >= n ? enter - n : -1;
        const t0 = slackRow >= 0 ? posOfRow[slackRow]! : -1;
        if (slackRow >= 0) for (let u = 0; u < k; u++) alphaS[u] = Kinv[u * cap + t0]!;
        else {
            const base = repOf[enter]! * m, sg = repSign[enter]!;
            for (let t = 0; t < k; t++) rho[t] = sg * Ac[base + rowAt[t]!]!;
            for (let u = 0; u < k; u++) {
                let s = 0;
                const base = u * cap;
                for (let t = 0; t < k; t++) s += Kinv[base + t]! * rho[t]!;
                alphaS[u] = s;
            }
        }
        // Covered rows: α = a_q − A[:, S]·α_S, as contiguous column sweeps (tight rows computed and ignored).
        if (slackRow >= 0) alphaRow.fill(0);
        else { const base = repOf[enter]! * m, sg = repSign[enter]!; for (let i = 0; i < m; i++) alphaRow[i] = sg * Ac[base + i]!; }
        for (let u = 0; u < k; u++) {
            const col = colAt[u]!;
            const f = alphaS[u]! * repSign[col]!;
            if (f === 0) continue;
            const base = repOf[col]! * m;
            for (let i = 0; i < m; i++) alphaRow[i] -= f * Ac[base + i]!;
        }
        // Ratio test over basic structurals and covered slacks; ties: larger pivot, or Bland's smallest index.
        leaveCol = -1; leaveRow = -1; ratio = Infinity; pivotEntry = 0; leaveIndex = Infinity;
        for (let u = 0; u < k; u++) consider(xS[u]!, alphaS[u]!, colAt[u]!, u, -1);
        for (let i = 0; i < m; i++) if (posOfRow[i]! < 0) consider(slack[i]!, alphaRow[i]!, n + i, -1, i);
        if (leaveIndex === Infinity) return { kind: 'unbounded', basis: basisClaim(), entering: enter };
        const theta = Math.max(ratio, 0);
        if (theta <= 1e-12) { if (++degenerate > DEGENERATE_RUN_BEFORE_BLAND) bland = true; }
        else degenerate = 0;

        // Basic values move along the column.
        for (let u = 0; u < k; u++) xS[u] -= theta * alphaS[u]!;
        for (let i = 0; i < m; i++) if (posOfRow[i]! < 0) slack[i] -= theta * alphaRow[i]!;

        if (slackRow < 0 && leaveCol >= 0) {
            // Column swap in the kernel.
            const u0 = leaveCol, piv = alphaS[u0]!;
            for (let t = 0; t < k; t++) Kinv[u0 * cap + t] /= piv;
            for (let u = 0; u < k; u++) {
                const f = alphaS[u]!;
                if (u === u0 || f === 0) continue;
                for (let t = 0; t < k; t++) Kinv[u * cap + t] -= f * Kinv[u0 * cap + t]!;
            }
            posOfCol[colAt[u0]!] = -1;
            colAt[u0] = enter; posOfCol[enter] = u0; xS[u0] = theta;
        } else if (slackRow < 0) {
            // The kernel grows by row leaveRow and column `enter` (bordered inverse, Schur complement s).
            const i0 = leaveRow, s = alphaRow[i0]!;
            rho.fill(0, 0, k);
            for (let u = 0; u < k; u++) {
                const a = A[i0 * n + colAt[u]!]!;
                if (a !== 0) for (let t = 0; t < k; t++) rho[t] += a * Kinv[u * cap + t]!;
            }
            for (let u = 0; u < k; u++) {
                const f = alphaS[u]! / s;
                if (f !== 0) for (let t = 0; t < k; t++) Kinv[u * cap + t] += f * rho[t]!;
                Kinv[u * cap + k] = -f;
            }
            for (let t = 0; t < k; t++) Kinv[k * cap + t] = -rho[t]! / s;
            Kinv[k * cap + k] = 1 / s;
            colAt[k] = enter; rowAt[k] = i0; posOfCol[enter] = k; posOfRow[i0] = k; xS[k] = theta; slack[i0] = 0;
            k++;
        } else if (leaveCol >= 0) {
            // The kernel shrinks: drop tight row t0 and column u0.
            const u0 = leaveCol, h = Kinv[u0 * cap + t0]!;
            for (let u = 0; u < k; u++) {
                if (u === u0) continue;
                const f = Kinv[u * cap + t0]! / h;
                if (f !== 0) for (let t = 0; t < k; t++) Kinv[u * cap + t] -= f * Kinv[u0 * cap + t]!;
            }
            posOfCol[colAt[u0]!] = -1; posOfRow[slackRow] = -1; slack[slackRow] = theta;
            const last = k - 1;
            if (u0 !== last) {
                for (let t = 0; t < k; t++) Kinv[u0 * cap + t] = Kinv[last * cap + t]!;
                colAt[u0] = colAt[last]!; posOfCol[colAt[u0]!] = u0; xS[u0] = xS[last]!;
            }
            if (t0 !== last) {
                for (let u = 0; u < k; u++) Kinv[u * cap + t0] = Kinv[u * cap + last]!;
                rowAt[t0] = rowAt[last]!; posOfRow[rowAt[t0]!] = t0;
            }
            k = last;
        } else {
            // Tight row t0 is replaced by row leaveRow (Sherman–Morrison on one kernel row).
            const i0 = slackRow, i1 = leaveRow;
            rho.fill(0, 0, k);
            for (let u = 0; u < k; u++) {
                const a = A[i1 * n + colAt[u]!]! - A[i0 * n + colAt[u]!]!;
                if (a !== 0) for (let t = 0; t < k; t++) rho[t] += a * Kinv[u * cap + t]!;
            }
            const denom = 1 + rho[t0]!;
            if (Math.abs(denom) < PIVOT_TOL) return undefined;
            for (let u = 0; u < k; u++) {
                const f = Kinv[u * cap + t0]! / denom;
                if (f !== 0) for (let t = 0; t < k; t++) Kinv[u * cap + t] -= f * rho[t]!;
            }
            rowAt[t0] = i1; posOfRow[i1] = t0; posOfRow[i0] = -1; slack[i0] = theta; slack[i1] = 0;
        }
        if (++sinceRefactor >= REFACTOR_EVERY) {
            sinceRefactor = 0;
            if (!refactor()) return undefined;
        }
    }
}
