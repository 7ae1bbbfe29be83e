import { escapeHtml } from '../html-escape.js';
import { renderMath } from '../katex-render.js';
import { renderMarkdown } from '../markdown/markdown.js';
import type { Cell, NoteBlock, Part, TableStyle, TreeHighlight } from '../model/parts.js';
import { TreeMarkup } from '../../protocol.js';

/** The inner HTML of one preview block. Every piece of note text is escaped or goes through KaTeX/markdown-it. */
export function blockHtml(block: NoteBlock): string {
    return block.parts.map(partHtml).join('\n');
}

function partHtml(part: Part): string {
    switch (part.type) {
        case 'markdown':
            return `<div class="credal-prose">${renderMarkdown(part.text)}</div>`;
        case 'math':
            return `<div class="credal-math">${renderMath(part.tex, true)}${notesHtml(part)}</div>`;
        case 'text':
            return `<p class="credal-text${part.tone ? ` credal-${part.tone}` : ''}">${escapeHtml(part.text)}</p>`;
        case 'figure':
            return part.highlight ? treeFigureHtml(part.svg, part.highlight)
                : `<figure class="credal-picture">${part.svg}<figcaption>${escapeHtml(part.caption)}</figcaption></figure>`;
        case 'table':
            return tableHtml(part.caption, part.head, part.rows, part.style);
    }
}

/** A tree's drawing marked for the preview's rule selector (protocol.ts, TreeMarkup); complete as it is without script. */
function treeFigureHtml(svg: string, highlight: TreeHighlight): string {
    const rules = JSON.stringify(highlight.rules.map(r => [r.kind, r.title]));
    return `<figure class="credal-picture ${TreeMarkup.figure}" data-tree="${escapeHtml(highlight.tree)}" data-rule="${escapeHtml(highlight.rule.kind)}" `
        + `data-rules="${escapeHtml(rules)}">${svg}<figcaption>${escapeHtml(highlight.before)}<span class="${TreeMarkup.ruleName}">`
        + `${escapeHtml(highlight.rule.title)}</span>${escapeHtml(highlight.after)}</figcaption></figure>`;
}

function notesHtml(part: Extract<Part, { type: 'math' }>): string {
    return [
        part.approx !== undefined ? `<span class="credal-note">≈ ${escapeHtml(part.approx)}</span>` : '',
        part.claim === 'holds' ? '<span class="credal-claim-ok" title="the claim holds">✓</span>' : '',
        part.claim === 'fails' ? '<span class="credal-claim-failed" title="the claim is false">✗</span>' : '',
        part.remark !== undefined ? `<span class="credal-note">${escapeHtml(part.remark)}</span>` : ''
    ].join('');
}

/**
 * The caption sits outside the table so a narrow table keeps a one-line caption; wide tables scroll
 * inside their block (the act column stays in view), so the page never clips them.
 */
function tableHtml(caption: string, head: Cell[], rows: Cell[][], style?: TableStyle): string {
    const cell = (c: Cell, tag: 'td' | 'th'): string => {
        const classes = [c.mark ? 'credal-chosen' : '', c.muted ? 'credal-cell-muted' : ''].filter(Boolean).join(' ');
        return `<${tag}${classes ? ` class="${classes}"` : ''}>${c.tex !== undefined ? renderMath(c.tex, false) : ''}${c.text !== undefined ? escapeHtml(c.text) : ''}</${tag}>`;
    };
    return [
        `<figure class="credal-table-figure${style ? ` credal-table-figure-${style}` : ''}"><figcaption class="credal-table-caption">${escapeHtml(caption)}</figcaption>`,
        `<div class="credal-table-wrap"><table class="credal-table${style ? ` credal-table-${style}` : ''}">`,
        `<thead><tr>${head.map(c => cell(c, 'th')).join('')}</tr></thead>`,
        `<tbody>${rows.map(row => `<tr>${row.map((c, i) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`).join('')}</tbody>`,
        '</table></div></figure>'
    ].join('');
}
