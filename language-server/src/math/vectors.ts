/**
 * Plain-value helpers for distributions, gambles and events on a finite set Ω = {0, …, n−1}.
 *
 * A distribution or gamble is a `Rational[]` in element order; an event is a `boolean[]` of length n.
 */
import { Rational } from './rational.js';

export type Vec = readonly Rational[];
export type Event = readonly boolean[];

const zeros = (n: number): Rational[] => Array.from({ length: n }, () => Rational.ZERO);

export function dot(a: Vec, b: Vec): Rational {
    return Rational.dot(a, b);
}

export function sub(a: Vec, b: Vec): Rational[] {
    return a.map((x, i) => x.sub(b[i]!));
}

export function negate(a: Vec): Rational[] {
    return a.map((x) => x.neg());
}

export function total(a: Vec): Rational {
    return Rational.sum(a);
}

/** 1_A as a gamble. */
export function indicator(event: Event): Rational[] {
    return event.map((inA) => (inA ? Rational.ONE : Rational.ZERO));
}

export function eventMembers(event: Event): number[] {
    const out: number[] = [];
    event.forEach((inA, i) => { if (inA) out.push(i); });
    return out;
}

/** p(A). */
export function mass(p: Vec, event: Event): Rational {
    return Rational.sum(p.filter((_, i) => event[i]));
}

export function pointMass(n: number, i: number): Rational[] {
    const v = zeros(n);
    v[i] = Rational.ONE;
    return v;
}

export function minOf(values: Vec): Rational {
    return Rational.min(...values);
}

/** Lexicographic order on equal-length vectors. */
export function compareLex(a: Vec, b: Vec): number {
    for (let i = 0; i < a.length; i++) {
        const c = a[i]!.cmp(b[i]!);
        if (c !== 0) return c;
    }
    return 0;
}

/** A string key that identifies a vector exactly (for deduplication in maps and sets). */
export function vecKey(a: Vec): string {
    return a.map((x) => x.toString()).join(',');
}

/** Distinct vectors, sorted lexicographically. */
export function uniqueSorted(vectors: Iterable<Vec>): Rational[][] {
    const seen = new Map<string, Rational[]>();
    for (const v of vectors) {
        const key = vecKey(v);
        if (!seen.has(key)) seen.set(key, [...v]);
    }
    return [...seen.values()].sort(compareLex);
}

/** Indices of the minimal entries of `values` (all of them on a tie). */
export function argmins(values: Vec): number[] {
    const m = minOf(values);
    return values.flatMap((v, i) => (v.eq(m) ? [i] : []));
}
