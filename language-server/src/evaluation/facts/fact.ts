/**
 * A derived fact of a value (vertices, bounds, a rule's choice): an engine outcome that also says
 * whether it failed for lack of budget. Facts are computed on first request, each engine query under
 * its own budget, and never throw. A fact that ran out of time or was cancelled is not kept (the
 * next request may have more time); everything else is kept for the life of the value, which the
 * evaluator caches per document version.
 */
import { Budget, type EngineError, type Outcome } from '../../math/budget.js';
import { IssueCodes } from '../../diagnostics/codes.js';

export type Fact<T> =
    | { readonly ok: true; readonly value: T }
    | { readonly ok: false; readonly error: EngineError; readonly overBudget: boolean };

/** How much one engine query of a fact may spend. */
export interface FactLimits {
    readonly maxSteps: number;
    readonly timeoutMs: number;
    readonly isCancelled?: () => boolean;
}

export function budgetOf(limits: FactLimits): Budget {
    return new Budget({ maxSteps: limits.maxSteps, timeMs: limits.timeoutMs, isCancelled: limits.isCancelled });
}

/** An engine outcome as a fact; an exception (there should be none) becomes an E-INTERNAL fact. */
export function factOf<T>(compute: () => Outcome<T>): Fact<T> {
    try {
        const outcome = compute();
        return outcome.ok ? outcome : { ok: false, error: outcome.error, overBudget: outcome.error.code === IssueCodes.Budget };
    } catch (error) {
        return { ok: false, error: { code: IssueCodes.Internal, message: error instanceof Error ? error.message : String(error) },
            overBudget: false };
    }
}

/** Whether a fact may be kept: not if it stopped on the clock or on cancellation. */
export function keepable(fact: Fact<unknown>): boolean {
    if (fact.ok || !fact.overBudget) return true;
    const reason = (fact.error.data as { reason?: string } | undefined)?.reason;
    return reason === 'steps';
}

/** Memoised facts of one value, by name. */
export class FactMemo {
    private readonly facts = new Map<string, Fact<unknown>>();

    get<T>(name: string, compute: () => Fact<T>): Fact<T> {
        const known = this.facts.get(name);
        if (known) return known as Fact<T>;
        const fact = compute();
        if (keepable(fact)) this.facts.set(name, fact);
        return fact;
    }
}

export function skipped<T>(message: string): Fact<T> {
    return { ok: false, error: { code: IssueCodes.Skipped, message }, overBudget: false };
}
