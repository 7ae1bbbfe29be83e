/**
 * The facts of a credal set that hover and preview show: its vertices, the probability interval of
 * each element, its dimension, and whether it is precise, vacuous and coherent. Coherence counts only
 * the bounds the author wrote (an interval's other side and unbounded elements are implicit: no claim
 * is made about them).
 */
import { coherence, dim, isPrecise, isVacuous, probabilityInterval, vertices, type Interval } from '../../math/credal.js';
import type { Rational } from '../../math/rational.js';
import type { CredalValue } from '../values.js';
import { budgetOf, factOf, FactMemo, skipped, type Fact, type FactLimits } from './fact.js';

/** Sets larger than this get no per-element probability table. */
const MAX_ELEMENT_ROWS = 50;

export interface CredalFacts {
    /** Extreme points, sorted lexicographically; over budget says so (LP-based queries still answer). */
    vertices(limits: FactLimits): Fact<Rational[][]>;
    /** [P̲({x}), P̄({x})] per element, in element order (skipped above MAX_ELEMENT_ROWS elements). */
    elementBounds(limits: FactLimits): Fact<Interval[]>;
    /** Affine dimension; −1 for the empty set. */
    dimension(limits: FactLimits): Fact<number>;
    precise(limits: FactLimits): Fact<boolean>;
    vacuous(limits: FactLimits): Fact<boolean>;
    /** Every bound the author wrote equals its natural extension (true when nothing was written). */
    coherent(limits: FactLimits): Fact<boolean>;
}

export function credalFacts(value: CredalValue): CredalFacts {
    const K = value.credal;
    const memo = new FactMemo();
    const sources = value.sources?.constraints;
    const written = (id: string, rel: string): boolean => !sources || (sources.get(id)?.written.includes(rel) ?? false);
    return {
        vertices: (limits) => memo.get('vertices', () => factOf(() => vertices(K, budgetOf(limits)))),
        elementBounds: (limits) => memo.get('elementBounds', () => {
            if (K.n > MAX_ELEMENT_ROWS) return skipped(`more than ${MAX_ELEMENT_ROWS} elements`);
            const bounds: Interval[] = [];
            for (let x = 0; x < K.n; x++) {
                const event = Array.from({ length: K.n }, (_, y) => y === x);
                const bound = factOf(() => probabilityInterval(K, event, budgetOf(limits)));
                if (!bound.ok) return bound;
                bounds.push(bound.value);
            }
            return { ok: true, value: bounds };
        }),
        dimension: (limits) => memo.get('dimension', () => factOf(() => dim(K, budgetOf(limits)))),
        precise: (limits) => memo.get('precise', () => factOf(() => isPrecise(K, budgetOf(limits)))),
        vacuous: (limits) => memo.get('vacuous', () => factOf(() => isVacuous(K, budgetOf(limits)))),
        coherent: (limits) => memo.get('coherent', () => factOf(() => {
            const entries = coherence(K, budgetOf(limits));
            return entries.ok ? { ok: true, value: entries.value.every((entry) => entry.tight || !written(entry.id, entry.rel)) } : entries;
        })),
    };
}
