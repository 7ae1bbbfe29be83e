import { needsSpaces, respellOperator } from './operator-spelling.js';
import type { BracePair, SourceToken, TokenRoles } from './token-roles.js';
import type { OperatorSpelling } from '../settings.js';

interface LayoutOptions {
    readonly operators: OperatorSpelling;
    readonly alignMappings: boolean;
    /** One indentation step: two spaces, four, or a tab (from the editor's formatting options). */
    readonly indent: string;
    readonly newline: string;
}

/** The formatted text as the tokens' new spellings and the whitespace before each of them. */
interface Layout {
    /** `gaps[i]` goes before token i; `gaps[tokens.length]` ends the file. */
    readonly gaps: string[];
    readonly texts: string[];
}

const WORD_END = /[A-Za-z0-9_'\u2032\u2033\u0370-\u03FF\u1F00-\u1FFF.\\]$/;
const WORD_START = /^[A-Za-z0-9_\u0370-\u03FF\u1F00-\u1FFF\\]/;

/**
 * The layout rules, token by token. Line breaks: every statement, clause, act and policy starts a
 * line; a mapping or constraint block written over several lines gets one entry per line; otherwise
 * the author's line breaks are kept (at most one blank line). Indentation is one step per bracket
 * opened on an earlier line, plus one for a continuation line. Spaces: one around operators and
 * after commas and colons, none inside parentheses, the author's choice around `/`, `*`, `^`, `..`
 * and inside one-line braces. Comments and prose are copied byte for byte; trailing `//` comments
 * of neighbouring lines are aligned.
 */
export function layoutTokens(source: string, tokens: readonly SourceToken[], roles: TokenRoles, options: LayoutOptions): Layout {
    const texts = tokens.map(token => {
        const operator = roles.operators.get(token.offset);
        return operator ? respellOperator(operator.rule, token.text, options.operators, operator.product) : token.text;
    });
    const gaps: string[] = [];
    /** Open brackets, each with the indentation level of the line it was opened on. */
    const open: { pair?: BracePair; lineLevel: number }[] = [];
    let lineLevel = 0;
    const trailingComments: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (i === 0) {
            gaps.push('');
        } else {
            const previous = tokens[i - 1];
            const original = source.slice(previous.end, token.offset);
            const newlines = countNewlines(original);
            if (breaksLine(tokens, i, roles, newlines > 0)) {
                const closer = isCloser(token.text) ? open[open.length - 1] : undefined;
                const base = closer ? closer.lineLevel : (open.length > 0 ? open[open.length - 1].lineLevel + 1 : 0);
                const level = base + (isContinuation(token, roles, closer !== undefined) ? 1 : 0);
                lineLevel = level;
                const blank = Math.min(Math.max(newlines - 1, 0), 1);
                gaps.push(options.newline.repeat(blank + 1) + options.indent.repeat(level));
            } else {
                gaps.push(spaceBetween(tokens, texts, i, roles, original));
                if (token.comment && (token.comment === 'line' || endsLine(source, tokens, i))) {
                    trailingComments.push(i);
                }
            }
        }
        if (isOpener(token.text)) {
            open.push({ pair: roles.braces.get(token.offset), lineLevel });
        } else if (isCloser(token.text)) {
            open.pop();
        }
    }
    gaps.push(tokens.length > 0 ? options.newline : '');
    const layout = { gaps, texts };
    // Alignment only adds spaces inside lines, so line numbers are fixed from here on.
    const lines = lineNumbers(layout);
    if (options.alignMappings) {
        for (const group of roles.alignGroups) {
            alignGroup(layout, lines, group.map(offset => indexOfOffset(tokens, offset)).filter(index => index >= 0));
        }
    }
    alignTrailingComments(layout, lines, source, tokens, trailingComments);
    return { gaps: layout.gaps, texts: layout.texts };
}

/** Whether token i starts a new line. */
function breaksLine(tokens: readonly SourceToken[], i: number, roles: TokenRoles, hadNewline: boolean): boolean {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (previous.comment === 'line') {
        return true;
    }
    if (token.comment) {
        return hadNewline; // a comment stays trailing or on its own line, as written
    }
    if (roles.lineStarts.has(token.offset)) {
        return true;
    }
    const closing = roles.closingBraces.get(token.offset);
    if (closing && (closing.block || closing.onePerLine)) {
        return previous.offset !== closing.open;
    }
    const previousOpen = roles.braces.get(previous.offset);
    if (previousOpen && (previousOpen.block || previousOpen.onePerLine) && token.offset !== previousOpen.close) {
        return true;
    }
    if (roles.itemStarts.has(token.offset) && insideOnePerLine(tokens, i, roles)) {
        return true;
    }
    return hadNewline;
}

/** Whether token i is an item directly inside a one-entry-per-line literal. */
function insideOnePerLine(tokens: readonly SourceToken[], i: number, roles: TokenRoles): boolean {
    let depth = 0;
    for (let j = i - 1; j >= 0; j--) {
        const text = tokens[j].text;
        if (tokens[j].comment) {
            continue;
        }
        if (isCloser(text)) {
            depth++;
        } else if (isOpener(text)) {
            if (depth === 0) {
                const pair = roles.braces.get(tokens[j].offset);
                return pair?.onePerLine === true;
            }
            depth--;
        }
    }
    return false;
}

/** A line that starts in the middle of a statement or item is indented one more step. */
function isContinuation(token: SourceToken, roles: TokenRoles, isClosing: boolean): boolean {
    return !(isClosing || token.comment || roles.lineStarts.has(token.offset) || roles.itemStarts.has(token.offset));
}

/** The spaces between token i and the one before it on the same line. */
function spaceBetween(tokens: readonly SourceToken[], texts: readonly string[], i: number, roles: TokenRoles, original: string): string {
    const token = tokens[i];
    const previous = tokens[i - 1];
    const text = texts[i];
    const previousText = texts[i - 1];
    if (token.comment || previous.comment) {
        return ' ';
    }
    const wordy = (index: number) => roles.operators.has(tokens[index].offset) && needsSpaces(texts[index]);
    if (wordy(i) || wordy(i - 1)) {
        return ' ';
    }
    let gap = naturalGap(tokens, i, roles, original);
    if (gap === '' && WORD_END.test(previousText) && WORD_START.test(text)) {
        gap = ' '; // never glue two words into one
    }
    return gap;
}

function naturalGap(tokens: readonly SourceToken[], i: number, roles: TokenRoles, original: string): string {
    const token = tokens[i];
    const previous = tokens[i - 1];
    const closing = roles.closingBraces.get(token.offset);
    const opening = roles.braces.get(previous.offset);
    if (opening && !opening.block && opening.close === token.offset) {
        return ''; // `{}`
    }
    if (opening && !opening.block) {
        return opening.padded ? ' ' : '';
    }
    if (closing && !closing.block) {
        return closing.padded ? ' ' : '';
    }
    if (token.text === ',' || token.text === ':' || token.text === ')' || token.text === ']') {
        return '';
    }
    if (previous.text === '(' || previous.text === '[') {
        return '';
    }
    if (roles.glued.has(token.offset)) {
        return '';
    }
    if (roles.operators.get(previous.offset)?.rule === 'SignOp') {
        return '';
    }
    if (roles.keepSpacing.has(token.offset) || roles.keepSpacing.has(previous.offset)) {
        return original.length > 0 ? ' ' : '';
    }
    return ' ';
}

/** Pads the whitespace before each token of the group so that all of them start at one column. */
function alignGroup(layout: Layout, lines: readonly number[], members: number[]): void {
    const onOwnLines = new Set(members.map(index => lines[index]));
    if (members.length < 2 || onOwnLines.size !== members.length) {
        return;
    }
    const columns = members.map(index => columnOf(layout, index));
    const target = Math.max(...columns);
    members.forEach((index, k) => {
        layout.gaps[index] += ' '.repeat(target - columns[k]);
    });
}

/**
 * Trailing comments on consecutive lines line up: at the furthest of (end of code + 1 space) and
 * the column the author had, so a hand-aligned block keeps its column and the result is stable.
 */
function alignTrailingComments(layout: Layout, lines: readonly number[], source: string, tokens: readonly SourceToken[],
    comments: readonly number[]): void {
    let run: number[] = [];
    const flush = () => {
        if (run.length > 0) {
            const wanted = run.map(index => Math.max(columnOf(layout, index), originalColumn(source, tokens[index].offset)));
            const target = Math.max(...wanted);
            for (const index of run) {
                layout.gaps[index] += ' '.repeat(target - columnOf(layout, index));
            }
        }
        run = [];
    };
    let lastLine = -2;
    for (const index of comments) {
        const line = lines[index];
        if (line !== lastLine + 1) {
            flush();
        }
        run.push(index);
        lastLine = line;
    }
    flush();
}

/** Whether nothing but whitespace follows token i on its line (block comments then count as trailing). */
function endsLine(source: string, tokens: readonly SourceToken[], i: number): boolean {
    const next = tokens[i + 1];
    return !next || source.slice(tokens[i].end, next.offset).includes('\n');
}

function originalColumn(source: string, offset: number): number {
    return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** Column of token `index` in the output. */
function columnOf(layout: Layout, index: number): number {
    let column = 0;
    for (let j = index; j >= 0; j--) {
        const gap = layout.gaps[j];
        const newline = gap.lastIndexOf('\n');
        if (newline >= 0) {
            return column + gap.length - newline - 1;
        }
        column += gap.length;
        if (j > 0) {
            const text = layout.texts[j - 1];
            const inText = text.lastIndexOf('\n');
            if (inText >= 0) {
                return column + text.length - inText - 1;
            }
            column += text.length;
        }
    }
    return column;
}

/** Output line of each token. */
function lineNumbers(layout: Layout): number[] {
    const lines: number[] = [];
    let line = 0;
    for (let j = 0; j < layout.texts.length; j++) {
        line += countNewlines(layout.gaps[j]);
        lines.push(line);
        line += countNewlines(layout.texts[j]);
    }
    return lines;
}

function indexOfOffset(tokens: readonly SourceToken[], offset: number): number {
    let low = 0;
    let high = tokens.length - 1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (tokens[mid].offset === offset) {
            return mid;
        }
        if (tokens[mid].offset < offset) {
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    return -1;
}

function countNewlines(text: string): number {
    let count = 0;
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
        count++;
    }
    return count;
}

function isOpener(text: string): boolean {
    return text === '(' || text === '[' || text === '{';
}

function isCloser(text: string): boolean {
    return text === ')' || text === ']' || text === '}';
}
