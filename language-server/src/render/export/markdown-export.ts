import { scanMath } from '../markdown/math-delimiters.js';
import type { Cell, NoteModel, Part } from '../model/parts.js';
import { safeMarkdown } from './markdown-safe.js';

/**
 * The note as Markdown that LessWrong's editor (pandoc `$` rules, MathJax 2) accepts: display math as
 * `$$…$$` with no blank line inside, `\mid` instead of `|` in table cells, literal dollars escaped,
 * pictures left out (they are drawn, not written), raw HTML and the links the preview refuses shown as
 * text (markdown-safe.ts).
 */
export function markdownDocument(model: NoteModel): string {
    const chunks: string[] = [];
    for (const block of model.blocks) {
        for (const part of block.parts) {
            const text = markdownPart(part);
            if (text !== undefined && text.trim() !== '') chunks.push(text);
        }
    }
    return chunks.join('\n\n') + '\n';
}

function markdownPart(part: Part): string | undefined {
    switch (part.type) {
        case 'markdown': return withoutBlankLinesInDisplayMath(safeMarkdown(part.text));
        case 'math': return `$$${oneLine(part.tex)}${mathNotes(part)}$$${part.remark ? `\n\n*${escapeMarkdownText(part.remark)}*` : ''}`;
        case 'text': return part.tone === 'muted' ? `*${escapeMarkdownText(part.text)}*` : escapeMarkdownText(part.text);
        case 'figure': return part.text;
        case 'table': return markdownTable(part.caption, part.head, part.rows);
    }
}

/** The verdict and decimal travel inside the formula, in commands MathJax 2 knows (amssymb). */
export function mathNotes(part: Extract<Part, { type: 'math' }>): string {
    return (part.approx !== undefined ? `\\approx ${part.approx}` : '')
        + (part.claim === 'holds' ? '\\qquad\\checkmark' : part.claim === 'fails' ? '\\qquad\\text{(false)}' : '');
}

function markdownTable(caption: string, head: Cell[], rows: Cell[][]): string {
    const cell = (c: Cell): string => {
        const parts = [c.tex !== undefined ? `$${oneLine(c.tex).replace(/\|/g, '\\mid ')}$` : '', c.text !== undefined ? escapeMarkdownText(c.text) : ''];
        const content = parts.filter(p => p !== '').join(' ');
        return c.mark ? `**${content}**` : content;
    };
    return [
        `*${escapeMarkdownText(caption)}*`,
        '',
        `| ${head.map(cell).join(' | ')} |`,
        `|${head.map(() => ' --- ').join('|')}|`,
        ...rows.map(row => `| ${row.map(cell).join(' | ')} |`)
    ].join('\n');
}

/** Generated formulas never contain newlines, but keep the promise for any that might. */
function oneLine(tex: string): string {
    return tex.replace(/\s*\n\s*/g, ' ');
}

/**
 * Authors may leave a blank line inside `$$…$$` (LaTeX allows it in display math written over lines);
 * Markdown would end the paragraph there, so blank lines inside display math are dropped.
 */
export function withoutBlankLinesInDisplayMath(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\') {
            out += text.slice(i, i + 2);
            i++;
            continue;
        }
        const span = text[i] === '$' && text[i + 1] === '$' ? scanMath(text, i) : undefined;
        if (span?.display) {
            out += `$$${span.tex.replace(/\n[ \t]*(?=\n)/g, '')}$$`;
            i = span.end - 1;
            continue;
        }
        out += text[i];
    }
    return out;
}

/** Plain text as Markdown: characters Markdown or the `$` math reader would interpret are escaped. */
function escapeMarkdownText(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#|$~]/g, ch => `\\${ch}`);
}
