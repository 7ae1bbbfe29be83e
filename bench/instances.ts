/**
 * Seeded benchmark instances, shared by our engine and the native tools (GLPK, lrs).
 *
 * A credal set is Δ ∩ { lo_j ≤ P(A_j) ≤ hi_j }: the bounds are a random precise p0's P0(A_j) ± δ,
 * rounded outward to a multiple of 1/D with D drawn from denominators that produce thirds and sevenths,
 * so every instance is feasible and its exact answers have nontrivial denominators.
 */
import { Rational } from '../language-server/src/math/rational.js';
import type { LinearConstraint } from '../language-server/src/math/lp.js';

export interface IntervalInstance {
    name: string;
    n: number;
    /** Member lists of the bounded events. */
    events: number[][];
    lo: Rational[];
    hi: Rational[];
    /** The gamble whose lower expectation is asked (integers in [−20, 20]). */
    f: Rational[];
}

/** Small fast PRNG (xorshift-multiply); deterministic per seed, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
    let state = (seed ^ 0x9e3779b9) >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let z = state;
        z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
        z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
        return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
    };
}

const DENOMINATORS = [3, 6, 7, 10, 12, 100, 1000];
const WIDTHS = [Rational.of(1, 50), Rational.of(1, 20), Rational.of(1, 10)];

function floorTo(x: Rational, d: number): Rational {
    const D = BigInt(d);
    let k = (x.num * D) / x.den;
    if (x.num < 0n && k * x.den !== x.num * D) k -= 1n;
    return Rational.fromBigInts(k, D);
}

function ceilTo(x: Rational, d: number): Rational {
    return floorTo(x.neg(), d).neg();
}

/**
 * `singletons` intervals on the elementary events (probability intervals) plus `randomEvents` intervals
 * on random events (each ω a member with probability ½, never ∅ or Ω).
 */
export function intervalInstance(n: number, singletons: boolean, randomEvents: number, seed: number): IntervalInstance {
    const rnd = seededRandom(seed * 1_000_003 + n * 7919 + randomEvents * 31 + (singletons ? 1 : 0));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const weights = Array.from({ length: n }, () => 1 + Math.floor(rnd() * 100));
    const total = weights.reduce((a, b) => a + b, 0);
    const events: number[][] = [];
    if (singletons) for (let i = 0; i < n; i++) events.push([i]);
    for (let j = 0; j < randomEvents; j++) {
        let ev: number[];
        do {
            ev = [];
            for (let i = 0; i < n; i++) if (rnd() < 0.5) ev.push(i);
        } while (ev.length === 0 || ev.length === n);
        events.push(ev);
    }
    const lo: Rational[] = [], hi: Rational[] = [];
    for (const ev of events) {
        const p0 = Rational.of(ev.reduce((s, i) => s + weights[i]!, 0), total);
        const delta = pick(WIDTHS), d = pick(DENOMINATORS);
        lo.push(Rational.max(floorTo(p0.sub(delta), d), Rational.ZERO));
        hi.push(Rational.min(ceilTo(p0.add(delta), d), Rational.ONE));
    }
    const f = Array.from({ length: n }, () => Rational.of(Math.floor(rnd() * 41) - 20));
    const kind = singletons ? (randomEvents > 0 ? 'mixed' : 'singletons') : 'events';
    return { name: `${kind}-n${n}-m${events.length}-s${seed}`, n, events, lo, hi, f };
}

/** The LP family: |Ω| = n with n random-event intervals. */
export function lpInstance(n: number, seed: number): IntervalInstance {
    return intervalInstance(n, false, n, seed);
}

/** The vertex family: probability intervals on every singleton plus ⌈n/2⌉ random-event intervals. */
export function vertexInstance(n: number, seed: number): IntervalInstance {
    return intervalInstance(n, true, Math.ceil(n / 2), seed);
}

/** lo ≤ P(A) ≤ hi as engine constraints (one `>=` and one `<=` row per event). */
export function toConstraints(inst: IntervalInstance): LinearConstraint[] {
    const out: LinearConstraint[] = [];
    inst.events.forEach((ev, j) => {
        const coeffs = Array.from({ length: inst.n }, () => Rational.ZERO);
        for (const i of ev) coeffs[i] = Rational.ONE;
        out.push({ coeffs, rel: '>=', rhs: inst.lo[j]! });
        out.push({ coeffs, rel: '<=', rhs: inst.hi[j]! });
    });
    return out;
}
