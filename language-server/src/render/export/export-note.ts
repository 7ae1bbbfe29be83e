import type { ExportFormat } from '../../protocol.js';
import type { NoteModel } from '../model/parts.js';
import { standalonePage } from '../page/standalone-page.js';
import { latexDocument } from './latex-export.js';
import { markdownDocument } from './markdown-export.js';

/** The note as Markdown (for LessWrong), a LaTeX document, or the standalone HTML page. */
export function exportNote(model: NoteModel, format: ExportFormat): string {
    switch (format) {
        case 'markdown': return markdownDocument(model);
        case 'latex': return latexDocument(model);
        case 'html': return standalonePage(model);
    }
}
