import MarkdownIt from 'markdown-it';
import { scanMath } from '../markdown/math-delimiters.js';
import { isSafeLink } from '../markdown/markdown.js';

/**
 * Prose Markdown made to say in any Markdown renderer what the preview shows: the preview reads it with
 * raw HTML off, images off and only web, mail and in-page links (markdown.ts), so here raw HTML is
 * escaped (`<b>` becomes `&lt;b>`, shown as text), a link or reference definition the preview refuses is
 * broken with a backslash (shown as the text it is), and `![…](…)` loses its `!` image meaning. Code
 * spans and fenced code are copied as they are (they show their text anyway); inside `$` math a `<`
 * before a letter becomes `\lt` (MathJax and KaTeX read it, an HTML parser cannot).
 */
export function safeMarkdown(text: string): string {
    let out = '';
    let lineStart = true;
    for (let i = 0; i < text.length;) {
        const ch = text[i];
        if (lineStart) {
            const end = fencedCodeEnd(text, i);
            if (end !== undefined) {
                out += text.slice(i, end);
                i = end;
                continue;
            }
            const definition = /^ {0,3}\[/.exec(text.slice(i, i + 4));
            if (definition && !definitionIsSafe(text, i)) {
                out += `${definition[0].slice(0, -1)}\\[`;
                i += definition[0].length;
                lineStart = false;
                continue;
            }
        }
        lineStart = ch === '\n';
        if (ch === '\\') {
            out += text.slice(i, i + 2);
            i += 2;
            continue;
        }
        if (ch === '`') {
            const end = codeSpanEnd(text, i);
            out += text.slice(i, end);
            i = end;
            continue;
        }
        if (ch === '$') {
            const span = scanMath(text, i);
            if (span) {
                const open = span.display ? '$$' : '$';
                out += `${open}${span.tex.replace(/<(?=[A-Za-z/!?])/g, '\\lt ')}${open}`;
                lineStart = false;
                i = span.end;
                continue;
            }
        }
        if (ch === '<') {
            const autolink = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>/.exec(text.slice(i, i + 2048));
            const keep = autolink !== null && isSafeLink(autolink[1].includes(':') ? autolink[1] : `mailto:${autolink[1]}`);
            if (keep) {
                out += autolink[0];
                i += autolink[0].length;
            } else {
                out += /[A-Za-z/!?]/.test(text[i + 1] ?? '') ? '&lt;' : '<';
                i++;
            }
            continue;
        }
        if (ch === ']' && text[i + 1] === '(' && !isSafeLink(linkDestination(text, i + 2))) {
            out += '\\]';
            i++;
            continue;
        }
        if (ch === '!' && text[i + 1] === '[') {
            out += '\\!';
            i++;
            continue;
        }
        out += ch;
        i++;
    }
    return out;
}

let decoder: InstanceType<typeof MarkdownIt> | undefined;

/** A link destination as markdown-it would hand it to the link check: entities and escapes decoded. */
function decoded(raw: string): string {
    decoder ??= new MarkdownIt();
    return decoder.utils.unescapeAll(raw);
}

/** The destination of an inline link whose `(` is just before `from`. */
function linkDestination(text: string, from: number): string {
    let i = from;
    while (i < text.length && /[ \t\n]/.test(text[i])) i++;
    if (text[i] === '<') {
        const close = text.indexOf('>', i + 1);
        return decoded(text.slice(i + 1, close < 0 ? text.length : close));
    }
    let depth = 0;
    const start = i;
    for (; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\\') {
            i++;
            continue;
        }
        if (/\s/.test(ch) || (ch === ')' && depth === 0)) break;
        if (ch === '(') depth++;
        if (ch === ')') depth--;
    }
    return decoded(text.slice(start, i));
}

/** A line `[label]: destination` is a link definition; it may stay only if its destination is one the preview keeps. */
function definitionIsSafe(text: string, lineStart: number): boolean {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const match = /^ {0,3}\[(?:[^\]\\]|\\.)*\]:[ \t]*(\S*)/.exec(line);
    if (!match) return true;
    const destination = match[1] !== '' ? match[1] : /^\s*(\S*)/.exec(text.slice(lineStart + line.length))?.[1] ?? '';
    return isSafeLink(decoded(destination.replace(/^<(.*)>$/, '$1')));
}

/** Just past the code span opening at `start` (a backtick run), or past the run when nothing closes it. */
function codeSpanEnd(text: string, start: number): number {
    let run = start;
    while (text[run] === '`') run++;
    const ticks = text.slice(start, run);
    for (let at = text.indexOf(ticks, run); at >= 0; at = text.indexOf(ticks, at + ticks.length)) {
        let after = at + ticks.length;
        if (text[after] !== '`') return after;
        while (text[after] === '`') after++;
        at = after - ticks.length;
    }
    return run;
}

/**
 * Just past the fenced code block whose opening fence starts the line at `start`, or undefined when
 * there is none. Only an unindented fence that is closed counts (an indented one may sit in a list
 * item and end with it), so text after it can never be taken for code by mistake.
 */
function fencedCodeEnd(text: string, start: number): number | undefined {
    const lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) return undefined;
    const opening = /^(`{3,}|~{3,})([^\n]*)$/.exec(text.slice(start, lineEnd));
    if (!opening || (opening[1][0] === '`' && opening[2].includes('`'))) return undefined;
    const closing = new RegExp(`\\n {0,3}${opening[1][0]}{${opening[1].length},}[ \\t]*(?=\\n|$)`, 'g');
    closing.lastIndex = lineEnd;
    const match = closing.exec(text);
    return match ? match.index + match[0].length : undefined;
}
