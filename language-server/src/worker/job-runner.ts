/**
 * What the evaluation worker does with a job, as a plain class (the worker entry only wires it to its
 * port, so tests can run it in-process). It has its own Langium services over an empty file system:
 * the job's text is the whole truth. It parses and links the text, runs the expensive validation when
 * asked, evaluates every eval and assert, and sends plain data back. Results are kept per statement
 * fingerprint, so the next version of the note re-evaluates only the statements whose text, or whose
 * dependencies' text, changed.
 */
import { EmptyFileSystem, URI, isOperationCancelled, type LangiumDocument } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { createCredalServices } from '../credal-module.js';
import { isAssert, isEval, isModel, type Assert, type Eval } from '../generated/ast.js';
import type { EvaluationSettings } from '../evaluation/settings.js';
import { statementPrints } from '../linking/statement-fingerprints.js';
import type { EvaluationJob, EvaluationJobResult, StatementOutcome } from './messages.js';
import { encodeStatementResult, type TransferStatementResult } from './transfer-value.js';

/** How many notes' results the worker remembers between versions. */
const REMEMBERED_NOTES = 16;

export class JobRunner {
    private readonly services = createCredalServices(EmptyFileSystem);
    private readonly previous = new Map<string, Map<string, TransferStatementResult>>();
    private settingsKey = '';

    async run(job: EvaluationJob): Promise<EvaluationJobResult> {
        const started = performance.now();
        const token = sharedFlagToken(job.cancel);
        const base = { id: job.id, uri: job.uri, version: job.version };
        const none = (extra: Partial<EvaluationJobResult>): EvaluationJobResult =>
            ({ ...base, cancelled: false, statements: [], diagnostics: [], ms: performance.now() - started, ...extra });
        if (token.isCancellationRequested) return none({ cancelled: true });
        this.applySettings(job.settings);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = this.services.shared.workspace;
        const uri = this.documentUri(job.uri);
        try {
            if (LangiumDocuments.hasDocument(uri)) await DocumentBuilder.update([], [uri]);
            const document = LangiumDocumentFactory.fromString(job.text, uri);
            LangiumDocuments.addDocument(document);
            await DocumentBuilder.build([document], { validation: job.expensive ? { categories: ['slow'] } : false }, token);
            const diagnostics: Diagnostic[] = job.expensive ? [...(document.diagnostics ?? [])] : [];
            const statements = this.statements(document, job.uri, token);
            if (token.isCancellationRequested) return none({ cancelled: true });
            return none({ statements, diagnostics });
        } catch (error) {
            if (isOperationCancelled(error) || token.isCancellationRequested) return none({ cancelled: true });
            return none({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
        } finally {
            await DocumentBuilder.update([], [uri]).catch(() => undefined);
        }
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

    /** Every eval and assert, reusing the previous version's result when the fingerprint is unchanged. */
    private statements(document: LangiumDocument, uri: string, token: CancellationToken): StatementOutcome[] {
        const model = document.parseResult.value;
        if (!isModel(model)) return [];
        const evaluator = this.services.Credal.evaluation.Evaluator;
        const before = this.previous.get(uri) ?? new Map<string, TransferStatementResult>();
        const now = new Map<string, TransferStatementResult>();
        const byOffset = new Map(model.statements.map((statement) => [statement.$cstNode?.offset, statement]));
        const outcomes: StatementOutcome[] = [];
        for (const print of statementPrints(document)) {
            if (token.isCancellationRequested) return [];
            const statement = byOffset.get(print.start);
            if (!statement || !(isEval(statement) || isAssert(statement))) continue;
            const result = before.get(print.fingerprint) ?? now.get(print.fingerprint)
                ?? encodeStatementResult(evaluator.resultOf(statement as Eval | Assert, token));
            if (token.isCancellationRequested) return [];
            now.set(print.fingerprint, result);
            outcomes.push({ fingerprint: print.fingerprint, result });
        }
        this.previous.delete(uri);
        this.previous.set(uri, now);
        while (this.previous.size > REMEMBERED_NOTES) this.previous.delete(this.previous.keys().next().value!);
        return outcomes;
    }

    private applySettings(settings: EvaluationSettings): void {
        const key = JSON.stringify(settings);
        if (key === this.settingsKey) return;
        this.settingsKey = key;
        this.services.Credal.evaluation.Evaluator.updateSettings({ ...settings });
        this.previous.clear();
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
