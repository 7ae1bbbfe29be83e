import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { EXPORT_BUDGET_MS, PREVIEW_BUDGET_MS } from '../render/render-budget.js';
import { RenderWorkerClient } from './render-client.js';
import { WORKER_BUNDLE } from './start-background-evaluation.js';

/**
 * The render worker of the running language server (render-client.ts), beside the server bundle.
 * `CREDAL_PREVIEW_BUDGET_MS` shortens the preview's budget (tests of the placeholder).
 */
export function startRenderWorker(connection: Connection, directory: string): RenderWorkerClient {
    const log = (message: string) => connection.console.error(`Credal server: ${message}`);
    const previewMs = Number(process.env.CREDAL_PREVIEW_BUDGET_MS);
    const client = new RenderWorkerClient(path.join(directory, WORKER_BUNDLE), log, {
        previewMs: Number.isFinite(previewMs) && previewMs > 0 ? previewMs : PREVIEW_BUDGET_MS,
        exportMs: EXPORT_BUDGET_MS
    });
    process.once('exit', () => client.dispose());
    return client;
}
