/**
 * Value shapes shared by the credal-set, decision and DDT modules: notes (diagnostic data without
 * source ranges), identified linear constraints, and the internal failure used to unwind to an Outcome.
 */
import { errorOutcome, type EngineError, type Outcome } from './budget.js';
import type { Relation } from './lp-standard.js';
import type { Rational } from './rational.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

export type { Relation };
export type Severity = 'error' | 'warning' | 'info';

/** A diagnostic without a range: the evaluator attaches the range of the construct it came from. */
export interface EngineNote {
    code: DiagnosticCode;
    severity: Severity;
    message: string;
    data?: unknown;
}

/**
 * One linear assessment a·p (rel) rhs on the unknown distribution p. `id` lets diagnostics point back
 * at the source text (the evaluator chooses it, e.g. the constraint's index or AST path).
 */
export interface CredalConstraint {
    id: string;
    coeffs: Rational[];
    rel: Relation;
    rhs: Rational;
}

/** Internal: thrown inside the engine to abort with a typed error; public functions return it as an Outcome. */
export class EngineFailure extends Error {
    constructor(readonly error: EngineError) {
        super(error.message);
        this.name = 'EngineFailure';
    }
}

export function failWith(code: DiagnosticCode, message: string, data?: unknown): never {
    throw new EngineFailure(data === undefined ? { code, message } : { code, message, data });
}

/** Run an engine computation: EngineFailure → its error, BudgetExceeded → E-BUDGET, other → E-INTERNAL. */
export function guard<T>(compute: () => T): Outcome<T> {
    try {
        return { ok: true, value: compute() };
    } catch (e) {
        if (e instanceof EngineFailure) return { ok: false, error: e.error };
        return errorOutcome(e);
    }
}

/** Unwrap an Outcome inside an engine computation (re-throws its error as an EngineFailure). */
export function unwrap<T>(outcome: Outcome<T>): T {
    if (outcome.ok) return outcome.value;
    throw new EngineFailure(outcome.error);
}
