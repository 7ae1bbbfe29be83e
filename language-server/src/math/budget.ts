/**
 * Budgets and the engine's result type.
 *
 * Every computation that can grow exponentially or run long takes a `Budget` and calls `spend` in its
 * inner loop (per pivot, per double-description step). Over budget, `spend` throws the internal
 * `BudgetExceeded`; public engine functions catch it with `runBudgeted`, so they never throw and never
 * hang: they return an `Outcome` whose error has code `E-BUDGET` (`data.reason`: steps | time | cancelled).
 */
import { IssueCodes, type DiagnosticCode } from '../diagnostics/codes.js';

export interface EngineError {
    code: DiagnosticCode;
    message: string;
    data?: unknown;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: EngineError };

export function ok<T>(value: T): Outcome<T> {
    return { ok: true, value };
}

export function fail<T = never>(code: DiagnosticCode, message: string, data?: unknown): Outcome<T> {
    return data === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, data } };
}

type BudgetReason = 'steps' | 'time' | 'cancelled';

/** Thrown by `Budget.spend`; internal: public functions convert it with `runBudgeted`. */
export class BudgetExceeded extends Error {
    constructor(readonly reason: BudgetReason, message: string) {
        super(message);
        this.name = 'BudgetExceeded';
    }
}

interface BudgetOptions {
    /** Maximum number of steps (pivots, enumeration work units); default unlimited. */
    maxSteps?: number;
    /** Wall-clock limit in milliseconds from creation; default unlimited. */
    timeMs?: number;
    /** Cooperative cancellation, e.g. an LSP cancellation token or an Atomics flag. */
    isCancelled?: () => boolean;
}

export class Budget {
    private used = 0;
    private readonly maxSteps: number;
    private readonly deadline: number;
    private readonly isCancelled: (() => boolean) | undefined;

    constructor(options: BudgetOptions = {}) {
        this.maxSteps = options.maxSteps ?? Infinity;
        this.deadline = options.timeMs === undefined ? Infinity : performance.now() + options.timeMs;
        this.isCancelled = options.isCancelled;
    }

    static unlimited(): Budget {
        return new Budget();
    }

    /** Steps spent so far. */
    get stepsUsed(): number {
        return this.used;
    }

    /** Account for `n` steps of work; throws BudgetExceeded when a limit is hit or the caller cancelled. */
    spend(n = 1): void {
        this.used += n;
        if (this.used > this.maxSteps) {
            throw new BudgetExceeded('steps', `step budget of ${this.maxSteps} exhausted`);
        }
        if (this.deadline !== Infinity && performance.now() > this.deadline) {
            throw new BudgetExceeded('time', 'time budget exhausted');
        }
        if (this.isCancelled?.()) {
            throw new BudgetExceeded('cancelled', 'computation cancelled');
        }
    }
}

/** The typed error for an exhausted budget; `data` carries the reason and any partial information. */
export function budgetError(e: BudgetExceeded, extra?: Record<string, unknown>): EngineError {
    return { code: IssueCodes.Budget, message: e.message, data: { reason: e.reason, ...extra } };
}

/** Turn any exception into an outcome: BudgetExceeded → E-BUDGET, anything else → E-INTERNAL. */
export function errorOutcome<T>(e: unknown): Outcome<T> {
    if (e instanceof BudgetExceeded) return { ok: false, error: budgetError(e) };
    const message = e instanceof Error ? e.message : String(e);
    return fail(IssueCodes.Internal, `internal engine error: ${message}`);
}

/** Run `compute` and wrap its value as ok; exceptions become outcomes (see `errorOutcome`). */
export function runBudgeted<T>(compute: () => T): Outcome<T> {
    try {
        return ok(compute());
    } catch (e) {
        return errorOutcome(e);
    }
}

/** Like `runBudgeted` for a computation that already returns an Outcome. */
export function runOutcome<T>(compute: () => Outcome<T>): Outcome<T> {
    try {
        return compute();
    } catch (e) {
        return errorOutcome(e);
    }
}
