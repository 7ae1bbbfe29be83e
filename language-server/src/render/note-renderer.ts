import type { LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { CredalServices } from '../credal-module.js';
import type { ExportFormat, PreviewResult } from '../protocol.js';
import { isMarkdownPath } from '../markdown/credal-fences.js';
import { buildNoteModel } from './model/build-note.js';
import type { NoteBlock, NoteModel } from './model/parts.js';
import { RenderEnv } from './model/render-env.js';
import type { BlockHtmlCache } from './preview/block-html-cache.js';
import { finishPreview, planPreview, type RenderedHtml } from './preview/preview-blocks.js';
import { EXPORT_BUDGET_MS, PREVIEW_BUDGET_MS, exportWithin, renderBlocksWithin } from './render-budget.js';

/** The note of a built document as format-neutral blocks, values read from the evaluator. */
export function noteModelOf(services: CredalServices, document: LangiumDocument, token?: CancellationToken): NoteModel {
    const env = new RenderEnv(services.evaluation.Evaluator, services.linking.SetInference, token);
    return buildNoteModel(document, env, fileTitle(document.uri.path));
}

/**
 * Who turns blocks into HTML and models into exports: the render worker in the server (render-worker
 * client, worker/), this thread under the same budgets elsewhere (CLI, tests).
 */
export interface NoteRenderer {
    blocks(blocks: readonly NoteBlock[], token?: CancellationToken): Promise<RenderedHtml[]>;
    /** `post`: the Markdown file the note came from, exported as a post (its prose around the rendered fences). */
    export(model: NoteModel, format: ExportFormat, post?: string): Promise<string | undefined>;
}

/** Renders on the calling thread, within the budgets (render-budget.ts). */
export const inProcessRenderer: NoteRenderer = {
    blocks: (blocks, token) => Promise.resolve(renderBlocksWithin(blocks, PREVIEW_BUDGET_MS,
        () => token?.isCancellationRequested === true)),
    export: (model, format, post) => Promise.resolve(exportWithin(model, format, EXPORT_BUDGET_MS, post))
};

/**
 * The `credal/preview` result, rendered on this thread. Never throws: a failure becomes one error
 * block. With a cache, blocks rendered for an earlier version (or request) are reused when nothing
 * they show has changed.
 */
export function previewOf(services: CredalServices, document: LangiumDocument, token?: CancellationToken,
    cache?: BlockHtmlCache): PreviewResult {
    const base = { uri: document.uri.toString(), version: document.textDocument.version };
    try {
        const plan = planPreview(services, document, token, cache);
        const blocksToRender = plan.toRender.map(entry => entry.block);
        const rendered = renderBlocksWithin(blocksToRender, PREVIEW_BUDGET_MS, () => token?.isCancellationRequested === true);
        const { title, blocks } = finishPreview(plan, rendered, cache, token);
        return { ...base, title: title ?? fileTitle(document.uri.path), blocks };
    } catch {
        return failedPreview(document);
    }
}

/**
 * The `credal/preview` result with the HTML made by `renderer` (the worker in the server): only the
 * model is built on this thread, so a note whose formulas take long to typeset holds no other request.
 */
export async function previewWith(renderer: NoteRenderer, services: CredalServices, document: LangiumDocument,
    token?: CancellationToken, cache?: BlockHtmlCache): Promise<PreviewResult> {
    const base = { uri: document.uri.toString(), version: document.textDocument.version };
    try {
        const plan = planPreview(services, document, token, cache);
        const blocksToRender = plan.toRender.map(entry => entry.block);
        const rendered = blocksToRender.length === 0 ? [] : await renderer.blocks(blocksToRender, token);
        const { title, blocks } = finishPreview(plan, rendered, cache, token);
        return { ...base, title: title ?? fileTitle(document.uri.path), blocks };
    } catch {
        return failedPreview(document);
    }
}

function failedPreview(document: LangiumDocument): PreviewResult {
    return {
        uri: document.uri.toString(),
        version: document.textDocument.version,
        title: fileTitle(document.uri.path),
        blocks: [{ id: 'error-internal', kind: 'error', startLine: 0, endLine: 0, html: `<p class="credal-text credal-error">The preview could not be rendered.</p>` }]
    };
}

/** The note as Markdown (for LessWrong), a LaTeX document, or the standalone HTML page, within the export budget. */
export function exportNote(model: NoteModel, format: ExportFormat): string {
    return exportWithin(model, format, EXPORT_BUDGET_MS);
}

/** A note file exported: a Markdown post keeps its prose around its rendered fences (export/markdown-post.ts). */
export function exportNoteFile(filePath: string, source: string, model: NoteModel, format: ExportFormat): string {
    return exportWithin(model, format, EXPORT_BUDGET_MS, isMarkdownPath(filePath) ? source : undefined);
}

function fileTitle(filePath: string): string {
    return filePath.split('/').pop()?.replace(/\.(cred|md|markdown)$/i, '') || 'Credal note';
}
