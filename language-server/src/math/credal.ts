/**
 * Credal sets on a finite set Ω = {0, …, n−1}: constructors (credal-build.ts) and the queries of
 * SEMANTICS §A.5. Plain values: distributions and gambles are `Rational[]` in element order, events
 * `boolean[]`. Every query takes an optional Budget and returns an Outcome; none throws.
 * Errors: E-TYPE (wrong length), E-EMPTY (data { certificate?: SureLossCertificate }), E-BUDGET.
 */
import { Budget, type Outcome } from './budget.js';
import { tightenIntervals } from './closed-forms.js';
import * as compute from './credal-compute.js';
import type { SureLossCertificate } from './credal-lp.js';
import type { CredalSet } from './credal-set.js';
import { failWith, guard, type CredalConstraint, type EngineNote, type Relation } from './credal-types.js';
import { affineDimension, hDimension, redundantConstraints, redundantGenerators } from './polytope.js';
import { Rational } from './rational.js';
import { indicator, pointMass, type Event, type Vec } from './vectors.js';
import { IssueCodes } from '../diagnostics/codes.js';

export * from './credal-build.js';
export type { Focal } from './belief.js';
export { CredalSet, type CredalStructure, type CredalKind, type ZeroConditioning } from './credal-set.js';
export type { CredalConstraint, EngineNote, Severity, Relation } from './credal-types.js';
export type { SureLossCertificate, SureLossTerm } from './credal-lp.js';
export { tv, distributionProblems, checkDistribution, isDistribution } from './distribution.js';

const unlimited = (): Budget => Budget.unlimited();

function checkLength(K: CredalSet, v: Vec, what: string): void {
    if (v.length !== K.n) failWith(IssueCodes.Type, `${what} has ${v.length} entries, the credal set lives on ${K.n} elements`);
}

export function lowerE(K: CredalSet, f: Vec, budget = unlimited()): Outcome<Rational> {
    return guard(() => { checkLength(K, f, 'gamble'); return compute.lowerE(K, f, budget); });
}

export function upperE(K: CredalSet, f: Vec, budget = unlimited()): Outcome<Rational> {
    return guard(() => { checkLength(K, f, 'gamble'); return compute.upperE(K, f, budget); });
}

export function lowerP(K: CredalSet, event: Event, budget = unlimited()): Outcome<Rational> {
    return lowerE(K, indicator(event), budget);
}

export function upperP(K: CredalSet, event: Event, budget = unlimited()): Outcome<Rational> {
    return upperE(K, indicator(event), budget);
}

export interface Interval { lower: Rational; upper: Rational }

export function interval(K: CredalSet, f: Vec, budget = unlimited()): Outcome<Interval> {
    return guard(() => {
        checkLength(K, f, 'gamble');
        return { lower: compute.lowerE(K, f, budget), upper: compute.upperE(K, f, budget) };
    });
}

export function probabilityInterval(K: CredalSet, event: Event, budget = unlimited()): Outcome<Interval> {
    return interval(K, indicator(event), budget);
}

/** Extreme points, sorted lexicographically, without duplicates. */
export function vertices(K: CredalSet, budget = unlimited()): Outcome<Rational[][]> {
    return guard(() => compute.vertices(K, budget));
}

export type EmptinessResult =
    | { empty: false; point: Rational[] }
    | { empty: true; certificate?: SureLossCertificate };

/** Emptiness (sure loss): a point of K, or a certificate whose combination loses everywhere. */
export function isEmpty(K: CredalSet, budget = unlimited()): Outcome<EmptinessResult> {
    return guard(() => compute.emptiness(K, budget));
}

export function contains(K: CredalSet, p: Vec, budget = unlimited()): Outcome<boolean> {
    return guard(() => compute.contains(K, p, budget));
}

/** Singleton? (2n probability bounds; closed forms where the construction has them.) */
export function isPrecise(K: CredalSet, budget = unlimited()): Outcome<boolean> {
    return guard(() => {
        if (K.structure.kind === 'precise') return true;
        for (let x = 0; x < K.n; x++) {
            const f = pointMass(K.n, x);
            if (!compute.lowerE(K, f, budget).eq(compute.upperE(K, f, budget))) return false;
        }
        return true;
    });
}

/** K = ΔΩ? (every point mass is in K.) */
export function isVacuous(K: CredalSet, budget = unlimited()): Outcome<boolean> {
    return guard(() => Array.from({ length: K.n }, (_, x) => x).every((x) => compute.contains(K, pointMass(K.n, x), budget)));
}

/** Affine dimension (−1 when empty). */
export function dim(K: CredalSet, budget = unlimited()): Outcome<number> {
    return guard(() => {
        if (compute.emptiness(K, budget).empty) return -1;
        const h = K.cache.vertices ? null : compute.hrep(K, budget);
        if (!h) return affineDimension(compute.vertices(K, budget));
        const r = hDimension({ n: K.n, constraints: h }, { budget });
        return r.ok ? r.value : failWith(r.error.code, r.error.message, r.error.data);
    });
}

/** K1 ⊆ K2: every vertex of K1 lies in K2. */
export function subset(K1: CredalSet, K2: CredalSet, budget = unlimited()): Outcome<boolean> {
    return guard(() => {
        if (K1.n !== K2.n) failWith(IssueCodes.Type, 'credal sets on different sets');
        if (compute.emptiness(K1, budget).empty) return true;
        return compute.vertices(K1, budget).every((v) => compute.contains(K2, v, budget));
    });
}

/** Natural extension of a gamble under the set's assessments (= lower expectation). */
export const naturalExtension = lowerE;

// ---------------------------------------------------------------- coherence

/** One assessed bound and its natural extension; `tight` iff they are equal (C-8). */
export interface CoherenceEntry {
    id: string;
    rel: Relation;
    assessed: Rational;
    naturalExtension: Rational;
    tight: boolean;
}

/**
 * For each assessment of a constraint-built set (constraints and probability intervals, also inside
 * intersections; other parts of an intersection constrain K but are not assessments): the natural extension of its linear form over K. `>=`
 * rows compare with the lower
 * expectation, `<=` rows with the upper; `=` rows are always tight on a nonempty set.
 * E-EMPTY when K is empty (incoherence is then sure loss). Other constructions have no assessments: [].
 */
export function coherence(K: CredalSet, budget = unlimited()): Outcome<CoherenceEntry[]> {
    return guard(() => {
        const s = K.structure;
        if (s.kind === 'intervals') {
            compute.lowerE(K, pointMass(K.n, 0), budget); // E-EMPTY with certificate if empty
            const t = tightenIntervals(s.lower, s.upper);
            return s.ids.flatMap((id, x) => [
                { id, rel: '>=' as const, assessed: s.lower[x]!, naturalExtension: t.lower[x]!, tight: t.lower[x]!.eq(s.lower[x]!) },
                { id, rel: '<=' as const, assessed: s.upper[x]!, naturalExtension: t.upper[x]!, tight: t.upper[x]!.eq(s.upper[x]!) },
            ]);
        }
        const rows = compute.assessments(K, budget);
        if (rows.length > 0) compute.lowerE(K, rows[0]!.coeffs, budget); // E-EMPTY with certificate if empty
        return rows.map((c: CredalConstraint): CoherenceEntry => {
            const value = c.rel === '<=' ? compute.upperE(K, c.coeffs, budget) : compute.lowerE(K, c.coeffs, budget);
            return { id: c.id, rel: c.rel, assessed: c.rhs, naturalExtension: value, tight: value.eq(c.rhs) };
        });
    });
}

/** Every assessment equals its natural extension (true for sets without assessments). */
export function isCoherent(K: CredalSet, budget = unlimited()): Outcome<boolean> {
    const r = coherence(K, budget);
    return r.ok ? { ok: true, value: r.value.every((e) => e.tight) } : r;
}

// ---------------------------------------------------------------- expensive diagnostics

/**
 * The checks that need LPs (run on save): E-EMPTY (as an error note, data { certificate? }),
 * W-NOT-COHERENT per non-tight assessment (data CoherenceEntry), I-REDUNDANT for non-extreme hull
 * generators (data { generators: number[] }, 0-based after duplicate removal) and for redundant
 * constraints (data { constraints: string[] } ids), I-PRECISE when a non-trivial construction is a single point.
 */
export function diagnose(K: CredalSet, budget = unlimited()): Outcome<EngineNote[]> {
    return guard(() => {
        const notes: EngineNote[] = [];
        const e = compute.emptiness(K, budget);
        if (e.empty) {
            return [{ code: IssueCodes.Empty, severity: 'error' as const,
                message: 'the credal set is empty (the assessments incur sure loss)', data: { certificate: e.certificate } }];
        }
        const s = K.structure;
        const coherent = coherence(K, budget);
        if (!coherent.ok) failWith(coherent.error.code, coherent.error.message, coherent.error.data);
        for (const entry of coherent.value.filter((c) => !c.tight)) {
            const side = entry.rel === '<=' ? 'upper' : 'lower';
            notes.push({
                code: IssueCodes.NotCoherent, severity: 'warning', data: entry,
                message: `${side} bound ${entry.assessed} is never attained: the other assessments force ${entry.naturalExtension}`,
            });
        }
        if (s.kind === 'hull' && s.generators.length > 1) {
            const r = redundantGenerators(s.generators, { budget });
            if (!r.ok) failWith(r.error.code, r.error.message, r.error.data);
            if (r.value.length > 0) {
                notes.push({ code: IssueCodes.Redundant, severity: 'info', data: { generators: r.value },
                    message: `generators ${r.value.map((i) => i + 1).join(', ')} are not extreme points` });
            }
        }
        if (s.kind === 'constraints' && s.constraints.length > 0) {
            const r = redundantConstraints({ n: K.n, constraints: s.constraints }, { budget });
            if (!r.ok) failWith(r.error.code, r.error.message, r.error.data);
            if (r.value.length > 0) {
                const ids = r.value.map((i) => s.constraints[i]!.id);
                notes.push({ code: IssueCodes.Redundant, severity: 'info', data: { constraints: ids },
                    message: `constraints ${ids.join(', ')} are implied by the others` });
            }
        }
        const trivial = s.kind === 'precise' || K.notes.some((note) => note.code === IssueCodes.Precise);
        if (!trivial) {
            const precise = isPrecise(K, budget);
            if (precise.ok && precise.value) notes.push({ code: IssueCodes.Precise, severity: 'info',
                message: 'the credal set is a single distribution' });
        }
        return notes;
    });
}
