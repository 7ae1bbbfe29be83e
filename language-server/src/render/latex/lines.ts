import type { Rational } from '../../math/rational.js';

/**
 * Long lists in display math (acts, vertices) broken into lines, since a display formula cannot wrap.
 * Widths are rough character counts of the typeset text, not measurements: enough to keep a line
 * within a preview column of about 50rem.
 */
const LINE_CHARS = 66;

interface LineItem {
    tex: string;
    /** About how many characters the typeset item takes. */
    width: number;
}

/** Characters an exact number takes when typeset: a fraction is as wide as its longer part. */
function numberWidth(value: Rational): number {
    return Math.max(...value.toString().split('/').map(part => part.length));
}

/** Characters a tuple of exact numbers takes: `(a,b,c)`. */
export function vectorWidth(entries: readonly Rational[]): number {
    return entries.map(numberWidth).reduce((sum, width) => sum + width + 1, 1);
}

/** Roughly how many characters a formula shows: a command counts as one, braces and scripts as none. */
export function texWidth(tex: string): number {
    return tex.replace(/\\(?:[a-zA-Z]+|.)/g, 'x').replace(/[{}_^\s]/g, '').length;
}

/**
 * `prefix item₁, item₂, … suffix` (the comma followed by `spacing`) on one line when it fits, else as
 * an `aligned` block whose continuation lines start under the first item.
 */
export function latexLines(prefix: string, prefixWidth: number, items: readonly LineItem[], spacing: string, suffix = ''): string {
    const lines: string[][] = [[]];
    let used = prefixWidth;
    for (const item of items) {
        if (lines[lines.length - 1].length > 0 && used + item.width > LINE_CHARS) {
            lines.push([]);
            used = prefixWidth;
        }
        lines[lines.length - 1].push(item.tex);
        used += item.width + 1;
    }
    const joined = lines.map(line => line.join(`,${spacing}`));
    if (joined.length === 1) return `${prefix}${joined[0]}${suffix}`;
    return `\\begin{aligned}${prefix}&${joined.join(',\\\\&')}${suffix}\\end{aligned}`;
}
