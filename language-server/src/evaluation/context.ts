/**
 * The state of one top-level computation (a declaration, an eval or an assert): where issues go, the
 * budget, and access to the other declarations through the evaluator's cache.
 */
import { AstUtils, type AstNode, type CompositeCstNode } from 'langium';
import { isCall, isTuple } from '../generated/ast.js';
import type { CredalLinkingError } from '../linking/credal-linker.js';
import type { Range } from 'vscode-languageserver';
import type { SetInference } from '../linking/set-inference.js';
import type { SetShape } from '../linking/set-shape.js';
import type { Budget, EngineError } from '../math/budget.js';
import type { ValueFacts } from './facts/index.js';
import { finiteSetOf, MAX_SET_SIZE } from './finite-sets.js';
import { DEFAULT_SETTINGS, type EvaluationSettings } from './settings.js';
import { type IssueCost, type IssueLocation, type IssueSeverity, type IssueSink, type RelatedIssueInfo } from './issues.js';
import { errorValue, type ErrorValue, type FiniteSet, type Value } from './values.js';
import { IssueCodes, type DiagnosticCode } from '../diagnostics/codes.js';

/** What a computation needs from the evaluator service. */
export interface EvaluationHost {
    readonly inference: SetInference;
    /** The cached value of a declaration (or named eval), computed on first use; cycle-safe. */
    declarationValue(declaration: AstNode, budgetParent: EvalContext): Value;
    /** How deep the current evaluation is nested, across all computations on the stack. */
    readonly nesting: Nesting;
    /** Derived facts of values (rule choices with witnesses, …), shared with hover and the preview. */
    readonly facts?: ValueFacts;
    /** Budgets and the conventions a note may leave open (defaults when absent). */
    readonly settings?: EvaluationSettings;
}

/** Nesting counters: the evaluator recurses on the AST and through definitions, so both are bounded. */
export interface Nesting {
    expressions: number;
    definitions: number;
}

/** Expression levels one evaluation may nest (a sum of thousands of terms nests that deep). */
export const MAX_EXPRESSION_DEPTH = 1000;
/** Definitions one evaluation may pass through before it stops (each costs many stack frames). */
export const MAX_DEFINITION_DEPTH = 200;

interface FailOptions {
    related?: readonly RelatedIssueInfo[];
    data?: Record<string, unknown>;
    severity?: IssueSeverity;
    /** Overrides the computation's cost: an issue found only by work beyond the typing bound is 'expensive'. */
    cost?: IssueCost;
}

export class EvalContext {
    /** Set when something this computation used could not be cached (cancelled work): do not cache it either. */
    uncacheable = false;
    /** Set once this computation has reported an expression nested too deep. */
    private tooDeep = false;
    /** Set when this computation went beyond the typing bound (see `deferCostly`). */
    costly = false;

    constructor(
        readonly host: EvaluationHost,
        readonly sink: IssueSink,
        readonly budget: Budget,
        readonly isCancelled: () => boolean,
        /**
         * Typing: work that would run an LP beyond a small bound is deferred (a silent DEFERRED value,
         * not cached) instead of done; the expensive pass on save does it and reports what it finds.
         */
        readonly deferCostly = false
    ) {}

    get inference(): SetInference {
        return this.host.inference;
    }

    get settings(): EvaluationSettings {
        return this.host.settings ?? DEFAULT_SETTINGS;
    }

    /**
     * From here on this computation does what typing defers: everything it reports from now on is an
     * expensive issue (typing never reaches it; the save's expensive pass reports it).
     */
    beyondTypingBound(): void {
        this.costly = true;
        this.sink.escalate();
    }

    /** Report an error at `where` and return it as a value (already reported: users stay silent). */
    fail(code: DiagnosticCode, message: string, where: IssueLocation, options: FailOptions = {}): ErrorValue {
        // A node missing after error recovery has no place to report at; the syntax error is the report.
        if (!where.node) return errorValue(code, message, { reported: true });
        this.sink.add({ severity: options.severity ?? 'error', code, message, ...precise(where), related: options.related,
            data: options.data, cost: options.cost });
        return errorValue(code, message, { reported: true, ...(options.cost === 'expensive' ? { costly: true } : {}) });
    }

    /** Report a warning, info or hint; evaluation goes on. */
    note(severity: IssueSeverity, code: DiagnosticCode, message: string, where: IssueLocation, data?: Record<string, unknown>,
        related?: readonly RelatedIssueInfo[], cost?: IssueCost): void {
        if (!where.node) return;
        this.sink.add({ severity, code, message, ...precise(where), data, related, cost });
    }

    /** An engine failure at a query or constructor, reported where it happened. */
    engineFailure(error: EngineError, where: IssueLocation, prefix?: string, cost?: IssueCost): ErrorValue {
        if (error.code === IssueCodes.Budget) {
            const reason = (error.data as { reason?: string } | undefined)?.reason;
            if (reason === 'cancelled') {
                this.uncacheable = true;
                return errorValue(IssueCodes.Budget, 'cancelled', { reported: true });
            }
            return this.fail(IssueCodes.Budget,
                `${prefix ? `${prefix}: ` : ''}stopped: the computation exceeded its budget (${error.message})`, where, { data: { reason },
                    cost });
        }
        const message = prefix ? `${prefix}: ${error.message}` : error.message;
        return this.fail(error.code, message, where, { data: jsonSafe(error.data), cost });
    }

    /** Enumerate a set shape, or report why not. */
    finiteSet(shape: SetShape, where: IssueLocation): FiniteSet | ErrorValue {
        const r = finiteSetOf(shape);
        if (r.ok) return r.set;
        if (r.size === 0n) return errorValue(IssueCodes.SetEmpty, `${shape.label} has no elements`, { reported: true });
        return this.fail(IssueCodes.Budget, `${shape.label} has ${r.size} elements; at most ${MAX_SET_SIZE} can be evaluated`, where);
    }

    /**
     * "cannot tell which set … is on" (E-TYPE), unless linking already reported the cause: a reference
     * inside the node, or in the call it is an argument of, that did not resolve (`{heads}` with no set
     * to look `heads` up in). Then the error is silent, so the cause is reported once, where it is.
     */
    unknownSet(message: string, node: AstNode): ErrorValue {
        const scope = isCall(node.$container) ? node.$container : node;
        if (linkerReportedWithin(scope)) return errorValue(IssueCodes.Type, message, { reported: true });
        return this.fail(IssueCodes.Type, message, { node });
    }

    /** Evaluate one expression level deeper, or stop with E-BUDGET when the nesting is too deep. */
    deeper<T>(node: AstNode, compute: () => T): T | ErrorValue {
        const nesting = this.host.nesting;
        if (nesting.expressions >= MAX_EXPRESSION_DEPTH) {
            // One report per computation: the levels above it hit the same limit for the same reason.
            if (this.tooDeep) return errorValue(IssueCodes.Budget, 'nested too deep', { reported: true });
            this.tooDeep = true;
            return this.fail(IssueCodes.Budget,
                `expression nested deeper than ${MAX_EXPRESSION_DEPTH} levels; split it into named parts with \`let\``, { node });
        }
        nesting.expressions++;
        try {
            return compute();
        } finally {
            nesting.expressions--;
        }
    }

    /** The set a literal at `node` lives on (from the enclosing declaration or a sibling argument). */
    contextSet(node: AstNode | undefined): FiniteSet | undefined {
        return node ? finiteSetOrNothing(this.inference.contextSetOf(node)) : undefined;
    }

    /** The set `node` itself lives on (bottom-up inference), when it can be told. */
    setOf(node: AstNode | undefined): FiniteSet | undefined {
        return node ? finiteSetOrNothing(this.inference.setOf(node)) : undefined;
    }
}

/** Linking answers which set (set-inference.ts); the evaluator only lists its elements. */
function finiteSetOrNothing(shape: SetShape | undefined): FiniteSet | undefined {
    const set = shape && finiteSetOf(shape);
    return set?.ok ? set.set : undefined;
}

/** Whether linking reported an unresolved reference anywhere inside `node` (integers that are numbers aside). */
export function linkerReportedWithin(node: AstNode): boolean {
    try {
        for (const inner of AstUtils.streamAst(node)) {
            for (const info of AstUtils.streamReferences(inner)) {
                const error = info.reference.error as CredalLinkingError | undefined;
                if (error && !error.silent) return true;
            }
        }
    } catch {
        // A reference that cannot be read is not evidence of a report.
    }
    return false;
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
function jsonSafe(data: unknown, depth = 0): Record<string, unknown> | undefined {
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

