import { blockHtml } from './html/blocks-html.js';
import { renderBudgetSpent, withRenderBudget } from './katex-render.js';
import type { NoteBlock, NoteModel } from './model/parts.js';
import { exportNote } from './export/export-note.js';
import { exportMarkdownPost } from './export/markdown-post.js';
import type { ExportFormat } from '../protocol.js';
import { notRenderedHtml, type RenderedHtml } from './preview/preview-blocks.js';

/**
 * Wall-clock budgets for turning a note into HTML or an export, as evaluation has budgets: a note of
 * many large formulas may not hold the preview (or the CLI) for minutes. Past the budget, formulas are
 * shown as placeholders and whole blocks as a sentence that says why.
 */
export const PREVIEW_BUDGET_MS = 10_000;
export const EXPORT_BUDGET_MS = 30_000;

/** Each block's HTML, in order; `stop` is asked between blocks (a cancelled request). */
export function renderBlocksWithin(blocks: readonly NoteBlock[], budgetMs: number, stop: () => boolean = () => false): RenderedHtml[] {
    return withRenderBudget(budgetMs, () => blocks.map(block => {
        if (stop()) return { html: notRenderedHtml('the request was cancelled'), complete: false };
        if (renderBudgetSpent()) return { html: notRenderedHtml(overBudget(budgetMs)), complete: false };
        const html = blockHtml(block);
        return { html, complete: !renderBudgetSpent() };
    }));
}

/** The export of a note, formulas past the budget left as placeholders. */
/** The note exported within the budget; with `post`, the Markdown file it came from, exported as a post. */
export function exportWithin(model: NoteModel, format: ExportFormat, budgetMs: number, post?: string): string {
    return withRenderBudget(budgetMs, () => (post === undefined ? exportNote(model, format) : exportMarkdownPost(post, model, format)));
}

export function overBudget(budgetMs: number): string {
    return `the note took longer than ${budgetMs / 1000} s to render (its formulas are too many or too large)`;
}
