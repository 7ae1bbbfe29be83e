import { DocumentState } from 'langium';
import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CredalServices } from '../credal-module.js';
import {
    ExportRequestMethod, PreviewInvalidatedNotificationMethod, PreviewRequestMethod,
    type ExportParams, type ExportResult, type PreviewInvalidatedParams, type PreviewParams, type PreviewResult
} from '../protocol.js';
import { inProcessRenderer, noteModelOf, previewWith, type NoteRenderer } from './note-renderer.js';
import { BlockHtmlCache } from './preview/block-html-cache.js';

const FORMATS = new Set(['markdown', 'latex', 'html']);

/**
 * `credal/preview` and `credal/export` (answered once the document is validated, cancellable), and
 * `credal/previewInvalidated` each time a document is validated again. The note's blocks are built here
 * from the evaluator's values; `renderer` (the render worker in the server) typesets them, so that a note
 * whose formulas are slow to typeset holds no other request. Register before `startLanguageServer`.
 */
export function registerPreviewHandlers(connection: Connection, shared: LangiumSharedServices, renderer: NoteRenderer = inProcessRenderer): void {
    // One cache for every note and version: a request re-renders only the blocks an edit affected.
    const blockCache = new BlockHtmlCache();
    connection.onRequest(PreviewRequestMethod, createRequestHandler<PreviewParams, PreviewResult>((services, document, _params, token) => {
        if (!isCredal(services)) return null;
        return previewWith(renderer, services, document, token, blockCache);
    }, shared, DocumentState.Validated));

    connection.onRequest(ExportRequestMethod, createRequestHandler<ExportParams, ExportResult>(async (services, document, params, token) => {
        if (!isCredal(services) || !FORMATS.has(params.format)) return null;
        try {
            const text = await renderer.export(noteModelOf(services, document, token), params.format);
            return text === undefined ? null : { text };
        } catch {
            return null;
        }
    }, shared, DocumentState.Validated));

    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        const params: PreviewInvalidatedParams = { uri: document.uri.toString(), version: document.textDocument.version };
        void connection.sendNotification(PreviewInvalidatedNotificationMethod, params).catch(() => undefined);
    });
}

function isCredal(services: object): services is CredalServices {
    return 'evaluation' in services && 'linking' in services;
}
