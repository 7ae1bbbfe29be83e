import type { LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { CredalServices } from '../credal-module.js';
import type { ExportFormat, PreviewResult } from '../protocol.js';
import { latexDocument } from './export/latex-export.js';
import { markdownDocument } from './export/markdown-export.js';
import { buildNoteModel } from './model/build-note.js';
import type { NoteModel } from './model/parts.js';
import { RenderEnv } from './model/render-env.js';
import { standalonePage } from './page/standalone-page.js';
import type { BlockHtmlCache } from './preview/block-html-cache.js';
import { previewBlocks } from './preview/preview-blocks.js';

/** The note of a built document as format-neutral blocks, values read from the evaluator. */
export function noteModelOf(services: CredalServices, document: LangiumDocument, token?: CancellationToken): NoteModel {
    const env = new RenderEnv(services.evaluation.Evaluator, services.linking.SetInference, token);
    return buildNoteModel(document, env, fileTitle(document.uri.path));
}

/**
 * The `credal/preview` result. Never throws: a failure becomes one error block. With a cache, blocks
 * rendered for an earlier version (or request) are reused when nothing they show has changed.
 */
export function previewOf(services: CredalServices, document: LangiumDocument, token?: CancellationToken,
    cache?: BlockHtmlCache): PreviewResult {
    const base = { uri: document.uri.toString(), version: document.textDocument.version };
    try {
        const { title, blocks } = previewBlocks(services, document, token, cache);
        return { ...base, title: title ?? fileTitle(document.uri.path), blocks };
    } catch (error) {
        return {
            ...base,
            title: fileTitle(document.uri.path),
            blocks: [{ id: 'error-internal', kind: 'error', startLine: 0, endLine: 0,
                html: `<p class="credal-text credal-error">The preview could not be rendered.</p>` }]
        };
    }
}

/** The note as Markdown (for LessWrong), a LaTeX document, or the standalone HTML page. */
export function exportNote(model: NoteModel, format: ExportFormat): string {
    switch (format) {
        case 'markdown': return markdownDocument(model);
        case 'latex': return latexDocument(model);
        case 'html': return standalonePage(model);
    }
}

function fileTitle(filePath: string): string {
    return filePath.split('/').pop()?.replace(/\.cred$/, '') || 'Credal note';
}
