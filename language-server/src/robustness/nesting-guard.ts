/**
 * A pre-parse depth guard. Chevrotain parses recursively, about 150 stack frames per bracket level of an
 * expression, so a note with ~50 nested brackets (or ~450 chained signs, ~230 chained `^`) overflows
 * Node's default stack, and the failed parse leaves the parser's state broken for the next document.
 * Before the parser sees a text, this scan measures its nesting the way the parser will recurse; any
 * part nested deeper than the limit is replaced by spaces (newlines kept, so every offset and position
 * stays valid) and reported as an E-SYNTAX lexing error. Everything downstream (linker, evaluator,
 * formatter, renderer) therefore only ever sees bounded depth.
 */
import type { ILexingError } from 'chevrotain';

/** Bracket levels a note may nest; the cost units below make chains of `^` and signs count too. */
export const MAX_NESTING_LEVELS = 25;

/** Cost units per construct, proportional to the parser's recursion for it (measured, see above). */
const BRACKET_COST = 10;
const POWER_COST = 2;
const SIGN_COST = 1;
const MAX_COST = MAX_NESTING_LEVELS * BRACKET_COST;

interface GuardedText {
    /** The text to parse: the input, with every over-deep part blanked. Same length as the input. */
    readonly text: string;
    readonly errors: ILexingError[];
}

const OPENERS = new Set(['(', '[', '{']);
const STATEMENT_START = /[ \t]*(?:set|let|event|dist|gamble|credal|decision|ddt|eval|assert)\b/y;
const CLOSERS = new Set([')', ']', '}']);
const SIGNS = new Set(['-', '+', '\u2212']);

/** Characters after which a sign is binary (an operand ends there). */
function endsOperand(c: string): boolean {
    const code = c.charCodeAt(0);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 39) return true;
    if (code < 128) return CLOSERS.has(c);
    return /[\p{L}\p{N}\u2032\u2033]/u.test(c);
}

export function guardNesting(input: string): GuardedText {
    // Fast path: a text without brackets or operator chains long enough to matter needs no scan.
    if (input.length < MAX_NESTING_LEVELS) return { text: input, errors: [] };
    let out: string[] | undefined;
    const errors: ILexingError[] = [];
    /** Cost at the start of each open bracket's content (index 0: the top level). */
    const frames: number[] = [0];
    let cost = 0;
    let previous = '';
    /** While blanking: the frame depth at which blanking stops, and whether a bracket started it. */
    let skip: { depth: number; bracket: boolean } | undefined;

    const blank = (from: number, to: number): void => {
        out ??= input.split('');
        for (let k = from; k < to; k++) {
            if (input[k] !== '\n' && input[k] !== '\r') out[k] = ' ';
        }
    };
    const refuse = (at: number, bracket: boolean): void => {
        skip = { depth: frames.length, bracket };
        errors.push({ ...lineAndColumn(input, at), offset: at, length: 1, message: nestingMessage(bracket) });
    };

    for (let i = 0; i < input.length; i++) {
        const c = input[i]!;
        if (c === '/' && input[i + 1] === '/') {
            const end = input.indexOf('\n', i);
            const stop = end < 0 ? input.length : end;
            if (skip) blank(i, stop);
            i = stop - 1;
            continue;
        }
        if (c === '/' && input[i + 1] === '*') {
            const end = input.indexOf('*/', i + 2);
            if (end >= 0) {
                if (skip) blank(i, end + 2);
                i = end + 1;
                continue;
            }
        }
        if (c === '\n' || c === '\r') {
            // A statement keyword at the start of a line begins a new statement, as the parser's recovery
            // sees it: an unclosed bracket or a refused part does not reach into it.
            STATEMENT_START.lastIndex = i + 1;
            if (STATEMENT_START.test(input)) {
                frames.length = 1;
                cost = 0;
                skip = undefined;
                previous = '';
            }
            continue;
        }
        if (c === ' ' || c === '\t') continue;

        if (OPENERS.has(c)) {
            frames.push(cost);
            cost += BRACKET_COST;
            if (!skip && cost > MAX_COST) refuse(i, true);
        } else if (CLOSERS.has(c)) {
            if (skip && !skip.bracket && frames.length === skip.depth) skip = undefined;
            if (frames.length > 1) cost = frames.pop()!;
            if (skip?.bracket && frames.length < skip.depth) {
                blank(i, i + 1);
                skip = undefined;
                previous = c;
                continue;
            }
        } else if (c === '^') {
            cost += POWER_COST;
            if (!skip && cost > MAX_COST) refuse(i, false);
        } else if (SIGNS.has(c) && !endsOperand(previous)) {
            cost += SIGN_COST;
            if (!skip && cost > MAX_COST) refuse(i, false);
        } else if (!endsOperand(c)) {
            // A binary operator or separator: the chain of signs and powers before it has returned.
            if (skip && !skip.bracket && frames.length === skip.depth) skip = undefined;
            cost = frames.length > 1 ? frames[frames.length - 1]! + BRACKET_COST : 0;
        }
        if (skip) blank(i, i + 1);
        previous = c;
    }
    return { text: out ? out.join('') : input, errors };
}

function nestingMessage(bracket: boolean): string {
    const what = bracket ? 'brackets nested' : 'a chain of `^` and signs nested';
    return `${what} deeper than ${MAX_NESTING_LEVELS} levels: Credal does not read past that depth, so the deeper part is skipped; ` +
        'name the inner parts with `let` instead';
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
        line++;
        lineStart = k + 1;
    }
    return { line, column: offset - lineStart + 1 };
}
