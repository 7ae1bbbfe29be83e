/**
 * A-measures and finitely generated infradistributions on a finite set Ω = {0, …, n−1}
 * (SEMANTICS §A.8, "Finite computation"). An infradistribution is stored as the list of its generators
 * (m_j, b_j); the set itself is their upper completion, so every query is a minimum over generators.
 * Plain values, exact, no budget needed here (everything is linear in the number of generators).
 */
import { Rational } from '../rational.js';
import { compareLex, dot, total, vecKey, type Vec } from '../vectors.js';

/** (m, b): a measure m ≥ 0 on Ω (not necessarily normalised) and a constant b ≥ 0. */
export interface AMeasure {
    readonly m: readonly Rational[];
    readonly b: Rational;
}

/** A finitely generated set of a-measures on n elements (its upper completion is the infradistribution). */
export interface InfraSet {
    readonly n: number;
    readonly generators: readonly AMeasure[];
}

/** m(f) + b. */
export function value(a: AMeasure, f: Vec): Rational {
    return dot(a.m, f).add(a.b);
}

/** E_H(f) = min over generators of m(f) + b. */
export function expectation(H: InfraSet, f: Vec): Rational {
    const gens = H.generators;
    let best = value(gens[0]!, f);
    for (let j = 1; j < gens.length; j++) {
        const v = value(gens[j]!, f);
        if (v.lt(best)) best = v;
    }
    return best;
}

/** The two minima that decide normalisation: c0 = min b = E_H(0), c1 = min (m(Ω) + b) = E_H(1). */
export function normalisationMinima(H: InfraSet): { minB: Rational; minTotal: Rational } {
    const minB = Rational.min(...H.generators.map((a) => a.b));
    const minTotal = Rational.min(...H.generators.map((a) => total(a.m).add(a.b)));
    return { minB, minTotal };
}

export function isNormalised(H: InfraSet): boolean {
    const { minB, minTotal } = normalisationMinima(H);
    return minB.isZero() && minTotal.eq(Rational.ONE);
}

/** Every generator a probability distribution with b = 0 (decide on minimal generators). */
export function isCrispGenerators(H: InfraSet): boolean {
    return H.generators.every((a) => a.b.isZero() && total(a.m).eq(Rational.ONE));
}

/** A scaled, shifted a-measure: ((m, b) − (0, shift)) / divisor. */
export function affine(a: AMeasure, shift: Rational, divisor: Rational): AMeasure {
    return { m: a.m.map((x) => x.div(divisor)), b: a.b.sub(shift).div(divisor) };
}

/** Lexicographic by m, then by b (the printing and JSON order of LANGUAGE §7.2). */
export function compareAMeasures(x: AMeasure, y: AMeasure): number {
    return compareLex(x.m, y.m) || x.b.cmp(y.b);
}

function sameAMeasure(x: AMeasure, y: AMeasure): boolean {
    return compareAMeasures(x, y) === 0;
}

function aMeasureKey(a: AMeasure): string {
    return `${vecKey(a.m)};${a.b}`;
}

/** Distinct a-measures, sorted. */
export function uniqueSortedAMeasures(list: Iterable<AMeasure>): AMeasure[] {
    const seen = new Map<string, AMeasure>();
    for (const a of list) if (!seen.has(aMeasureKey(a))) seen.set(aMeasureKey(a), a);
    return [...seen.values()].sort(compareAMeasures);
}

/** Two sets of a-measures are equal as sets (order-free). */
export function sameAMeasureSets(xs: readonly AMeasure[], ys: readonly AMeasure[]): boolean {
    const a = uniqueSortedAMeasures(xs), b = uniqueSortedAMeasures(ys);
    return a.length === b.length && a.every((x, i) => sameAMeasure(x, b[i]!));
}

/** The first negative entry of m, or a negative b: what makes (m, b) not an a-measure. */
export function negativePart(a: AMeasure): { index: number; value: Rational } | { index: 'b'; value: Rational } | undefined {
    const index = a.m.findIndex((x) => x.sign() < 0);
    if (index >= 0) return { index, value: a.m[index]! };
    return a.b.sign() < 0 ? { index: 'b', value: a.b } : undefined;
}
