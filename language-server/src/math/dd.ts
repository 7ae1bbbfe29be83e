/**
 * Exact double description on the homogenised simplex (internal; numerics README §4).
 *
 * A polytope { p ∈ Δ : a·p ≥ b } is the section Σp = 1 of the pointed cone { p ≥ 0 : (a − b·1)·p ≥ 0 },
 * so its vertices are the cone's extreme rays scaled to sum 1. Start from the orthant's rays e_1…e_n
 * (pairwise adjacent) and add the homogeneous rows one at a time. Rays are primitive integer vectors;
 * a new ray is the positive combination of an adjacent (+, −) pair, adjacency being the combinatorial
 * test on zero sets (bitsets): |Z_a ∩ Z_b| ≥ n − 2 and no third ray's zero set contains Z_a ∩ Z_b.
 * No rationals and no floats inside the loop.
 *
 * Speed (numerics README §6): zero sets live packed in one Uint32Array per generation; a per-bit
 * incidence index (which rays are tight on each constraint) restricts both the candidate partners of
 * a ray and the adjacency scan to the rays tight on the rarest bits, instead of all |R+|·|R−| pairs
 * against all |R| rays.
 */
import type { Budget } from './budget.js';
import { primitive } from './int-matrix.js';

export interface HomogeneousRow {
    coeffs: bigint[];
    equality: boolean;
}

export class RayLimitExceeded extends Error {
    constructor(readonly rays: number, readonly processed: number) {
        super(`more than the allowed number of intermediate vertices (${rays})`);
    }
}

/** How many candidate pairs share one `budget.spend` call (the time check is not free). */
const PAIRS_PER_BUDGET_CHECK = 256;

function popcount32(x: number): number {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** One generation of rays: integer vectors and their zero sets, `words` 32-bit words per ray. */
class RaySet {
    readonly v: bigint[][] = [];
    zeros: Uint32Array;

    constructor(readonly words: number, capacity: number) {
        this.zeros = new Uint32Array(Math.max(capacity, 16) * words);
    }

    get size(): number {
        return this.v.length;
    }

    /** Append a ray whose zero set is `source[offset … offset + words)`; returns its index. */
    push(v: bigint[], source: Uint32Array, offset: number): number {
        const index = this.v.length, w = this.words;
        if ((index + 1) * w > this.zeros.length) {
            const grown = new Uint32Array(this.zeros.length * 2);
            grown.set(this.zeros);
            this.zeros = grown;
        }
        for (let k = 0; k < w; k++) this.zeros[index * w + k] = source[offset + k]!;
        this.v.push(v);
        return index;
    }

    setBit(index: number, bit: number): void {
        this.zeros[index * this.words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
}

/** For each bit < `bits`, the rays (among `members`) tight on it, as one CSR array of ray indices. */
interface Incidence { start: Int32Array; list: Int32Array }

function incidenceIndex(rays: RaySet, members: readonly number[], bits: number): Incidence {
    const { zeros, words } = rays;
    const start = new Int32Array(bits + 1);
    for (const i of members) {
        for (let w = 0; w < words; w++) {
            let x = zeros[i * words + w]!;
            while (x !== 0) { const low = x & -x; x ^= low; start[(w << 5) + 32 - Math.clz32(low)]!++; }
        }
    }
    for (let t = 0; t < bits; t++) start[t + 1]! += start[t]!;
    const fill = start.slice(0, bits);
    const list = new Int32Array(start[bits]!);
    for (const i of members) {
        for (let w = 0; w < words; w++) {
            let x = zeros[i * words + w]!;
            while (x !== 0) { const low = x & -x; x ^= low; list[fill[(w << 5) + 31 - Math.clz32(low)]!++] = i; }
        }
    }
    return { start, list };
}

/**
 * The (−) rays that can be adjacent to (+) ray a: an adjacent pair shares at least n − 2 zero bits, so
 * with z = |Z_a| a partner misses at most z − n + 2 of them and is tight on at least one bit of any
 * z − n + 3 bits of Z_a. Taking the rarest such bits keeps the candidate list short.
 * Fills `out`; `seenBy[b] = a` deduplicates; `tight` is scratch space.
 */
function candidatePartners(rays: RaySet, a: number, n: number, minus: readonly number[], minusIndex: Incidence,
    seenBy: Int32Array, tight: Int32Array, out: number[]): void {
    out.length = 0;
    // With n ≤ 2 a pair may share no zero bit at all: every (−) ray is a candidate.
    if (n <= 2) { for (const b of minus) out.push(b); return; }
    const { zeros, words } = rays;
    const { start, list } = minusIndex;
    const bits = start.length - 1;
    let z = 0;
    for (let w = 0; w < words; w++) {
        let x = zeros[a * words + w]!;
        while (x !== 0) {
            const low = x & -x;
            x ^= low;
            const t = (w << 5) + 31 - Math.clz32(low);
            // Insertion sort by how many (−) rays are tight on the bit (z is small: about n).
            const size = t < bits ? start[t + 1]! - start[t]! : 0;
            let p = z++;
            while (p > 0) {
                const s = tight[p - 1]!;
                if ((s < bits ? start[s + 1]! - start[s]! : 0) <= size) break;
                tight[p] = s;
                p--;
            }
            tight[p] = t;
        }
    }
    const need = z - n + 3;
    for (let k = 0; k < need && k < z; k++) {
        const t = tight[k]!;
        if (t >= bits) continue;
        for (let q = start[t]!, end = start[t + 1]!; q < end; q++) {
            const b = list[q]!;
            if (seenBy[b] !== a) { seenBy[b] = a; out.push(b); }
        }
    }
}

/** Is there a ray other than a and b whose zero set contains `common` (so a, b are not adjacent)? */
function containedElsewhere(rays: RaySet, index: Incidence, common: Uint32Array, a: number, b: number): boolean {
    const { zeros, words } = rays;
    const { start, list } = index;
    // Only rays tight on every bit of `common` qualify: scan those tight on its rarest bit.
    let rare = -1, rareCount = Infinity;
    for (let w = 0; w < words; w++) {
        let x = common[w]!;
        while (x !== 0) {
            const low = x & -x;
            x ^= low;
            const t = (w << 5) + 31 - Math.clz32(low);
            const c = start[t + 1]! - start[t]!;
            if (c < rareCount) { rareCount = c; rare = t; }
        }
    }
    // Empty intersection (only when n ≤ 2): every ray contains it.
    if (rare < 0) return rays.size > 2;
    for (let q = start[rare]!, end = start[rare + 1]!; q < end; q++) {
        const c = list[q]!;
        if (c === a || c === b) continue;
        let contains = true;
        for (let w = 0; w < words; w++) if ((common[w]! & ~zeros[c * words + w]!) !== 0) { contains = false; break; }
        if (contains) return true;
    }
    return false;
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
    let rays = new RaySet(words, n);
    const common = new Uint32Array(words);
    for (let i = 0; i < n; i++) {
        const v = new Array<bigint>(n).fill(0n);
        v[i] = 1n;
        common.fill(0);
        for (let j = 0; j < n; j++) if (j !== i) common[j >>> 5]! |= 1 << (j & 31);
        rays.push(v, common, 0);
    }
    const candidates: number[] = [];
    let seenBy = new Int32Array(0);
    const tight = new Int32Array(bits);
    let unpaidPairs = 0;
    for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const bit = n + k;
        const support: number[] = [];
        for (let j = 0; j < n; j++) if (row.coeffs[j] !== 0n) support.push(j);
        const values = rays.v.map((v) => {
            let s = 0n;
            for (const j of support) { const x = v[j]!; if (x !== 0n) s += row.coeffs[j]! * x; }
            return s;
        });
        const plus: number[] = [], minus: number[] = [], zero: number[] = [];
        values.forEach((s, i) => (s > 0n ? plus : s < 0n ? minus : zero).push(i));
        const next = new RaySet(words, zero.length + (row.equality ? 0 : plus.length) + Math.min(plus.length * minus.length, 1024));
        const { zeros } = rays;
        for (const i of zero) next.setBit(next.push(rays.v[i]!, zeros, i * words), bit);
        if (!row.equality) for (const i of plus) next.push(rays.v[i]!, zeros, i * words);
        if (plus.length > 0 && minus.length > 0) {
            // Indexes over bits 0 … bit−1 of the current generation (bit k is set only in `next`).
            const index = incidenceIndex(rays, rays.v.map((_, i) => i), bit);
            const minusIndex = incidenceIndex(rays, minus, bit);
            if (seenBy.length < rays.size) seenBy = new Int32Array(2 * rays.size);
            seenBy.fill(-1);
            for (const a of plus) {
                candidatePartners(rays, a, n, minus, minusIndex, seenBy, tight, candidates);
                for (const b of candidates) {
                    if (++unpaidPairs >= PAIRS_PER_BUDGET_CHECK) { budget.spend(unpaidPairs); unpaidPairs = 0; }
                    let count = 0;
                    for (let w = 0; w < words; w++) {
                        const c = zeros[a * words + w]! & zeros[b * words + w]!;
                        common[w] = c;
                        count += popcount32(c);
                    }
                    if (count < n - 2 || containedElsewhere(rays, index, common, a, b)) continue;
                    const va = values[a]!, vb = values[b]!;
                    const ra = rays.v[a]!, rb = rays.v[b]!;
                    next.setBit(next.push(primitive(ra.map((x, j) => va * rb[j]! - vb * x)), common, 0), bit);
                    if (next.size > maxRays) throw new RayLimitExceeded(next.size, k);
                }
            }
        }
        rays = next;
        if (progress) { progress.processed = k + 1; progress.rays = rays.size; }
        if (rays.size === 0) break;
    }
    budget.spend(unpaidPairs);
    return rays.v;
}
