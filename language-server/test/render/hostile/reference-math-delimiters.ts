// The quadratic `$` scanner as it was before the linear one (math-delimiters.ts), kept as the oracle its results must match.
/**
 * Pandoc's rules for `$` math, shared by the Markdown renderer and the exports that must survive them:
 * an opening `$` is not followed by whitespace; a closing `$` is not preceded by whitespace and not
 * followed by a digit (so "$20 and $30" is text). `$$…$$` is display math. Inside math, a backslash
 * escapes the next character (`$\$100$`).
 */
interface MathSpan {
    display: boolean;
    /** The TeX between the delimiters. */
    tex: string;
    /** Index just past the closing delimiter. */
    end: number;
}

/** The math span opening at `start` (which holds a `$`), or undefined when the `$` is plain text. */
export function referenceScanMath(src: string, start: number, limit = src.length): MathSpan | undefined {
    if (src[start] !== '$') return undefined;
    if (src[start + 1] === '$') {
        const close = findClosing(src, start + 2, limit, '$$');
        if (close === undefined) return undefined;
        const tex = src.slice(start + 2, close);
        return tex.trim() === '' ? undefined : { display: true, tex, end: close + 2 };
    }
    const next = src[start + 1];
    if (next === undefined || start + 1 >= limit || /\s/.test(next)) return undefined;
    for (let i = start + 1; i < limit; i++) {
        const ch = src[i];
        if (ch === '\\') {
            i++;
            continue;
        }
        if (ch === '$') {
            if (i === start + 1) return undefined;
            const before = src[i - 1];
            const after = i + 1 < limit ? src[i + 1] : '';
            if (/\s/.test(before) || /[0-9]/.test(after)) continue;
            return { display: false, tex: src.slice(start + 1, i), end: i + 1 };
        }
    }
    return undefined;
}

function findClosing(src: string, from: number, limit: number, delimiter: string): number | undefined {
    for (let i = from; i < limit; i++) {
        if (src[i] === '\\') {
            i++;
            continue;
        }
        if (src.startsWith(delimiter, i) && i + delimiter.length <= limit) return i;
    }
    return undefined;
}

/** Every formula of a Markdown text, in order, read with the rules above (backslash-escaped `\$` is text). */
export function referenceExtractFormulas(text: string): MathSpan[] {
    const found: MathSpan[] = [];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\') {
            i++;
            continue;
        }
        if (text[i] === '`') {
            const close = text.indexOf('`', i + 1);
            if (close > 0) i = close;
            continue;
        }
        const span = referenceScanMath(text, i);
        if (span) {
            found.push(span);
            i = span.end - 1;
        }
    }
    return found;
}
