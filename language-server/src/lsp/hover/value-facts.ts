import { Budget, type Outcome } from '../../math/budget.js';
import { coherence, dim, isPrecise, isVacuous, probabilityInterval, vertices, type CredalSet } from '../../math/credal.js';
import { analyse, type DecisionProblem, type DecisionSummary } from '../../math/decision.js';
import { solveDdt, type DdtProblem, type DdtResult } from '../../math/ddt.js';
import type { Rational } from '../../math/rational.js';

/**
 * What a hover shows about an evaluated credal set or problem, asked of the engine (math/) on the
 * value the evaluator produced: no arithmetic here, only queries, each under a budget so that a hover
 * never waits long. A query over budget is reported as such instead of a number.
 */
export interface CredalFacts {
    readonly vertices: Outcome<Rational[][]>;
    /** [P̲({x}), P̄({x})] per element, in element order. */
    readonly singletons: Outcome<{ lower: Rational; upper: Rational }[]>;
    readonly dimension: Outcome<number>;
    readonly precise: Outcome<boolean>;
    readonly vacuous: Outcome<boolean>;
    /** Whether every assessment equals its natural extension (constraint-built sets only). */
    readonly coherent: Outcome<boolean>;
}

export interface FactsBudget {
    readonly maxSteps: number;
    readonly timeoutMs: number;
    readonly isCancelled?: () => boolean;
}

/** Sets larger than this get no per-element table in a hover. */
export const MAX_SINGLETON_ROWS = 50;

function budgetOf(limits: FactsBudget): Budget {
    return new Budget({ maxSteps: limits.maxSteps, timeMs: limits.timeoutMs, ...(limits.isCancelled ? { isCancelled: limits.isCancelled } : {}) });
}

/**
 * `assessed(id, rel)` says which engine rows are bounds the user wrote (an interval's other side and
 * unbounded elements are implicit, and no claim of coherence is made about them).
 */
export function credalFacts(K: CredalSet, limits: FactsBudget, assessed: (id: string, rel: string) => boolean = () => true): CredalFacts {
    // One probability interval per element: only for sets small enough to show them all.
    const singletons = K.n > MAX_SINGLETON_ROWS ? { ok: false as const, error: { code: 'I-SKIPPED', message: `more than ${MAX_SINGLETON_ROWS} elements` } } : guardAll(() => Array.from({ length: K.n }, (_, x) => {
        const event = Array.from({ length: K.n }, (_, y) => y === x);
        const result = probabilityInterval(K, event, budgetOf(limits));
        if (!result.ok) {
            throw result.error;
        }
        return result.value;
    }));
    const assessments = coherence(K, budgetOf(limits));
    return {
        vertices: vertices(K, budgetOf(limits)),
        singletons,
        dimension: dim(K, budgetOf(limits)),
        precise: isPrecise(K, budgetOf(limits)),
        vacuous: isVacuous(K, budgetOf(limits)),
        coherent: assessments.ok ? { ok: true, value: assessments.value.every(entry => entry.tight || !assessed(entry.id, entry.rel)) } : assessments
    };
}

export function decisionFacts(problem: DecisionProblem, limits: FactsBudget): Outcome<DecisionSummary> {
    return analyse(problem, { budget: budgetOf(limits) });
}

export function ddtFacts(problem: DdtProblem, limits: FactsBudget): Outcome<DdtResult> {
    return solveDdt(problem, budgetOf(limits));
}

/** Runs a computation made of several engine queries; the first failure is the outcome. */
function guardAll<T>(compute: () => T): Outcome<T> {
    try {
        return { ok: true, value: compute() };
    } catch (error) {
        if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
            return { ok: false, error: error as { code: string; message: string } };
        }
        return { ok: false, error: { code: 'E-INTERNAL', message: String(error) } };
    }
}
