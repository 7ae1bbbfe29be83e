import { renderMarkdownAsLatex } from './markdown-to-latex.js';
import { latexDisplayMath, latexInlineMath } from './latex-formula.js';
import { latexText } from './latex-text.js';
import { mathNotes } from './markdown-export.js';
import type { Cell, NoteModel, Part, TableStyle } from '../model/parts.js';

/** Standard packages only, so the fragment compiles anywhere (pdflatex, arXiv, Overleaf). */
const LATEX_PREAMBLE = [
    '\\documentclass[11pt]{article}',
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage[T1]{fontenc}',
    '\\usepackage{amsmath,amssymb}'
].join('\n');

/** The note as a LaTeX document: prose converted from Markdown, definitions and values as display math. */
export function latexDocument(model: NoteModel): string {
    return [
        LATEX_PREAMBLE,
        '',
        '\\begin{document}',
        '',
        latexBody(model),
        '\\end{document}',
        ''
    ].join('\n');
}

/** The body alone, to paste into an existing document with the preamble's packages. */
function latexBody(model: NoteModel): string {
    const chunks: string[] = [];
    for (const block of model.blocks) {
        const parts = block.parts.map(latexPart).filter((text): text is string => text !== undefined && text.trim() !== '');
        if (parts.length === 0) continue;
        const where = `% ${block.kind}${block.name ? ` ${block.name}` : ''}, lines ${block.startLine + 1}-${block.endLine + 1}`;
        chunks.push([where.replace(/[^\x20-\x7e]/g, '?'), ...parts].join('\n'));
    }
    return chunks.join('\n\n') + '\n';
}

function latexPart(part: Part): string | undefined {
    switch (part.type) {
        case 'markdown': return renderMarkdownAsLatex(part.text).trim();
        case 'math': return `${latexDisplayMath(part.tex, mathNotes(part))}${part.remark ? `\n\\emph{${latexText(part.remark)}}` : ''}`;
        case 'text': return part.tone === 'muted' ? `\\emph{${latexText(part.text)}}` : latexText(part.text);
        case 'figure': return part.text === undefined ? undefined : renderMarkdownAsLatex(part.text).trim();
        case 'table': return latexTable(part.caption, part.head, part.rows, part.style);
    }
}

/**
 * A table ruled with \hline (standard LaTeX only). Decision tables are set smaller with narrow
 * column gaps and two-line rule titles, so that many rules side by side still fit a page.
 */
function latexTable(caption: string, head: Cell[], rows: Cell[][], style?: TableStyle): string {
    const cell = (c: Cell): string => {
        const content = [c.tex !== undefined ? latexInlineMath(c.tex) : '', c.text !== undefined ? latexText(c.text) : '']
            .filter(p => p !== '').join(' ');
        return c.mark ? `\\textbf{${content}}` : content;
    };
    const narrow = style === 'decision';
    const headCell = (c: Cell): string => (narrow && c.tex === undefined && c.text?.includes(' ') ? twoLines(c.text) : cell(c));
    return [
        '\\begin{center}',
        ...(narrow ? ['\\footnotesize\\setlength{\\tabcolsep}{3pt}'] : []),
        `\\emph{${latexText(caption)}}\\\\[0.5ex]`,
        `\\begin{tabular}{l${'c'.repeat(Math.max(0, head.length - 1))}}`,
        '\\hline',
        `${head.map(headCell).join(' & ')}\\\\`,
        '\\hline',
        ...rows.map(row => `${row.map(cell).join(' & ')}\\\\`),
        '\\hline',
        '\\end{tabular}',
        '\\end{center}'
    ].join('\n');
}

/** `interval dominance` over two lines, as a nested one-column tabular aligned at the bottom. */
function twoLines(text: string): string {
    const space = text.indexOf(' ');
    return `\\begin{tabular}[b]{@{}c@{}}${latexText(text.slice(0, space))}\\\\${latexText(text.slice(space + 1))}\\end{tabular}`;
}
