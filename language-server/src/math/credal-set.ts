/**
 * The credal-set value: how it was built (its structure) plus lazily computed, cached representations.
 *
 * The structure decides the cheapest exact route for each query (credal-compute.ts): a closed form when
 * the construction has one (no LP), min over vertices when they are known, an LP otherwise.
 * Element order: product sets X × Y are indexed row-major, (x, y) ↦ x·|Y| + y.
 */
import type { CredalConstraint, EngineNote } from './credal-types.js';
import type { Emptiness, View } from './credal-lp.js';
import type { Focal } from './belief.js';
import type { Rational } from './rational.js';

export type ZeroConditioning = 'regular' | 'natural';

export type CredalStructure =
    | { kind: 'precise'; p: Rational[] }
    | { kind: 'vacuous'; support: boolean[] }
    | { kind: 'hull'; generators: Rational[][] }
    | { kind: 'constraints'; constraints: CredalConstraint[] }
    /** `ids[x]` names the assessment of element x (its bounds become constraints `ids[x]` ≥ / ≤). */
    | { kind: 'intervals'; lower: Rational[]; upper: Rational[]; ids: string[] }
    | { kind: 'contamination'; p0: Rational[]; eps: Rational }
    | { kind: 'tvball'; p0: Rational[]; delta: Rational }
    | { kind: 'intersection'; parts: CredalSet[] }
    | { kind: 'hullUnion'; parts: CredalSet[] }
    /** Generalized Bayes with regular extension: conv{ v(·|B) : v ∈ ext K, v(B) > 0 }. */
    | { kind: 'conditioned'; base: CredalSet; event: boolean[]; lowerP: Rational }
    | { kind: 'pushforward'; base: CredalSet; map: number[] }
    | { kind: 'product'; left: CredalSet; right: CredalSet }
    /** K ⋉ κ on X × Y (row-major): p(x)·k_x(y) with p ∈ K and k_x ∈ κ(x) (SEMANTICS §A.4.13). */
    | { kind: 'semidirect'; base: CredalSet; kernel: CredalSet[] }
    /** Σ wᵢ Kᵢ = {Σ wᵢ pᵢ : pᵢ ∈ Kᵢ} (weights ≥ 0 summing to 1). */
    | { kind: 'mixture'; parts: CredalSet[]; weights: Rational[] }
    /** A belief function by its Möbius masses: {p : p(A) ≥ Bel(A) ∀A}. */
    | { kind: 'belief'; focal: Focal[] };

export type CredalKind = CredalStructure['kind'];

/** Internal caches; filled by the queries. */
interface CredalCache {
    vertices?: Rational[][];
    hrep?: CredalConstraint[] | null;
    view?: View;
    emptiness?: Emptiness;
    generators?: Rational[][];
}

export class CredalSet {
    /** Filled lazily by the queries; not part of the value's identity. */
    readonly cache: CredalCache = {};

    /**
     * @param n number of elements of the underlying set
     * @param notes cheap facts found at construction (W-DUP-GEN, I-PRECISE, W-ZERO-COND, …)
     */
    constructor(readonly n: number, readonly structure: CredalStructure, readonly notes: EngineNote[] = []) {}

    get kind(): CredalKind {
        return this.structure.kind;
    }
}
