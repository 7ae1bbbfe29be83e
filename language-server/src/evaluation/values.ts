/**
 * The typed values the evaluator produces (one per expression, declaration, eval and assert).
 *
 * Engine data stays in engine form: distributions and gambles are `Rational[]` in element order, events
 * `boolean[]`, products row-major (math/). A value that lives on a finite set carries that set, so kind
 * and set can be checked together ("expected a credal set on Coin, got a gamble on Die").
 * An evaluation failure is a value too (`ErrorValue`): nothing here throws. Values are plain data: where
 * something was written is a site (linking/source-site.ts), never a syntax node, so a value kept across
 * edits or sent to the evaluation worker holds no tree.
 */
import type { ConventionSource } from './conventions.js';
import type { CredalSet, ZeroConditioning } from '../math/credal.js';
import type { DdtProblem } from '../math/ddt.js';
import type { DecisionProblem, Rule } from '../math/decision.js';
import type { AMeasure, InfraSet } from '../math/infra/infra.js';
import type { Rational } from '../math/rational.js';
import type { DecisionTree } from '../math/tree/tree.js';
import { sameSites, type SourceSite } from '../linking/source-site.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

/** A finite set with its elements enumerated in the language's order (products lexicographic, row-major). */
export interface FiniteSet {
    /**
     * Where each factor's literal is written (`{a, b}`, `{1 .. 6}`): products are structural, so the
     * same literals in the same order are the same set, whatever it is called (linking/set-shape.ts).
     */
    readonly factorSites: readonly SourceSite[];
    /** How to name the set in messages: `Coin`, `Coin × Urn`. */
    readonly label: string;
    /** Element names per factor, in declaration order. */
    readonly factors: readonly (readonly string[])[];
    /** Number of elements (product of the factor sizes). */
    readonly size: number;
}

/** How a credal set was written, for hover, preview and messages. */
export type CredalOrigin =
    | 'distribution' | 'vacuous' | 'hull' | 'implicit-hull' | 'constraints' | 'intervals' | 'contamination'
    | 'tvball' | 'intersection' | 'hull-of-union' | 'conditioned' | 'marginal' | 'strong-product' | 'semidirect'
    | 'mixture' | 'belief' | 'dempster' | 'finite';

export type Value =
    | NumberValue | IntervalValue | PointsValue | NamesValue | BooleanValue
    | SetValue | EventValue | DistributionValue | GambleValue | CredalValue
    | DecisionValue | DdtValue | TreeValue | RuleValue | VectorValue | InfraValue | AMeasuresValue | KernelValue | ErrorValue;

export type ValueKind = Value['kind'];

interface NumberValue { readonly kind: 'number'; readonly value: Rational }
interface IntervalValue { readonly kind: 'interval'; readonly lower: Rational; readonly upper: Rational }
/** A set of points (e.g. `vertices(K)`); `set` when the points are distributions on a known set. */
interface PointsValue { readonly kind: 'points'; readonly points: readonly (readonly Rational[])[]; readonly set?: FiniteSet }
/** A set of act or policy names (`choose(D, rule)`). */
interface NamesValue { readonly kind: 'names'; readonly names: readonly string[] }
interface BooleanValue { readonly kind: 'boolean'; readonly value: boolean }
export interface SetValue { readonly kind: 'set'; readonly set: FiniteSet }
export interface EventValue { readonly kind: 'event'; readonly set: FiniteSet; readonly members: readonly boolean[] }
export interface DistributionValue { readonly kind: 'distribution'; readonly set: FiniteSet; readonly p: readonly Rational[] }
export interface GambleValue { readonly kind: 'gamble'; readonly set: FiniteSet; readonly f: readonly Rational[] }
export interface CredalValue {
    readonly kind: 'credal';
    readonly set: FiniteSet;
    readonly credal: CredalSet;
    readonly origin: CredalOrigin;
    /** Where the engine's constraint ids and hull generators come from, for ranges of expensive issues. */
    readonly sources?: CredalSources;
    /** `dempster(…)`: the mass on ∅ that was normalised away. */
    readonly conflict?: Rational;
    /** Conditioning where the zero-probability rule mattered (§8.5): the rule used and where it came from. */
    readonly convention?: { readonly value: 'regular' | 'natural'; readonly from: 'note' | 'conventions' | 'setting' | 'argument' };
}

/** One written assessment: where its comparison is, its linear form as written (`P({0})`), and where its bound is. */
export interface ConstraintSource {
    readonly at: SourceSite;
    /** The whole item of the constraint block it belongs to (a chain `a ≤ P(A) ≤ b` is one item of two links). */
    readonly item: SourceSite;
    readonly form: string;
    readonly bound?: SourceSite;
    /** Bounds on a probability must lie in [0, 1]. */
    readonly probability: boolean;
    /** The engine relations the user wrote for this id (`>=`, `<=`, `=`); others are implicit. */
    readonly written: readonly string[];
    /**
     * How the engine row a·p relates to the written form: form = sign · (a·p) + offset. Used to state
     * natural extensions and certificates in the user's own terms.
     */
    readonly sign: 1 | -1;
    readonly offset: Rational;
    /** A conditional assessment (§8.1): the linear forms it stands for, shown on hover. */
    readonly conditional?: readonly string[];
}

export interface CredalSources {
    readonly constraints?: ReadonlyMap<string, ConstraintSource>;
    /** Where each hull generator is written, in the engine's order (after duplicates are dropped). */
    readonly generators?: readonly SourceSite[];
}
/** How an infradistribution was written (LANGUAGE §7), for hover, preview and messages. */
export type InfraOrigin = 'hull' | 'crisp' | 'mix' | 'update' | 'normalize' | 'semidirect' | 'marginal';

/** An infradistribution: its minimal generators (the engine keeps only those). */
export interface InfraValue {
    readonly kind: 'infra';
    readonly set: FiniteSet;
    readonly infra: InfraSet;
    readonly origin: InfraOrigin;
    /** For `ibupdate(H, L, g)`: P^g_H(L), shown by hover and the preview. */
    readonly update?: { readonly probability: Rational };
}
/** A set of a-measures (`generators(H)`, or a literal on the right of an assert). */
export interface AMeasuresValue { readonly kind: 'ameasures'; readonly ameasures: readonly AMeasure[]; readonly set?: FiniteSet }
/** An infrakernel: one credal set on `to` per element of `from` (LANGUAGE §7.3). */
export interface KernelValue {
    readonly kind: 'kernel'; readonly name: string; readonly from: FiniteSet; readonly to: FiniteSet; readonly rows: readonly CredalSet[];
}
export interface DecisionValue {
    readonly kind: 'decision'; readonly set: FiniteSet; readonly problem: DecisionProblem; readonly name: string;
    /** A non-crisp infradistribution belief: only maximin applies (then `problem.belief` is unused). */
    readonly infra?: InfraSet;
}
export interface DdtValue {
    readonly kind: 'ddt'; readonly set: FiniteSet; readonly problem: DdtProblem; readonly name: string;
    /** Where the semantics and the empty-set policy in force come from: a clause, or the settings' default. */
    readonly from?: { readonly semantics: 'note' | 'conventions' | 'setting'; readonly inconsistent: 'note' | 'conventions' | 'setting' };
    /** A non-crisp infradistribution belief: Part B with E_H (then `problem.belief` is unused). */
    readonly infra?: InfraSet;
}
/** A decision tree (LANGUAGE §9); strategies are enumerated by the queries that need them. */
export interface TreeValue {
    readonly kind: 'tree'; readonly set: FiniteSet; readonly tree: DecisionTree; readonly name: string;
    /** The conditioning convention backward induction uses where a reaching event has lower probability 0. */
    readonly conditioning: ZeroConditioning;
    /** Where the convention comes from: the note's `conventions`, or the setting / CLI flag. */
    readonly conditioningFrom: ConventionSource;
}
/** A decision rule (`maximin`, `hurwicz(1/2)`), an argument of `choose` and `value`. */
interface RuleValue { readonly kind: 'rule'; readonly rule: Rule }
/** A tuple of numbers whose set is not known yet (`(1/4, 3/4)` before it meets a credal set). */
interface VectorValue { readonly kind: 'vector'; readonly entries: readonly Rational[] }

/**
 * An evaluation error. `reported` says whether the problem already has its own diagnostic (its own
 * issue, a linking error, or one in the declaration it depends on): then users of the value say
 * "depends on …" or stay silent instead of repeating it.
 */
export interface ErrorValue {
    readonly kind: 'error';
    readonly code: DiagnosticCode;
    readonly message: string;
    readonly reported: boolean;
    /** The declaration whose errors this value inherits, if any (for "depends on K, which has errors"). */
    readonly dependsOn?: string;
    /** Found only by work beyond the typing bound: reported (and depended on) in the expensive pass. */
    readonly costly?: boolean;
}

/** Words for kinds in messages: "expected a credal set on Coin, got a gamble on Die". */
export const KIND_WORDS: Readonly<Record<ValueKind, string>> = {
    number: 'a number', interval: 'an interval', points: 'a set of points', names: 'a set of names',
    boolean: 'a boolean', set: 'a finite set', event: 'an event', distribution: 'a distribution',
    gamble: 'a gamble', credal: 'a credal set', decision: 'a decision problem', ddt: 'a DDT problem', tree: 'a decision tree',
    rule: 'a decision rule', vector: 'a tuple of numbers', infra: 'an infradistribution', ameasures: 'a set of a-measures',
    kernel: 'an infrakernel', error: 'an error'
};

/** "a gamble on Die", "a number". */
export function describeValue(value: Value): string {
    const set = 'set' in value && value.set && value.kind !== 'set' ? ` on ${(value.set as FiniteSet).label}` : '';
    return `${KIND_WORDS[value.kind]}${set}`;
}

export function isError(value: unknown): value is ErrorValue {
    return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'error';
}

export function errorValue(code: DiagnosticCode, message: string, options: Partial<Omit<ErrorValue,
    'kind' | 'code' | 'message'>> = {}): ErrorValue {
    return { kind: 'error', code, message, reported: false, ...options };
}

/** The element name at index `index` of a set: `heads`, or `(heads, red)` for a product. */
export function elementLabel(set: FiniteSet, index: number): string {
    const parts: string[] = [];
    let rest = index;
    for (let f = set.factors.length - 1; f >= 0; f--) {
        const names = set.factors[f]!;
        parts.unshift(names[rest % names.length]!);
        rest = Math.floor(rest / names.length);
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(', ')})`;
}

/** Index of the element whose factor names are `names` (row-major), or -1. */
export function elementIndex(set: FiniteSet, names: readonly string[]): number {
    if (names.length !== set.factors.length) return -1;
    let index = 0;
    for (let f = 0; f < names.length; f++) {
        const position = set.factors[f]!.indexOf(names[f]!);
        if (position < 0) return -1;
        index = index * set.factors[f]!.length + position;
    }
    return index;
}

/** Structural equality of sets (same factor literals in the same order). */
export function sameFiniteSet(a: FiniteSet, b: FiniteSet): boolean {
    return sameSites(a.factorSites, b.factorSites);
}
