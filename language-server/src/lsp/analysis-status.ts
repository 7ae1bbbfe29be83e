/**
 * `credal/analysisStatus` (protocol.ts): for each open note, how its last change was analysed (spliced
 * or parsed whole, how many top-level evaluations ran, how long until its diagnostics were ready), so a
 * reader can see that typing in a long note costs what the edit changes ("Credal: Show Analysis Status"),
 * and the evaluation worker's last job for it (what the last save re-checked).
 */
import { DocumentState, type LangiumDocument } from 'langium';
import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CredalServices } from '../credal-module.js';
import { isModel } from '../generated/ast.js';
import { AnalysisStatusRequestMethod, type AnalysisStatusParams, type AnalysisStatusResult, type WorkerJobStatus } from '../protocol.js';
import { IncrementalDocumentFactory } from '../syntax/incremental-document-factory.js';

interface NoteRecord {
    lastParse: 'incremental' | 'full';
    incrementalParses: number;
    fullParses: number;
    /** Set when a change arrives, cleared when the build after it is validated. */
    pending?: { startedAt: number; evaluationsBefore: number };
    lastBuildEvaluations: number;
    lastBuildMs: number;
}

/** Where the evaluation worker's last job per note is known (worker/background-evaluation.ts). */
interface WorkerJobs {
    lastJob(uri: string): WorkerJobStatus | undefined;
}

export function registerAnalysisStatus(connection: Connection, shared: LangiumSharedServices, credal: CredalServices,
    worker?: WorkerJobs): void {
    const records = new Map<string, NoteRecord>();
    const evaluator = credal.evaluation.Evaluator;
    const record = (uri: string): NoteRecord => {
        let found = records.get(uri);
        if (!found) {
            found = { lastParse: 'full', incrementalParses: 0, fullParses: 0, lastBuildEvaluations: 0, lastBuildMs: 0 };
            records.set(uri, found);
        }
        return found;
    };
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate((changed, deleted) => {
        for (const uri of deleted) records.delete(uri.toString());
        for (const uri of changed) {
            record(uri.toString()).pending ??= { startedAt: performance.now(), evaluationsBefore: evaluator.computations };
        }
    });
    const factory = shared.workspace.LangiumDocumentFactory;
    if (factory instanceof IncrementalDocumentFactory) {
        let splicedBefore = factory.counts.spliced;
        factory.onReparsed((document) => {
            const entry = record(document.uri.toString());
            entry.lastParse = factory.counts.spliced > splicedBefore ? 'incremental' : 'full';
            splicedBefore = factory.counts.spliced;
            if (entry.lastParse === 'incremental') entry.incrementalParses++;
            else entry.fullParses++;
        });
    }
    builder.onBuildPhase(DocumentState.Validated, (documents) => {
        for (const document of documents) {
            const entry = record(document.uri.toString());
            if (!entry.pending) continue;
            entry.lastBuildMs = Math.round(performance.now() - entry.pending.startedAt);
            entry.lastBuildEvaluations = evaluator.computations - entry.pending.evaluationsBefore;
            entry.pending = undefined;
        }
    });
    connection.onRequest(AnalysisStatusRequestMethod, createRequestHandler<AnalysisStatusParams, AnalysisStatusResult>(
        (_services, document) => statusOf(document, records.get(document.uri.toString()), worker?.lastJob(document.uri.toString())),
        shared, DocumentState.Validated));
}

function statusOf(document: LangiumDocument, entry: NoteRecord | undefined, job: WorkerJobStatus | undefined): AnalysisStatusResult {
    const model = document.parseResult.value;
    return {
        uri: document.uri.toString(),
        version: document.textDocument.version,
        statements: isModel(model) ? model.statements.length : 0,
        lastParse: entry?.lastParse ?? 'full',
        incrementalParses: entry?.incrementalParses ?? 0,
        fullParses: entry?.fullParses ?? 0,
        lastBuildEvaluations: entry?.lastBuildEvaluations ?? 0,
        lastBuildMs: entry?.lastBuildMs ?? 0,
        ...(job ? { lastWorkerJob: job } : {})
    };
}
