/**
 * What the evaluation worker does with a job, as a plain class (the worker entry only wires it to its
 * port, so tests can run it in-process). It has its own Langium services over an empty file system:
 * the job's text is the whole truth. It parses and links the text, runs the expensive validation when
 * asked, evaluates every eval and assert, and sends plain data back. It keeps its copy of each note
 * between versions and updates it as the editor's server does (statement splicing, unchanged statements
 * keep their nodes), so the evaluator's carried results (evaluation/value-carry.ts) make the next save
 * re-check only the statements whose text, or whose dependencies, changed.
 */
import { EmptyFileSystem, URI, isOperationCancelled, type LangiumDocument } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCredalServices } from '../credal-module.js';
import { isAssert, isEval, isModel, type Assert, type Eval } from '../generated/ast.js';
import type { EvaluationSettings } from '../evaluation/settings.js';
import { statementPrints } from '../linking/statement-fingerprints.js';
import type { EvaluationJob, EvaluationJobResult, StatementOutcome } from './messages.js';
import { encodeStatementResult } from './transfer-value.js';

/** How many notes the worker keeps (with their results) between versions; the least recently used goes first. */
const REMEMBERED_NOTES = 16;

/** The text documents of the worker's services, which it fills itself (there is no editor connection). */
interface WorkerTextDocuments {
    set(document: TextDocument): boolean;
    delete(uri: string): void;
}

export class JobRunner {
    private readonly services = createCredalServices(EmptyFileSystem);
    /** The version the worker last gave each kept note, in least-recently-used order. */
    private readonly kept = new Map<string, number>();
    private settingsKey = '';

    async run(job: EvaluationJob): Promise<EvaluationJobResult> {
        const started = performance.now();
        const evaluationsBefore = this.services.Credal.evaluation.Evaluator.computations;
        const token = sharedFlagToken(job.cancel);
        const base = { id: job.id, uri: job.uri, version: job.version };
        const none = (extra: Partial<EvaluationJobResult>): EvaluationJobResult =>
            ({ ...base, cancelled: false, statements: [], diagnostics: [], ms: performance.now() - started,
                evaluations: this.services.Credal.evaluation.Evaluator.computations - evaluationsBefore, ...extra });
        if (token.isCancellationRequested) return none({ cancelled: true });
        this.applySettings(job.settings);
        const uri = this.documentUri(job.uri);
        let complete = false;
        try {
            const document = await this.updated(uri, job.text, job.expensive, token);
            const diagnostics: Diagnostic[] = job.expensive ? [...(document.diagnostics ?? [])] : [];
            const statements = this.statements(document, token);
            if (token.isCancellationRequested) return none({ cancelled: true });
            complete = true;
            return none({ statements, diagnostics });
        } catch (error) {
            if (isOperationCancelled(error) || token.isCancellationRequested) return none({ cancelled: true });
            return none({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
        } finally {
            // A build stopped halfway leaves the copy in between states: the next version starts afresh.
            if (!complete) await this.forget(uri.toString());
        }
    }

    /** The worker's copy of the note at `text`: the kept one updated in place, or a new one. */
    private async updated(uri: URI, text: string, expensive: boolean, token: CancellationToken): Promise<LangiumDocument> {
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder, TextDocuments } = this.services.shared.workspace;
        const key = uri.toString();
        const version = (this.kept.get(key) ?? 0) + 1;
        this.kept.delete(key);
        this.kept.set(key, version);
        const textDocument = TextDocument.create(key, 'credal', version, text);
        (TextDocuments as unknown as WorkerTextDocuments).set(textDocument);
        const validation = expensive ? { categories: ['slow' as const] } : false;
        for (const old of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - REMEMBERED_NOTES))) await this.forget(old);
        if (LangiumDocuments.hasDocument(uri)) {
            DocumentBuilder.updateBuildOptions = { validation };
            await DocumentBuilder.update([uri], [], token);
            return LangiumDocuments.getDocument(uri)!;
        }
        const document = LangiumDocumentFactory.fromTextDocument(textDocument, uri);
        LangiumDocuments.addDocument(document);
        await DocumentBuilder.build([document], { validation }, token);
        return document;
    }

    private async forget(key: string): Promise<void> {
        this.kept.delete(key);
        (this.services.shared.workspace.TextDocuments as unknown as WorkerTextDocuments).delete(key);
        await this.services.shared.workspace.DocumentBuilder.update([], [URI.parse(key)]).catch(() => undefined);
    }

    /**
     * The URI of the worker's copy of the note. Without an editor the worker's services pick the language by
     * file extension, so an unsaved note without one (`untitled:Untitled-1`, a Credal note by its language
     * only) is parsed under the same URI with `.cred` appended; only ranges come back, so nothing else sees it.
     */
    private documentUri(noteUri: string): URI {
        const uri = URI.parse(noteUri);
        return this.services.shared.ServiceRegistry.hasServices(uri) ? uri : uri.with({ path: `${uri.path}.cred` });
    }

    /** Every eval and assert with its fingerprint (an unchanged statement's result is the evaluator's kept one). */
    private statements(document: LangiumDocument, token: CancellationToken): StatementOutcome[] {
        const model = document.parseResult.value;
        if (!isModel(model)) return [];
        const evaluator = this.services.Credal.evaluation.Evaluator;
        const byOffset = new Map(model.statements.map((statement) => [statement.$cstNode?.offset, statement]));
        const outcomes: StatementOutcome[] = [];
        for (const print of statementPrints(document)) {
            if (token.isCancellationRequested) return [];
            const statement = byOffset.get(print.start);
            if (!statement || !(isEval(statement) || isAssert(statement))) continue;
            const result = encodeStatementResult(evaluator.resultOf(statement as Eval | Assert, token));
            if (token.isCancellationRequested) return [];
            outcomes.push({ fingerprint: print.fingerprint, result });
        }
        return outcomes;
    }

    private applySettings(settings: EvaluationSettings): void {
        const key = JSON.stringify(settings);
        if (key === this.settingsKey) return;
        this.settingsKey = key;
        this.services.Credal.evaluation.Evaluator.updateSettings({ ...settings });
    }
}

/** A CancellationToken that reads the main thread's flag (Atomics: visible while this thread computes). */
function sharedFlagToken(buffer: SharedArrayBuffer): CancellationToken {
    const flag = new Int32Array(buffer);
    return {
        get isCancellationRequested() {
            return Atomics.load(flag, 0) !== 0;
        },
        onCancellationRequested: () => ({ dispose: () => undefined })
    };
}
