import MarkdownIt, { type MarkdownIt as Markdown, type Token } from 'markdown-it';
import { mathPlugin } from '../markdown/math-plugin.js';
import { latexDisplayMath, latexInlineMath } from './latex-formula.js';
import { latexText } from './latex-text.js';

let parser: Markdown | undefined;

/** Prose Markdown as LaTeX: headings, paragraphs, emphasis, lists, code, links, and the math
 * as the preview typeset it (latex-formula.ts). */
export function renderMarkdownAsLatex(text: string): string {
    parser ??= new MarkdownIt({ html: false, linkify: false }).use(mathPlugin);
    return blocks(parser.parse(text, {}));
}

const HEADINGS: Readonly<Record<string, string>> = { h1: 'section*', h2: 'subsection*', h3: 'subsubsection*' };

function blocks(tokens: Token[]): string {
    let out = '';
    const lists: string[] = [];
    let cellInRow = 0;
    for (const [index, token] of tokens.entries()) {
        switch (token.type) {
            case 'table_open': out += `\\begin{tabular}{${'l'.repeat(columnCount(tokens, index))}}\n\\hline\n`; break;
            case 'table_close': out += '\\hline\n\\end{tabular}\n\n'; break;
            case 'tr_open': cellInRow = 0; break;
            case 'tr_close': out += ' \\\\\n'; break;
            case 'thead_close': out += '\\hline\n'; break;
            case 'th_open':
            case 'td_open': out += cellInRow++ > 0 ? ' & ' : ''; break;
            case 'heading_open': out += `\\${HEADINGS[token.tag] ?? 'paragraph*'}{`; break;
            case 'heading_close': out += '}\n\n'; break;
            case 'paragraph_open': break;
            case 'paragraph_close': out += lists.length > 0 ? '\n' : '\n\n'; break;
            case 'inline': out += inline(token.children ?? []); break;
            case 'bullet_list_open': lists.push('itemize'); out += '\\begin{itemize}\n'; break;
            case 'ordered_list_open': lists.push('enumerate'); out += '\\begin{enumerate}\n'; break;
            case 'bullet_list_close':
            case 'ordered_list_close': out += `\\end{${lists.pop() ?? 'itemize'}}\n\n`; break;
            case 'list_item_open': out += '\\item '; break;
            case 'blockquote_open': out += '\\begin{quote}\n'; break;
            case 'blockquote_close': out += '\\end{quote}\n\n'; break;
            case 'fence':
            case 'code_block': out += `\\begin{verbatim}\n${token.content.replace(/\\end\{verbatim\}/g, '\\end {verbatim}')}\\end{verbatim}\n\n`; break;
            case 'math_block': out += `${latexDisplayMath(token.content.trim())}\n\n`; break;
            case 'hr': out += '\\medskip\\hrule\\medskip\n\n'; break;
            default: break;
        }
    }
    return out;
}

/** Cells in the first row of the table opening at `start`. */
function columnCount(tokens: Token[], start: number): number {
    let count = 0;
    for (let i = start; i < tokens.length && tokens[i].type !== 'tr_close'; i++) {
        if (tokens[i].type === 'th_open' || tokens[i].type === 'td_open') count++;
    }
    return Math.max(1, count);
}

function inline(tokens: Token[]): string {
    let out = '';
    const links: string[] = [];
    for (const token of tokens) {
        switch (token.type) {
            case 'text': out += latexText(token.content); break;
            case 'softbreak': out += '\n'; break;
            case 'hardbreak': out += '\\\\\n'; break;
            case 'em_open': out += '\\emph{'; break;
            case 'strong_open': out += '\\textbf{'; break;
            case 'em_close':
            case 'strong_close': out += '}'; break;
            case 'code_inline': out += `\\texttt{${latexText(token.content)}}`; break;
            case 'math_inline': out += latexInlineMath(token.content); break;
            case 'math_display': out += latexDisplayMath(token.content.trim()); break;
            case 'link_open': links.push(String(token.attrGet('href') ?? '')); break;
            case 'link_close': {
                const href = links.pop();
                if (href) out += ` (\\texttt{${latexText(href)}})`;
                break;
            }
            default: out += latexText(token.content ?? ''); break;
        }
    }
    return out;
}
