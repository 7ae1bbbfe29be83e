// The Credal language server over stdio (bundled to out/language-server.cjs, started by the VS Code client).
import '../../scripts/node20-polyfills.mjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCredalServices } from './credal-module.js';
import { ignoreForeignDocuments, publishCodes } from './connection-filters.js';
import { serveMarkdownNotes } from './markdown/markdown-connection.js';
import { forgetClosedEditorOnlyNotes } from './editor-only-notes.js';
import { logRequestFailuresTo } from './lsp/guarded.js';
import { registerAnalysisStatus } from './lsp/analysis-status.js';
import { registerPreviewHandlers } from './render/preview-handlers.js';
import { startRenderWorker } from './worker/start-render-worker.js';
import { startBackgroundEvaluation } from './worker/start-background-evaluation.js';

const connection = createConnection(ProposedFeatures.all);

// Whatever a document does to a request handler, the server stays up: report the fault, keep serving.
process.on('uncaughtException', error => connection.console.error(`Credal server: uncaught ${describe(error)}`));
process.on('unhandledRejection', reason => connection.console.error(`Credal server: unhandled rejection ${describe(reason)}`));

const { shared, Credal } = createCredalServices({ connection, ...NodeFileSystem });
// Credal fences in Markdown files, masked to a note of the same length (markdown/credal-fences.ts).
// Wrapped first, so that its translation runs before the foreign-document filter sees the document.
const markdownSources = serveMarkdownNotes(connection, Credal.LanguageMetaData.languageId);
// A request that fails answers empty and says why in the server's output (lsp/guarded.ts).
logRequestFailuresTo(connection.console);
ignoreForeignDocuments(connection, Credal.LanguageMetaData);
publishCodes(connection);
forgetClosedEditorOnlyNotes(shared);
// Preview and export HTML is typeset in a second worker thread, under a wall-clock budget.
registerPreviewHandlers(connection, shared, startRenderWorker(connection, __dirname), markdownSources);
// Eval/assert results and the expensive checks run in a worker thread (worker/background-evaluation.ts).
const background = startBackgroundEvaluation(connection, shared, Credal, __dirname);
// How the last change of each note was analysed, and the worker's last job ("Credal: Show Analysis Status").
registerAnalysisStatus(connection, shared, Credal, background);
startLanguageServer(shared);

function describe(error: unknown): string {
    return error instanceof Error ? error.stack ?? error.message : String(error);
}
