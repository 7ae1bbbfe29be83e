/**
 * Pandoc's rules for `$` math, shared by the Markdown renderer and the exports that must survive them:
 * an opening `$` is not followed by whitespace; a closing `$` is not preceded by whitespace and not
 * followed by a digit (so "$20 and $30" is text). `$$…$$` is display math. Inside math, a backslash
 * escapes the next character (`$\$100$`).
 *
 * Linear time: where the next possible closing delimiter is does not depend on where a formula opens
 * (a backslash run cannot cross the opening `$`), so it is computed once per text, right to left, and
 * each opening `$` is answered by a lookup. (Scanning forward from every `$` made 120 KB of `$a ` take
 * a minute.)
 */
export interface MathSpan {
    display: boolean;
    /** The TeX between the delimiters. */
    tex: string;
    /** Index just past the closing delimiter. */
    end: number;
}

/** The math span opening at `start` (which holds a `$`), or undefined when the `$` is plain text. */
export function scanMath(src: string, start: number, limit = src.length): MathSpan | undefined {
    if (src[start] !== '$') return undefined;
    const closers = closersOf(src);
    if (src[start + 1] === '$') {
        const close = start + 2 < src.length ? closers.display[start + 2] : -1;
        if (close < 0 || close + 2 > limit) return undefined;
        const tex = src.slice(start + 2, close);
        return tex.trim() === '' ? undefined : { display: true, tex, end: close + 2 };
    }
    const next = src[start + 1];
    if (next === undefined || start + 1 >= limit || /\s/.test(next)) return undefined;
    let close = closers.inline[start + 1];
    if (close >= limit) close = -1;
    // At the limit nothing follows the `$`, so a digit after it in `src` does not matter.
    const last = limit - 1;
    if ((close < 0 || close > last) && last > start + 1 && src[last] === '$' && !closers.escaped(last) && !/\s/.test(src[last - 1])) close = last;
    if (close < 0) return undefined;
    return { display: false, tex: src.slice(start + 1, close), end: close + 1 };
}

interface Closers {
    /** For each index, the first index at or after it that can close inline math (-1: none). */
    readonly inline: Int32Array;
    /** For each index, the first index at or after it where an unescaped `$$` starts (-1: none). */
    readonly display: Int32Array;
    /** Whether the character at an index is escaped by an odd run of backslashes before it. */
    escaped(index: number): boolean;
}

let lastText: string | undefined;
let lastClosers: Closers | undefined;

function closersOf(src: string): Closers {
    if (lastText === src && lastClosers) return lastClosers;
    const n = src.length;
    // backslashes[i]: how many backslashes immediately precede index i.
    const backslashes = new Int32Array(n + 1);
    for (let i = 1; i <= n; i++) backslashes[i] = src[i - 1] === '\\' ? backslashes[i - 1] + 1 : 0;
    const escaped = (index: number): boolean => backslashes[index] % 2 === 1;
    const inline = new Int32Array(n + 1).fill(-1);
    const display = new Int32Array(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) {
        inline[i] = inline[i + 1];
        display[i] = display[i + 1];
        if (src[i] !== '$' || escaped(i)) continue;
        if (src[i + 1] === '$') display[i] = i;
        if (i > 0 && !/\s/.test(src[i - 1]) && !/[0-9]/.test(src[i + 1] ?? '')) inline[i] = i;
    }
    lastText = src;
    lastClosers = { inline, display, escaped };
    return lastClosers;
}

/** Every formula of a Markdown text, in order, read with the rules above (backslash-escaped `\$` is text). */
export function extractFormulas(text: string): MathSpan[] {
    const found: MathSpan[] = [];
    let nextBacktick = -1;
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\') {
            i++;
            continue;
        }
        if (text[i] === '`') {
            if (nextBacktick <= i) nextBacktick = text.indexOf('`', i + 1);
            if (nextBacktick > 0) i = nextBacktick;
            continue;
        }
        const span = scanMath(text, i);
        if (span) {
            found.push(span);
            i = span.end - 1;
        }
    }
    return found;
}
