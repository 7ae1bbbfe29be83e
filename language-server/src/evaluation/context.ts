/**
 * The state of one top-level computation (a declaration, an eval or an assert): where issues go, the
 * budget, and access to the other declarations through the evaluator's cache.
 */
import type { AstNode, CompositeCstNode } from 'langium';
import { isTuple } from '../generated/ast.js';
import type { Range } from 'vscode-languageserver';
import type { SetInference } from '../linking/set-inference.js';
import type { SetShape } from '../linking/set-shape.js';
import type { Budget, EngineError } from '../math/budget.js';
import { finiteSetOf, MAX_SET_SIZE } from './finite-sets.js';
import { EvalCodes, type IssueLocation, type IssueSeverity, type IssueSink, type RelatedIssueInfo } from './issues.js';
import { errorValue, isError, type ErrorValue, type FiniteSet, type Value } from './values.js';

/** What a computation needs from the evaluator service. */
export interface EvaluationHost {
    readonly inference: SetInference;
    /** The cached value of a declaration (or named eval), computed on first use; cycle-safe. */
    declarationValue(declaration: AstNode, budgetParent: EvalContext): Value;
}

export interface FailOptions {
    related?: readonly RelatedIssueInfo[];
    data?: Record<string, unknown>;
    severity?: IssueSeverity;
}

export class EvalContext {
    /** Set when something this computation used could not be cached (cancelled work): do not cache it either. */
    uncacheable = false;

    constructor(
        readonly host: EvaluationHost,
        readonly sink: IssueSink,
        readonly budget: Budget,
        readonly isCancelled: () => boolean
    ) {}

    get inference(): SetInference {
        return this.host.inference;
    }

    /** Report an error at `where` and return it as a value (already reported: users stay silent). */
    fail(code: string, message: string, where: IssueLocation, options: FailOptions = {}): ErrorValue {
        this.sink.add({ severity: options.severity ?? 'error', code, message, ...precise(where), related: options.related, data: options.data });
        return errorValue(code, message, { node: where.node, reported: true });
    }

    /** Report a warning, info or hint; evaluation goes on. */
    note(severity: IssueSeverity, code: string, message: string, where: IssueLocation, data?: Record<string, unknown>, related?: readonly RelatedIssueInfo[]): void {
        this.sink.add({ severity, code, message, ...precise(where), data, related });
    }

    /** An engine failure at a query or constructor, reported where it happened. */
    engineFailure(error: EngineError, where: IssueLocation, prefix?: string): ErrorValue {
        if (error.code === 'E-BUDGET') {
            const reason = (error.data as { reason?: string } | undefined)?.reason;
            if (reason === 'cancelled') {
                this.uncacheable = true;
                return errorValue('E-BUDGET', 'cancelled', { node: where.node, reported: true });
            }
            return this.fail(EvalCodes.Budget, `${prefix ? `${prefix}: ` : ''}stopped: the computation exceeded its budget (${error.message})`, where, { data: { reason } });
        }
        const message = prefix ? `${prefix}: ${error.message}` : error.message;
        return this.fail(error.code, message, where, { data: jsonSafe(error.data) });
    }

    /** Enumerate a set shape, or report why not. */
    finiteSet(shape: SetShape, where: IssueLocation): FiniteSet | ErrorValue {
        const r = finiteSetOf(shape);
        if (r.ok) return r.set;
        if (r.size === 0n) return errorValue('E-SET-EMPTY', `${shape.label} has no elements`, { node: where.node, reported: true });
        return this.fail(EvalCodes.Budget, `${shape.label} has ${r.size} elements; at most ${MAX_SET_SIZE} can be evaluated`, where);
    }

    /** The set a literal at `node` lives on (from the enclosing declaration or a sibling argument). */
    contextSet(node: AstNode): FiniteSet | undefined {
        const shape = this.inference.contextSetOf(node);
        if (!shape) return undefined;
        const set = finiteSetOf(shape);
        return set.ok ? set.set : undefined;
    }

    /** The set `node` itself lives on (bottom-up inference), when it can be told. */
    setOf(node: AstNode): FiniteSet | undefined {
        const shape = this.inference.setOf(node);
        if (!shape) return undefined;
        const set = finiteSetOf(shape);
        return set.ok ? set.set : undefined;
    }
}

/**
 * The first item of a tuple `(a, b)` has a CST that starts at the `(` (the grammar infers the tuple
 * around it); point at the item itself.
 */
function precise(where: IssueLocation): IssueLocation {
    const node = where.node;
    if (where.range || where.property || where.keyword || !isTuple(node.$container) || node.$container.items[0] !== node) return where;
    const cst = node.$cstNode;
    if (!cst || !cst.text.startsWith('(') || !('content' in cst)) return where;
    const inner = (cst as CompositeCstNode).content.find((child) => child.text !== '(' && child.text.trim() !== '');
    return inner ? { ...where, range: { start: inner.range.start, end: cst.range.end } } : where;
}

/** Engine data → JSON-safe data for diagnostics (Rationals become strings). */
export function jsonSafe(data: unknown, depth = 0): Record<string, unknown> | undefined {
    if (data === undefined || data === null || typeof data !== 'object') return undefined;
    const out = toJson(data, depth);
    return out && typeof out === 'object' && !Array.isArray(out) ? out as Record<string, unknown> : { value: out };
}

function toJson(value: unknown, depth: number): unknown {
    if (depth > 6) return undefined;
    if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
    if (Array.isArray(value)) return value.map((v) => toJson(v, depth + 1));
    if (typeof (value as { num?: unknown }).num === 'bigint') return String(value);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = toJson(v, depth + 1);
    return out;
}

/** The document range of a node (for quick-fix data). */
export function rangeOf(node: AstNode | undefined): Range | undefined {
    return node?.$cstNode?.range;
}

/** The source text of a node as written. */
export function sourceText(node: AstNode | undefined): string {
    return node?.$cstNode?.text ?? '';
}

export { isError };
