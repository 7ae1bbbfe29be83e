import { escapeHtml } from '../html-escape.js';
import { renderMath } from '../katex-render.js';
import { renderMarkdown } from '../markdown/markdown.js';
import type { Cell, NoteBlock, Part } from '../model/parts.js';

/** The inner HTML of one preview block. Every piece of note text is escaped or goes through KaTeX/markdown-it. */
export function blockHtml(block: NoteBlock): string {
    return block.parts.map(partHtml).join('\n');
}

export function partHtml(part: Part): string {
    switch (part.type) {
        case 'markdown':
            return `<div class="credal-prose">${renderMarkdown(part.text)}</div>`;
        case 'math':
            return `<div class="credal-math">${renderMath(part.tex, true)}${notesHtml(part)}</div>`;
        case 'text':
            return `<p class="credal-text${part.tone ? ` credal-${part.tone}` : ''}">${escapeHtml(part.text)}</p>`;
        case 'figure':
            return `<figure class="credal-picture">${part.svg}<figcaption>${escapeHtml(part.caption)}</figcaption></figure>`;
        case 'table':
            return tableHtml(part.caption, part.head, part.rows);
    }
}

function notesHtml(part: Extract<Part, { type: 'math' }>): string {
    return [
        part.approx !== undefined ? `<span class="credal-note">≈ ${escapeHtml(part.approx)}</span>` : '',
        part.claim === 'holds' ? '<span class="credal-claim-ok" title="the claim holds">✓</span>' : '',
        part.claim === 'fails' ? '<span class="credal-claim-failed" title="the claim is false">✗</span>' : '',
        part.remark !== undefined ? `<span class="credal-note">${escapeHtml(part.remark)}</span>` : ''
    ].join('');
}

function tableHtml(caption: string, head: Cell[], rows: Cell[][]): string {
    const cell = (c: Cell, tag: 'td' | 'th'): string =>
        `<${tag}${c.mark ? ' class="credal-chosen"' : ''}>${c.tex !== undefined ? renderMath(c.tex, false) : ''}${c.text !== undefined ? escapeHtml(c.text) : ''}</${tag}>`;
    return [
        '<div class="credal-table-wrap"><table class="credal-table">',
        `<caption>${escapeHtml(caption)}</caption>`,
        `<thead><tr>${head.map(c => cell(c, 'th')).join('')}</tr></thead>`,
        `<tbody>${rows.map(row => `<tr>${row.map((c, i) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`).join('')}</tbody>`,
        '</table></div>'
    ].join('');
}
