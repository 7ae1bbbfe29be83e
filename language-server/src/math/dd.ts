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

/** How many candidate pairs share one `budget.spend` call (the time check is not free). */
const PAIRS_PER_BUDGET_CHECK = 256;

/**
 * For each constraint bit, the indices of the rays tight on it (zero bit set), as one flat array with
 * offsets (CSR). The adjacency test scans only the rays tight on the rarest bit of Z_a ∩ Z_b.
 */
function incidenceIndex(rays: readonly Ray[], bits: number, words: number): { start: Int32Array; list: Int32Array } {
    const count = new Int32Array(bits + 1);
    for (const r of rays) {
        for (let w = 0; w < words; w++) {
            let x = r.zeros[w]!;
            while (x !== 0) { const low = x & -x; count[(w << 5) + 31 - Math.clz32(low)]!++; x ^= low; }
        }
    }
    const start = new Int32Array(bits + 1);
    for (let t = 0; t < bits; t++) start[t + 1] = start[t]! + count[t]!;
    const fill = start.slice(0, bits);
    const list = new Int32Array(start[bits]!);
    rays.forEach((r, i) => {
        for (let w = 0; w < words; w++) {
            let x = r.zeros[w]!;
            while (x !== 0) { const low = x & -x; list[fill[(w << 5) + 31 - Math.clz32(low)]!++] = i; x ^= low; }
        }
    });
    return { start, list };
}

/**
 * Extreme rays of { p ≥ 0, rows }. `progress` lets the caller report partial progress;
 * `maxRays` caps the intermediate ray count (RayLimitExceeded). Budget: one step per candidate pair
 * (charged in batches).
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
    let unpaidPairs = 0;
    for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const bit = n + k;
        const support: number[] = [];
        for (let j = 0; j < n; j++) if (row.coeffs[j] !== 0n) support.push(j);
        const values = rays.map((r) => {
            let s = 0n;
            for (const j of support) { const x = r.v[j]!; if (x !== 0n) s += row.coeffs[j]! * x; }
            return s;
        });
        const plus: number[] = [], minus: number[] = [], zero: number[] = [];
        values.forEach((s, i) => (s > 0n ? plus : s < 0n ? minus : zero).push(i));
        // Built before bit k is set on the zero rays, so it covers bits 0 … bit−1 only.
        const index = plus.length > 0 && minus.length > 0 ? incidenceIndex(rays, bit, words) : undefined;
        const next: Ray[] = [];
        for (const i of zero) { const r = rays[i]!; r.zeros[bit >>> 5]! |= 1 << (bit & 31); next.push(r); }
        if (!row.equality) for (const i of plus) next.push(rays[i]!);
        for (const a of plus) {
            const za = rays[a]!.zeros;
            for (const b of minus) {
                if (++unpaidPairs >= PAIRS_PER_BUDGET_CHECK) { budget.spend(unpaidPairs); unpaidPairs = 0; }
                const zb = rays[b]!.zeros;
                let count = 0;
                for (let w = 0; w < words; w++) { const c = za[w]! & zb[w]!; common[w] = c; count += popcount32(c); }
                if (count < n - 2) continue;
                // Adjacent iff no third ray's zero set contains Z_a ∩ Z_b: scan the rays tight on the
                // rarest bit of the intersection.
                let rare = -1, rareCount = Infinity;
                for (let w = 0; w < words; w++) {
                    let x = common[w]!;
                    while (x !== 0) {
                        const low = x & -x;
                        x ^= low;
                        const t = (w << 5) + 31 - Math.clz32(low);
                        const c = index!.start[t + 1]! - index!.start[t]!;
                        if (c < rareCount) { rareCount = c; rare = t; }
                    }
                }
                let adjacent = true;
                if (rare >= 0) {
                    const list = index!.list;
                    for (let q = index!.start[rare]!, end = index!.start[rare + 1]!; q < end; q++) {
                        const c = list[q]!;
                        if (c === a || c === b) continue;
                        const zc = rays[c]!.zeros;
                        let contains = true;
                        for (let w = 0; w < words; w++) if ((common[w]! & ~zc[w]!) !== 0) { contains = false; break; }
                        if (contains) { adjacent = false; break; }
                    }
                } else {
                    // Empty intersection (only when n ≤ 2): every ray contains it.
                    adjacent = rays.length === 2;
                }
                if (!adjacent) continue;
                const va = values[a]!, vb = values[b]!;
                const ra = rays[a]!.v, rb = rays[b]!.v;
                const v = primitive(ra.map((x, j) => va * rb[j]! - vb * x));
                const zeros = common.slice();
                zeros[bit >>> 5]! |= 1 << (bit & 31);
                next.push({ v, zeros });
                if (next.length > maxRays) throw new RayLimitExceeded(next.length, k);
            }
        }
        rays = next; ((globalThis as any).__ddTrace ??= []).push(`${plus.length}x${minus.length}`);
        if (progress) { progress.processed = k + 1; progress.rays = rays.length; }
        if (rays.length === 0) break;
    }
    budget.spend(unpaidPairs);
    return rays.map((r) => r.v);
}
