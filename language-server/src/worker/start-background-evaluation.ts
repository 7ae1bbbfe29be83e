/**
 * Wires the evaluation worker into the running language server (main.ts): the worker script beside the
 * server bundle, the offload into the evaluator, and the refreshes that show new results.
 * `CREDAL_TRACE_WORKER=1` logs each job (posted, cancelled, finished) to stderr.
 */
import * as path from 'node:path';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CredalServices } from '../credal-module.js';
import { PreviewInvalidatedNotificationMethod, type PreviewInvalidatedParams } from '../protocol.js';
import { BackgroundEvaluation } from './background-evaluation.js';
import { EvaluationWorkerClient } from './worker-client.js';

/** The bundled worker's file name (esbuild.mjs entry), next to out/language-server.cjs. */
export const WORKER_BUNDLE = 'evaluation-worker.cjs';

export function startBackgroundEvaluation(connection: Connection, shared: LangiumSharedServices, credal: CredalServices,
    directory: string): BackgroundEvaluation {
    const trace = process.env.CREDAL_TRACE_WORKER === '1';
    const log = (message: string) => connection.console.error(`Credal server: ${message}`);
    const traceLog = (message: string) => process.stderr.write(`Credal worker trace: ${message}\n`);
    const client = new EvaluationWorkerClient(path.join(directory, WORKER_BUNDLE), log, trace ? traceLog : undefined);
    let refreshInlayHints = false;
    let refreshCodeLenses = false;
    shared.lsp.LanguageServer.onInitialize((params) => {
        refreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
        refreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    });
    const background = new BackgroundEvaluation(shared, credal, client, {
        resultsChanged(uri, version) {
            if (refreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
            if (refreshCodeLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
            const params: PreviewInvalidatedParams = { uri, version };
            void connection.sendNotification(PreviewInvalidatedNotificationMethod, params).catch(() => undefined);
        }
    });
    background.install();
    process.once('exit', () => client.dispose());
    return background;
}
