/**
 * Heavy evaluation off the main loop (issue 7.3). The design, in four rules:
 *
 * 1. What is heavy: eval/assert results (LPs, vertex enumeration) and the expensive validation
 *    category ('slow': coherence, redundancy, emptiness). Parsing, linking and the cheap checks stay on
 *    the main thread; so do hover, completion and every other request.
 * 2. Who computes it: one worker thread (evaluation-worker.ts) with its own Langium services, given the
 *    note's text. After every cheap build of a note the main thread posts a values job for that
 *    version (debounced); on save, the 'slow' validation check posts an expensive job and awaits it
 *    without blocking the event loop (Langium 4.4 runs requests that have their document state as
 *    immediate reads, concurrently with the save's build).
 * 3. Cancellation: a newer job for the same note cancels the older one through a shared flag that the
 *    worker's budgets read between pivots; a keystroke cancels the save's build token, which cancels
 *    its job the same way. Results are accepted only for the note version they were computed from.
 * 4. Where results go: eval/assert results are kept per statement fingerprint (text + dependencies'
 *    text, linking/statement-fingerprints.ts) and served to the evaluator through its offload hook,
 *    so an edit elsewhere in the note keeps them; until a result arrives it reads as PENDING. Expensive
 *    diagnostics go through the normal validation pipeline (and the save-aware validator's carrying).
 *    When new results arrive, the client is asked to refresh inlay hints and code lenses, and the
 *    preview is told it is stale.
 */
import { AstUtils, DocumentState, URI, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, type DiagnosticSeverity } from 'vscode-languageserver';
import type { CredalServices } from '../credal-module.js';
import type { EvaluationOffload, StatementResult } from '../evaluation/evaluator.js';
import type { Assert, Eval, Model } from '../generated/ast.js';
import { statementPrints } from '../linking/statement-fingerprints.js';
import type { EvaluationJobResult } from './messages.js';
import { decodeStatementResult, type TransferStatementResult } from './transfer-value.js';
import type { EvaluationWorkerClient } from './worker-client.js';
import type { WorkerJobStatus } from '../protocol.js';

/** Typing pauses this long before the note's values are recomputed in the background. */
const VALUES_DEBOUNCE_MS = 150;

interface BackgroundListener {
    /** New results for this note version: refresh what shows them. */
    resultsChanged(uri: string, version: number): void;
}

interface NoteResults {
    readonly version: number;
    readonly byFingerprint: ReadonlyMap<string, TransferStatementResult>;
}

export class BackgroundEvaluation implements EvaluationOffload {
    private readonly results = new Map<string, NoteResults>();
    private readonly decoded = new WeakMap<TransferStatementResult, StatementResult | undefined>();
    private readonly fingerprints = new WeakMap<LangiumDocument, { version: number; byOffset: Map<number, string> }>();
    /** The note version whose job was last posted, per note, and that job's sequence number. */
    private readonly posted = new Map<string, { version: number; sequence: number }>();
    private sequence = 0;
    private readonly timers = new Map<string, NodeJS.Timeout>();
    /** The job under way per note, for `settled`. */
    private readonly running = new Map<string, { version: number; done: Promise<unknown> }>();
    /** The last job that finished, per note (for "Credal: Show Analysis Status"). */
    private readonly finished = new Map<string, WorkerJobStatus>();

    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly credal: CredalServices,
        private readonly client: EvaluationWorkerClient,
        private readonly listener: BackgroundListener
    ) {}

    install(): void {
        this.credal.evaluation.Evaluator.offload = this;
        this.credal.validation.ValidationRegistry.register(
            { Model: (model: Model, accept: ValidationAcceptor, token: CancellationToken) => this.expensiveCheck(model, accept, token) },
            this, 'slow');
        const builder = this.shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.Validated, (document) => this.scheduleValues(document));
        // Results computed under other settings are stale even though the note's text is the same.
        this.credal.evaluation.Evaluator.onSettingsChanged(() => {
            this.results.clear();
            this.posted.clear();
        });
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.results.delete(uri.toString());
                this.posted.delete(uri.toString());
                this.finished.delete(uri.toString());
            }
        });
    }

    // ------------------------------------------------------------------ EvaluationOffload

    statementResult(statement: Eval | Assert): StatementResult | 'local' | undefined {
        if (!this.client.available) {
            this.credal.evaluation.Evaluator.offload = undefined;
            return 'local';
        }
        let document: LangiumDocument;
        try {
            document = AstUtils.getDocument(statement);
        } catch {
            return 'local';
        }
        const fingerprint = this.fingerprintOf(document, statement.$cstNode?.offset);
        const stored = fingerprint === undefined ? undefined : this.results.get(document.uri.toString())?.byFingerprint.get(fingerprint);
        if (!stored) return undefined;
        if (stored.local) return 'local';
        if (!this.decoded.has(stored)) this.decoded.set(stored, decodeStatementResult(stored));
        return this.decoded.get(stored) ?? 'local';
    }

    // ------------------------------------------------------------------ jobs

    /** The 'slow' validation category: the worker's expensive diagnostics for this version. */
    private async expensiveCheck(model: Model, accept: ValidationAcceptor, token: CancellationToken): Promise<void> {
        const document = AstUtils.getDocument(model);
        const result = await this.run(document, true, token);
        for (const diagnostic of result?.diagnostics ?? []) {
            accept(severityWord(diagnostic.severity), typeof diagnostic.message === 'string' ? diagnostic.message
                : diagnostic.message.value, {
                node: model,
                range: diagnostic.range,
                code: diagnostic.code,
                relatedInformation: diagnostic.relatedInformation,
                tags: diagnostic.tags,
                data: diagnostic.data
            });
        }
    }

    private scheduleValues(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const version = document.textDocument.version;
        if (this.posted.get(uri)?.version === version) return;
        clearTimeout(this.timers.get(uri));
        const timer = setTimeout(() => {
            this.timers.delete(uri);
            const current = this.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
            if (current && current.textDocument.version === version && this.posted.get(uri)?.version !== version) {
                void this.run(current, false, CancellationToken.None);
            }
        }, VALUES_DEBOUNCE_MS);
        timer.unref?.();
        this.timers.set(uri, timer);
    }

    async settled(document: LangiumDocument, token: CancellationToken = CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        const version = document.textDocument.version;
        const running = this.running.get(uri);
        if (this.results.get(uri)?.version !== version && running?.version === version) await running.done;
        if (this.results.get(uri)?.version !== version && !token.isCancellationRequested) await this.run(document, false, token);
    }

    private async run(document: LangiumDocument, expensive: boolean, token: CancellationToken): Promise<EvaluationJobResult | undefined> {
        const uri = document.uri.toString();
        const version = document.textDocument.version;
        const sequence = ++this.sequence;
        this.posted.set(uri, { version, sequence });
        const done = this.client.evaluate({
            uri, version, text: document.textDocument.getText(), expensive, settings: this.credal.evaluation.Evaluator.settings
        }, token);
        this.running.set(uri, { version, done });
        const result = await done;
        if (this.running.get(uri)?.done === done) this.running.delete(uri);
        const current = this.shared.workspace.LangiumDocuments.getDocument(document.uri);
        if (!result || !current || current.textDocument.version !== result.version) {
            // This job was the note's latest and it did not finish: let the next build post again.
            if (this.posted.get(uri)?.sequence === sequence && !result) this.posted.delete(uri);
            return undefined;
        }
        this.store(uri, result);
        this.finished.set(uri, { kind: expensive ? 'save' : 'values', version: result.version, evaluations: result.evaluations,
            ms: Math.round(result.ms) });
        return result;
    }

    /** The worker's last finished job for the note, if any. */
    lastJob(uri: string): WorkerJobStatus | undefined {
        return this.finished.get(uri);
    }

    private store(uri: string, result: EvaluationJobResult): void {
        const before = this.results.get(uri);
        const byFingerprint = new Map(result.statements.map((outcome) => [outcome.fingerprint, outcome.result]));
        this.results.set(uri, { version: result.version, byFingerprint });
        const changed = !before || before.byFingerprint.size !== byFingerprint.size
            || [...byFingerprint.keys()].some((key) => !before.byFingerprint.has(key));
        if (changed) this.listener.resultsChanged(uri, result.version);
    }

    /** The fingerprint of the statement starting at `offset` (computed once per document version). */
    private fingerprintOf(document: LangiumDocument, offset: number | undefined): string | undefined {
        if (offset === undefined) return undefined;
        const version = document.textDocument.version;
        let known = this.fingerprints.get(document);
        if (!known || known.version !== version) {
            known = { version, byOffset: new Map(statementPrints(document).map((print) => [print.start, print.fingerprint])) };
            this.fingerprints.set(document, known);
        }
        return known.byOffset.get(offset);
    }
}

function severityWord(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'info' | 'hint' {
    switch (severity) {
        case 2: return 'warning';
        case 3: return 'info';
        case 4: return 'hint';
        default: return 'error';
    }
}

