import type { CredalFence } from '../../markdown/credal-fences.js';
import type { MarkdownFencePreview, PreviewBlock } from '../../protocol.js';
import { escapeHtml } from '../html-escape.js';

/**
 * The preview blocks of a Markdown note grouped by the fence they come from, each block in a section
 * as in the Credal preview. Syntax-error blocks sit on the line of the error, so they land in their fence.
 */
export function fencePreviews(fences: readonly CredalFence[], blocks: readonly PreviewBlock[]): MarkdownFencePreview[] {
    return fences.map(fence => ({
        openLine: fence.openLine,
        closeLine: fence.closeLine,
        html: blocks
            .filter(block => block.startLine > fence.openLine && block.startLine < fence.closeLine)
            .map(block => `<section class="credal-block credal-block-${block.kind}" data-block-id="${escapeHtml(block.id)}">\n`
                + `${block.html}\n</section>`)
            .join('\n')
    }));
}
