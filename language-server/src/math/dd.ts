/**
 * Exact double description on the homogenised simplex (internal; numerics README §4).
 *
 * A polytope { p ∈ Δ : a·p ≥ b } is the section Σp = 1 of the pointed cone { p ≥ 0 : (a − b·1)·p ≥ 0 },
 * so its vertices are the cone's extreme rays scaled to sum 1. Start from the orthant's rays e_1…e_n
 * (pairwise adjacent) and add the homogeneous rows one at a time. Rays are primitive integer vectors;
 * a new ray is the positive combination of an adjacent (+, −) pair, adjacency being the combinatorial
 * test on zero sets (bitsets): |Z_a ∩ Z_b| ≥ n − 2 and no third ray's zero set contains Z_a ∩ Z_b.
 * No rationals and no floats inside the loop.
 */
import type { Budget } from './budget.js';
import { primitive } from './int-matrix.js';

export interface HomogeneousRow {
    coeffs: bigint[];
    equality: boolean;
}

interface Ray {
    v: bigint[];
    zeros: Uint32Array;
}

export class RayLimitExceeded extends Error {
    constructor(readonly rays: number, readonly processed: number) {
        super(`more than the allowed number of intermediate vertices (${rays})`);
    }
}

function popcount32(x: number): number {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Extreme rays of { p ≥ 0, rows }. `onProgress(processed)` lets the caller report partial progress;
 * `maxRays` caps the intermediate ray count (RayLimitExceeded). Budget: one step per candidate pair.
 */
export function doubleDescription(n: number, rows: readonly HomogeneousRow[], budget: Budget,
    maxRays = Infinity, progress?: { processed: number; rays: number }): bigint[][] {
    const bits = n + rows.length;
    const words = (bits + 31) >>> 5;
    let rays: Ray[] = [];
    for (let i = 0; i < n; i++) {
        const v = new Array<bigint>(n).fill(0n);
        v[i] = 1n;
        const zeros = new Uint32Array(words);
        for (let j = 0; j < n; j++) if (j !== i) zeros[j >>> 5]! |= 1 << (j & 31);
        rays.push({ v, zeros });
    }
    const common = new Uint32Array(words);
    for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const bit = n + k;
        const values = rays.map((r) => {
            let s = 0n;
            for (let j = 0; j < n; j++) { const a = row.coeffs[j]!; if (a !== 0n && r.v[j] !== 0n) s += a * r.v[j]!; }
            return s;
        });
        const plus: number[] = [], minus: number[] = [], zero: number[] = [];
        values.forEach((s, i) => (s > 0n ? plus : s < 0n ? minus : zero).push(i));
        const next: Ray[] = [];
        for (const i of zero) { const r = rays[i]!; r.zeros[bit >>> 5]! |= 1 << (bit & 31); next.push(r); }
        if (!row.equality) for (const i of plus) next.push(rays[i]!);
        for (const a of plus) {
            const ra = rays[a]!;
            for (const b of minus) {
                budget.spend();
                const rb = rays[b]!;
                let count = 0;
                for (let w = 0; w < words; w++) { common[w] = ra.zeros[w]! & rb.zeros[w]!; count += popcount32(common[w]!); }
                if (count < n - 2) continue;
                let adjacent = true;
                for (let c = 0; c < rays.length && adjacent; c++) {
                    if (c === a || c === b) continue;
                    const zc = rays[c]!.zeros;
                    let contains = true;
                    for (let w = 0; w < words; w++) if ((common[w]! & ~zc[w]!) !== 0) { contains = false; break; }
                    if (contains) adjacent = false;
                }
                if (!adjacent) continue;
                const va = values[a]!, vb = values[b]!;
                const v = primitive(ra.v.map((x, j) => va * rb.v[j]! - vb * x));
                const zeros = common.slice();
                zeros[bit >>> 5]! |= 1 << (bit & 31);
                next.push({ v, zeros });
                if (next.length > maxRays) throw new RayLimitExceeded(next.length, k);
            }
        }
        rays = next;
        if (progress) { progress.processed = k + 1; progress.rays = rays.length; }
        if (rays.length === 0) break;
    }
    return rays.map((r) => r.v);
}
