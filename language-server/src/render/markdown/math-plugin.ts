import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';
import { renderMath } from '../katex-render.js';
import { scanMath } from './math-delimiters.js';

/**
 * `$…$` and `$$…$$` for markdown-it, typeset by KaTeX on the server. Inline math follows pandoc's
 * rules (math-delimiters.ts); a paragraph that opens with `$$` may span blank lines until the closing
 * `$$`, as in LaTeX.
 */
export function mathPlugin(md: MarkdownIt): void {
    md.inline.ruler.after('escape', 'math_inline', mathInline);
    md.block.ruler.before('paragraph', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
    md.renderer.rules.math_inline = (tokens, index) => renderMath(tokens[index].content, false);
    md.renderer.rules.math_display = (tokens, index) => renderMath(tokens[index].content, true);
    md.renderer.rules.math_block = (tokens, index) => `<div class="math-display">${renderMath(tokens[index].content, true)}</div>\n`;
}

function mathInline(state: StateInline, silent: boolean): boolean {
    const span = scanMath(state.src, state.pos, state.posMax);
    if (!span) return false;
    if (!silent) {
        const token = state.push(span.display ? 'math_display' : 'math_inline', 'math', 0);
        token.content = span.tex;
        token.markup = span.display ? '$$' : '$';
    }
    state.pos = span.end;
    return true;
}

/** A paragraph that starts with `$$` and whose formula ends a line; it may span blank lines. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
    const lineStart = state.bMarks[startLine] + state.tShift[startLine];
    if (state.sCount[startLine] - state.blkIndent >= 4 || !state.src.startsWith('$$', lineStart)) return false;
    let line = startLine;
    let close = -1;
    for (; line < endLine; line++) {
        const from = line === startLine ? lineStart + 2 : state.bMarks[line] + state.tShift[line];
        const to = state.eMarks[line];
        const at = state.src.slice(from, to).indexOf('$$');
        if (at >= 0) {
            // `$$a$$ and more text` is an inline formula inside a paragraph, not a block.
            if (state.src.slice(from + at + 2, to).trim() !== '') return false;
            close = from + at;
            break;
        }
    }
    if (close < 0 || state.src.slice(lineStart + 2, close).trim() === '') return false;
    if (silent) return true;
    const token = state.push('math_block', 'math', 0);
    token.block = true;
    token.content = state.src.slice(lineStart + 2, close);
    token.map = [startLine, line + 1];
    token.markup = '$$';
    state.line = line + 1;
    return true;
}
