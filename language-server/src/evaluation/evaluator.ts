/**
 * THE evaluator service: the one place that maps the linked AST to engine values. Validation, hover,
 * inlay hints, preview and the CLI all read from it.
 *
 * - Lazy: asking for a declaration evaluates only what it depends on.
 * - Cached across document versions: a statement's results are kept under its stamp (value-carry.ts),
 *   which changes only when the statement or something it depends on changes.
 * - Cycle-safe: a declaration on a dependency cycle, or re-entered while under evaluation, has an
 *   E-CYCLE error value (the cycle itself is reported by the linking validator).
 * - Depth-safe: before a top-level request, the declarations it depends on are computed deepest first
 *   (dependency-order.ts), so long chains of definitions do not recurse; expression and definition
 *   nesting are bounded (E-BUDGET at the use) so nothing overflows the stack.
 * - Budgeted: each top-level computation (a declaration, an eval, an assert, an expensive check) gets
 *   its own Budget from the settings, honouring the caller's CancellationToken.
 * - Never throws: an internal exception becomes an E-INTERNAL error value and is logged.
 * - Facts: `facts` derives what readers show of a value (vertices, bounds, rule choices), cached
 *   with the value; hover, inlay hints, code lenses, preview and CLI ask it instead of the engine.
 */
import { AstUtils, DocumentCache, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { Emitter, type CancellationToken, type Event } from 'vscode-languageserver';
import { isAssert, isEval, isModel, type Assert, type Eval, type Model } from '../generated/ast.js';
import type { SetInference } from '../linking/set-inference.js';
import { Budget } from '../math/budget.js';
import { evaluateStatement, type ClaimOutcome } from './claims.js';
import { EvalContext, type EvaluationHost, type Nesting } from './context.js';
import { evaluateDeclaration, isEvaluatedDeclaration } from './declarations.js';
import { DependencyOrder, topLevelStatement } from './dependency-order.js';
import { expensiveIssues } from './expensive.js';
import { ValueFacts } from './facts/index.js';
import { evaluate } from './expressions.js';
import { IssueSink, type EvalIssue, type IssueCost, type PlacedIssue } from './issues.js';
import { siteOf } from '../linking/source-site.js';
import { relocateIssues, type Place } from './issue-relocation.js';
import { ResultCache, type CacheSlot, type Computed } from './result-cache.js';
import { DEFAULT_SETTINGS, sameSettings, type EvaluationSettings } from './settings.js';
import { errorValue, type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

export interface DeclarationResult {
    readonly value: Value;
    /** Cheap issues found while evaluating the declaration (attached to nodes inside it). */
    readonly issues: readonly EvalIssue[];
    /** Its evaluation (or a dependency's) went beyond the typing bound: typing defers it, and what uses it. */
    readonly costly?: boolean;
}

/** The result of one `eval` or `assert`: what hover, inlay hints, preview and the CLI show. */
export interface StatementResult {
    readonly kind: 'eval' | 'assert';
    /** eval: its value. assert: the left side's actual value (the boolean itself for `assert <boolean>`). */
    readonly value: Value;
    /** assert only: whether the claim holds (false when either side is an error). */
    readonly ok?: boolean;
    /** assert with a relation: both sides' actual values and the relation. */
    readonly left?: Value;
    readonly right?: Value;
    readonly relation?: string;
    readonly issues: readonly EvalIssue[];
}

interface IssueOptions {
    /** Also run the expensive checks (LP-based coherence, redundancy, emptiness; evals and asserts). */
    expensive: boolean;
}


/**
 * Where eval/assert results come from when the server computes them off the main thread
 * (worker/background-evaluation.ts). Unset (CLI, tests, the worker itself): computed here.
 */
export interface EvaluationOffload {
    /**
     * The result of this eval/assert in this document version: `undefined` while it is being computed
     * elsewhere, `'local'` when it must be computed here after all (its value holds engine objects).
     */
    statementResult(statement: Eval | Assert): StatementResult | 'local' | undefined;
    /**
     * Resolves once this version's eval/assert results are in, computing them if nothing is under way (an
     * export is a finished document: it waits where the live preview shows "being computed").
     */
    settled(document: LangiumDocument, token?: CancellationToken): Promise<void>;
}

/** A value still being computed in the background: readers show `…`, never an error. */
export function isPending(value: Value): boolean {
    return value.kind === 'error' && value.code === IssueCodes.Pending;
}

export class CredalEvaluator implements EvaluationHost {
    private readonly services: LangiumServices & { linking: { SetInference: SetInference } };
    private readonly declarations: ResultCache<DeclarationResult>;
    private readonly statements: ResultCache<StatementResult>;
    private readonly expensive: ResultCache<readonly EvalIssue[]>;
    private readonly orders: DocumentCache<string, DependencyOrder>;
    /** Set while the cheap (typing) issues are collected: costly work is deferred to save (conditioning.ts). */
    private typing = false;
    readonly nesting: Nesting = { expressions: 0, definitions: 0 };
    /** Derived facts of values (vertices, element bounds, rule choices, DDT solutions) for every reader. */
    readonly facts: ValueFacts;
    settings: EvaluationSettings = { ...DEFAULT_SETTINGS };
    private readonly settingsChanged = new Emitter<EvaluationSettings>();
    /** Fired when the settings change what evaluation computes (results kept elsewhere must be dropped). */
    readonly onSettingsChanged: Event<EvaluationSettings> = this.settingsChanged.event;
    /** Set by the language server: heavy results come from the evaluation worker (see EvaluationOffload). */
    offload: EvaluationOffload | undefined;
    /** How many top-level computations ran, in all (tests check that an edit re-evaluates only what it changed). */
    computations = 0;

    constructor(services: LangiumServices & { linking: { SetInference: SetInference } }) {
        this.services = services;
        const shared = services.shared;
        // A kept result moved with its statement: its issues' ranges move too (issue-relocation.ts).
        const moveIssues = <R extends { issues: readonly EvalIssue[] }>(result: R, from: Place, to: Place): R | undefined => {
            const issues = relocateIssues(result.issues, from, to);
            return issues && { ...result, issues };
        };
        this.declarations = new ResultCache(moveIssues);
        this.statements = new ResultCache(moveIssues);
        this.expensive = new ResultCache((issues, from, to) => relocateIssues(issues, from, to));
        this.orders = new DocumentCache(shared);
        this.facts = new ValueFacts(this, shared);
        // Settings arrive through the ConfigurationProvider (settings-revalidation.ts) or a worker job.
    }

    get inference(): SetInference {
        return this.services.linking.SetInference;
    }

    /**
     * New settings (fields left out keep their current value); every cached result is dropped, since
     * budgets and conventions change values. True when the settings differ from before.
     */
    updateSettings(settings: Partial<EvaluationSettings>): boolean {
        const before = this.settings;
        this.settings = { ...before, ...settings };
        this.declarations.clear();
        this.statements.clear();
        this.expensive.clear();
        if (sameSettings(before, this.settings)) return false;
        this.settingsChanged.fire(this.settings);
        return true;
    }

    // ------------------------------------------------------------------ public API

    /** The value and cheap issues of a declaration (let, set, event, dist, gamble, credal, decision, ddt). */
    declarationResult(declaration: AstNode, token?: CancellationToken): DeclarationResult {
        this.prepare(declaration, cancelled(token));
        return this.declarationComputed(declaration, cancelled(token)).result;
    }

    /** The result of an `eval` or `assert`, computed on first request and cached for the document version. */
    resultOf(statement: Eval | Assert, token?: CancellationToken): StatementResult {
        this.prepare(statement, cancelled(token));
        return this.statementComputed(statement, cancelled(token)).result;
    }

    /**
     * The value of any node: a declaration or statement (cached), or an expression anywhere (evaluated
     * in its context, not cached; its issues are dropped: they belong to the enclosing declaration).
     */
    valueOf(node: AstNode, token?: CancellationToken): Value {
        if (isEval(node) || isAssert(node)) return this.resultOf(node, token).value;
        if (isEvaluatedDeclaration(node)) return this.declarationResult(node, token).value;
        const offloaded = this.offload ? this.offloadedPart(node, token) : undefined;
        if (offloaded) return offloaded;
        this.prepare(node, cancelled(token));
        return this.run(node, 'cheap', cancelled(token), (ctx) => ({ value: evaluate(ctx, node, { kind: 'any' }) as Value })).result.value;
    }

    /** Every issue of the document: cheap ones always, expensive ones when asked (on save, CLI). */
    issuesFor(document: LangiumDocument, options: IssueOptions, token?: CancellationToken): PlacedIssue[] {
        const model = document.parseResult?.value;
        if (!isModel(model)) return [];
        const issues: PlacedIssue[] = [];
        // Offloaded, the worker reports every expensive issue: here only the cheap ones, as while typing.
        const expensive = options.expensive && !this.offload;
        const typing = this.typing;
        this.typing = !expensive;
        try {
            this.collectIssues(model as Model, { ...options, expensive }, issues, token);
        } finally {
            this.typing = typing;
        }
        return issues;
    }

    private collectIssues(model: Model, options: IssueOptions, issues: PlacedIssue[], token?: CancellationToken): void {
        for (const statement of model.statements) {
            if (token?.isCancellationRequested) break;
            const place = (found: readonly EvalIssue[]): void => {
                for (const issue of found) issues.push({ ...issue, statement });
            };
            try {
                if (isEvaluatedDeclaration(statement)) {
                    place(this.declarationResult(statement, token).issues);
                    if (options.expensive) place(this.expensiveIssues(statement, cancelled(token)));
                } else if (options.expensive && (isEval(statement) || isAssert(statement))) {
                    place(this.resultOf(statement, token).issues);
                }
            } catch (error) {
                place([this.internalIssue(statement, error)]);
            }
        }
    }

    // ------------------------------------------------------------------ EvaluationHost

    declarationValue(declaration: AstNode, parent: EvalContext): Value {
        this.nesting.definitions++;
        try {
            const computed = isEval(declaration)
                ? this.statementComputed(declaration, parent.isCancelled)
                : this.declarationComputed(declaration, parent.isCancelled);
            if (!computed.cacheable) parent.uncacheable = true;
            // Typing deferred this declaration, so it deferred the user too: what the user finds is for save.
            if ('costly' in computed.result && computed.result.costly === true) parent.beyondTypingBound();
            return computed.result.value;
        } finally {
            this.nesting.definitions--;
        }
    }

    // ------------------------------------------------------------------ internals

    /**
     * Before a top-level request: compute what `node` depends on, deepest first, so that the request
     * itself finds every declaration it uses in the cache instead of recursing through the chain.
     */
    private prepare(node: AstNode, isCancelled: () => boolean): void {
        if (this.nesting.definitions > 0 || this.nesting.expressions > 0 || this.computing) return;
        const statement = topLevelStatement(node);
        // A statement asked for itself and already computed: the request is a cache hit, nothing to prepare.
        if (statement === node && this.isCached(node)) return;
        const order = statement && this.orderOf(statement);
        if (!statement || !order) return;
        const done = (declaration: AstNode): boolean => this.isCached(declaration);
        for (const declaration of order.before(statement, done)) {
            if (isCancelled()) return;
            try {
                if (isEval(declaration)) this.statementComputed(declaration, isCancelled);
                else if (isEvaluatedDeclaration(declaration)) this.declarationComputed(declaration, isCancelled);
            } catch {
                // Never throws (run() catches); the request itself reports whatever went wrong.
            }
        }
    }

    private orderOf(node: AstNode): DependencyOrder | undefined {
        const uri = documentUri(node);
        const model = node.$container;
        if (!uri || !isModel(model)) return undefined;
        let order = this.orders.get(uri, 'order');
        if (!order) {
            order = new DependencyOrder(model);
            this.orders.set(uri, 'order', order);
        }
        return order;
    }

    private isCached(declaration: AstNode): boolean {
        return this.declarations.has(this.slot(declaration, this.typing)) || this.statements.has(this.slot(declaration, false));
    }

    /**
     * Where a statement's results are kept in this version: under its stamp, so they survive every edit
     * that changes neither it nor anything it depends on. Declarations also by typing mode (value-carry.ts).
     */
    private slot(node: AstNode, typing: boolean): CacheSlot | undefined {
        const stamp = this.orderOf(node)?.stampOf(node);
        return stamp === undefined ? undefined : { stamp, typing };
    }

    /** The silent E-CYCLE value of a declaration on a dependency cycle (the linking validator reports it). */
    private cycleValue(node: AstNode): Value | undefined {
        return this.orderOf(node)?.onCycle(node) ? cycleError(node) : undefined;
    }

    /** Whether any top-level computation is under way (then `prepare` has nothing to add). */
    private get computing(): boolean {
        return this.declarations.busy || this.statements.busy || this.expensive.busy;
    }

    private declarationComputed(declaration: AstNode, isCancelled: () => boolean): Computed<DeclarationResult> {
        const cycle = this.cycleValue(declaration);
        if (cycle) return { result: { value: cycle, issues: [] }, cacheable: true };
        const onCycle = (): DeclarationResult => ({ value: cycleError(declaration), issues: [] });
        return this.declarations.computed(this.slot(declaration, this.typing), declaration, onCycle, () => {
            const run = this.run(declaration, 'cheap', isCancelled, (ctx) => ({ value: evaluateDeclaration(ctx, declaration) }));
            // Nothing beyond the typing bound (here or in a dependency): typing computes the very same result.
            const result = { value: run.result.value, issues: run.issues, ...(run.costly ? { costly: true } : {}) };
            return { result, cacheable: run.cacheable, sameWhileTyping: !run.costly };
        });
    }

    private statementComputed(statement: Eval | Assert, isCancelled: () => boolean): Computed<StatementResult> {
        const cycleResult = (value: Value): StatementResult =>
            ({ kind: isEval(statement) ? 'eval' : 'assert', value, ok: isEval(statement) ? undefined : false, issues: [] });
        const cycle = this.cycleValue(statement);
        if (cycle) return { result: cycleResult(cycle), cacheable: true };
        return this.statements.computed(this.slot(statement, false), statement, () => cycleResult(cycleError(statement)), () => {
            const remote = this.offload?.statementResult(statement);
            if (this.offload && remote === undefined) return { result: pendingResult(statement), cacheable: false };
            if (remote && remote !== 'local') return { result: remote, cacheable: true };
            const run = this.run(statement, 'expensive', isCancelled, (ctx) => evaluateStatement(ctx, statement));
            const outcome: ClaimOutcome = run.result;
            return { result: { kind: isEval(statement) ? 'eval' : 'assert', ...outcome, issues: run.issues }, cacheable: run.cacheable };
        });
    }

    private expensiveIssues(declaration: AstNode, isCancelled: () => boolean): readonly EvalIssue[] {
        // Offloaded: the worker runs the expensive checks and reports them itself.
        if (this.offload) return [];
        return this.expensive.computed(this.slot(declaration, false), declaration, () => [], () => {
            const value = this.declarationComputed(declaration, isCancelled);
            const run = this.run(declaration, 'expensive', isCancelled, (ctx) => {
                expensiveIssues(ctx, declaration, value.result.value);
                return { value: value.result.value };
            });
            return { result: run.issues, cacheable: run.cacheable && value.cacheable };
        }).result;
    }

    /** One top-level computation: fresh sink and budget; exceptions become E-INTERNAL. */
    private run<T extends { value: Value }>(node: AstNode, cost: IssueCost, isCancelled: () => boolean, body: (ctx: EvalContext) => T):
        { result: T; issues: EvalIssue[]; cacheable: boolean; costly: boolean } {
        this.computations++;
        const sink = new IssueSink(cost);
        const budget = new Budget({ maxSteps: this.settings.maxSteps, timeMs: this.settings.timeoutMs, isCancelled });
        const ctx = new EvalContext(this, sink, budget, isCancelled, this.typing && cost === 'cheap');
        try {
            const result = body(ctx);
            return { result, issues: [...sink.issues], cacheable: !ctx.uncacheable && !isCancelled(), costly: ctx.costly };
        } catch (error) {
            const issue = this.internalIssue(node, error);
            const value = errorValue(IssueCodes.Internal, issue.message, { reported: true });
            return { result: { value } as T, issues: [...sink.issues, issue], cacheable: false, costly: false };
        }
    }

    /**
     * Offloaded: a part of an eval or assert is answered from the statement's result (its whole value,
     * or a side of its claim), or is pending; other sub-expressions are not evaluated on this thread.
     */
    private offloadedPart(node: AstNode, token?: CancellationToken): Value | undefined {
        const statement = AstUtils.getContainerOfType(node, (n): n is Eval | Assert => isEval(n) || isAssert(n));
        if (!statement || this.offload?.statementResult(statement) === 'local') return undefined;
        const result = this.resultOf(statement, token);
        if (node === statement.value) return result.value;
        const claim = statement.value as { left?: AstNode; right?: AstNode } | undefined;
        if (claim && node === claim.left && result.left) return result.left;
        if (claim && node === claim.right && result.right) return result.right;
        if (result.value.kind === 'error' && result.value.code === IssueCodes.Pending) return result.value;
        return errorValue(IssueCodes.Pending,
            'computed in the background as part of the whole statement: hover on `eval` or `assert` for its value', { reported: true });
    }

    private internalIssue(node: AstNode, error: unknown): EvalIssue {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`credal evaluator: internal error: ${error instanceof Error ? error.stack ?? message : message}`);
        return { severity: 'error', code: IssueCodes.Internal, message: `internal error while evaluating: ${message}`, site: siteOf(node), related: [],
            data: {}, cost: 'cheap' };
    }
}

function pendingValue(): Value {
    return errorValue(IssueCodes.Pending, 'being computed in the background; shown when ready', { reported: true });
}

function pendingResult(statement: Eval | Assert): StatementResult {
    return { kind: isEval(statement) ? 'eval' : 'assert', value: pendingValue(), ok: isEval(statement) ? undefined : false, issues: [] };
}

function cancelled(token: CancellationToken | undefined): () => boolean {
    return () => token?.isCancellationRequested === true;
}

/** The silent E-CYCLE value: the linking validator reports the cycle itself. */
function cycleError(node: AstNode): Value {
    const name = (node as { name?: string }).name ?? 'this declaration';
    return errorValue(IssueCodes.Cycle, `\`${name}\` is defined in terms of itself`, { reported: true });
}

function documentUri(node: AstNode): string | undefined {
    try {
        return AstUtils.getDocument(node).uri.toString();
    } catch {
        return undefined;
    }
}

