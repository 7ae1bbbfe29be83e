import { credalFences, type CredalFence } from '../../markdown/credal-fences.js';
import type { ExportFormat } from '../../protocol.js';
import type { NoteBlock, NoteModel } from '../model/parts.js';
import { standalonePage } from '../page/standalone-page.js';
import { latexDocument } from './latex-export.js';
import { markdownDocument } from './markdown-export.js';

/**
 * A Markdown file with credal fences, exported. To Markdown: the post itself, each fence (markers
 * included) replaced by its blocks in LessWrong-safe Markdown, every other line as written. To LaTeX
 * and HTML: the prose between the fences becomes prose blocks of the note, in file order.
 * `model` is the note of the masked file, so its blocks carry Markdown-file lines.
 */
export function exportMarkdownPost(source: string, model: NoteModel, format: ExportFormat): string {
    const fences = credalFences(source);
    if (format === 'markdown') return postWithRenderedFences(source, fences, model);
    const withProse: NoteModel = { title: postTitle(source) ?? model.title, blocks: proseAndFenceBlocks(source, fences, model) };
    return format === 'latex' ? latexDocument(withProse) : standalonePage(withProse);
}

/** The blocks whose source lies inside a fence. */
function blocksInFence(blocks: readonly NoteBlock[], fence: CredalFence): NoteBlock[] {
    return blocks.filter(block => block.startLine > fence.openLine && block.startLine < fence.closeLine);
}

function postWithRenderedFences(source: string, fences: readonly CredalFence[], model: NoteModel): string {
    const lines = source.split(/\r\n|\r|\n/);
    const newline = /\r\n|\r|\n/.exec(source)?.[0] ?? '\n';
    const out: string[] = [];
    let line = 0;
    for (const fence of fences) {
        out.push(...lines.slice(line, fence.openLine));
        const rendered = markdownDocument({ title: model.title, blocks: blocksInFence(model.blocks, fence) }).trim();
        if (rendered !== '') {
            // A rendering glued to a paragraph would join it: keep a blank line on each side.
            if (out.length > 0 && out[out.length - 1].trim() !== '') out.push('');
            out.push(...rendered.split('\n'));
            const next = lines[fence.closeLine + 1];
            if (next !== undefined && next.trim() !== '') out.push('');
        }
        line = fence.closeLine + 1;
    }
    out.push(...lines.slice(line));
    return out.join(newline);
}

/** Prose blocks for the Markdown between fences, and each fence's blocks, sorted by line. */
function proseAndFenceBlocks(source: string, fences: readonly CredalFence[], model: NoteModel): NoteBlock[] {
    const lines = source.split(/\r\n|\r|\n/);
    const blocks: NoteBlock[] = [];
    const prose = (from: number, to: number) => {
        const text = lines.slice(from, to).join('\n');
        if (text.trim() !== '') {
            const endLine = Math.max(from, to - 1);
            blocks.push({ id: `prose-md-L${from + 1}`, kind: 'prose', startLine: from, endLine, parts: [{ type: 'markdown', text }] });
        }
    };
    let line = 0;
    for (const fence of fences) {
        prose(line, fence.openLine);
        blocks.push(...blocksInFence(model.blocks, fence));
        line = fence.closeLine + 1;
    }
    prose(line, lines.length);
    return blocks;
}

/** The post's first `# heading`, as plain text. */
function postTitle(source: string): string | undefined {
    const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(source);
    return heading?.[1].replace(/\$([^$]*)\$/g, '$1').replace(/[*_`\\]/g, '').trim() || undefined;
}
