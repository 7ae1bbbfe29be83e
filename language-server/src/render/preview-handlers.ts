import { DocumentState } from 'langium';
import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CredalServices } from '../credal-module.js';
import type { CredalFence } from '../markdown/credal-fences.js';
import {
    ExportRequestMethod, MarkdownFencesRequestMethod, PreviewInvalidatedNotificationMethod, PreviewRequestMethod,
    type ExportParams, type ExportResult, type MarkdownFencesParams, type MarkdownFencesResult,
    type PreviewInvalidatedParams, type PreviewParams, type PreviewResult
} from '../protocol.js';
import { inProcessRenderer, noteModelOf, previewWith, type NoteRenderer } from './note-renderer.js';
import { BlockHtmlCache } from './preview/block-html-cache.js';
import { fencePreviews } from './preview/fence-previews.js';

const FORMATS = new Set(['markdown', 'latex', 'html']);

/**
 * `credal/preview`, `credal/export` and `credal/markdownFences` (answered once the document is
 * validated, cancellable), and `credal/previewInvalidated` each time a document is validated again. The
 * note's blocks are built here from the evaluator's values; `renderer` (the render worker in the server)
 * typesets them, so that a note whose formulas are slow to typeset holds no other request. `markdown` knows
 * the open Markdown documents: their fences are previewed one by one, and their export is the post with each
 * fence rendered. Register before `startLanguageServer`.
 */
export function registerPreviewHandlers(
    connection: Connection,
    shared: LangiumSharedServices,
    renderer: NoteRenderer = inProcessRenderer,
    markdown: MarkdownDocuments = { fencesOf: () => undefined, sourceOf: () => undefined }
): void {
    // One cache for every note and version: a request re-renders only the blocks an edit affected.
    const blockCache = new BlockHtmlCache();
    connection.onRequest(PreviewRequestMethod, createRequestHandler<PreviewParams, PreviewResult>((services, document, _params, token) => {
        if (!isCredal(services)) return null;
        return previewWith(renderer, services, document, token, blockCache);
    }, shared, DocumentState.Validated));

    type FencesHandler = Parameters<typeof createRequestHandler<MarkdownFencesParams, MarkdownFencesResult>>[0];
    const fencesOf: FencesHandler = async (services, document, _params, token) => {
        if (!isCredal(services)) return null;
        const uri = document.uri.toString();
        const fences = markdown.fencesOf(uri) ?? [];
        const preview = await previewWith(renderer, services, document, token, blockCache);
        return { uri, version: preview.version, fences: fencePreviews(fences, preview.blocks) };
    };
    connection.onRequest(MarkdownFencesRequestMethod, createRequestHandler(fencesOf, shared, DocumentState.Validated));

    connection.onRequest(ExportRequestMethod, createRequestHandler<ExportParams, ExportResult>(
        async (services, document, params, token) => {
        if (!isCredal(services) || !FORMATS.has(params.format)) return null;
        try {
            await services.evaluation.Evaluator.offload?.settled(document, token);
            const model = noteModelOf(services, document, token);
            // A Markdown post keeps its prose around the rendered fences; typeset by the renderer like any note.
            const text = await renderer.export(model, params.format, markdown.sourceOf(document.uri.toString()));
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

/** The open Markdown documents, as the connection sees them (markdown/markdown-connection.ts). */
interface MarkdownDocuments {
    fencesOf(uri: string): readonly CredalFence[] | undefined;
    sourceOf(uri: string): string | undefined;
}

function isCredal(services: object): services is CredalServices {
    return 'evaluation' in services && 'linking' in services;
}
