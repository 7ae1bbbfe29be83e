import katex from 'katex';
import { controlSequences, refuseFormula } from '../formula-guard.js';
import { latexText } from './latex-text.js';

/**
 * Formulas as they enter a `.tex` file. Copied verbatim, a note's TeX runs in the reader's LaTeX: `\]`
 * can close the display early and `\input`, `\openin` or `\write18` then read files or run commands. So
 * a formula goes in as math only when it is what the preview typeset: KaTeX parses it under
 * `strict: 'error'` (which rejects every command KaTeX does not know, such as `\input`, `\write`,
 * `\csname` or a stray `\]`, and a trailing `%` comment that would swallow the closing delimiter),
 * it defines no macro, and it uses none of the few commands KaTeX knows but LaTeX would take further
 * (links, pictures, `\verb`) nor TeX's `^^` character codes. Any other formula is exported as escaped
 * text with a comment saying why.
 */
const FURTHER_IN_LATEX = new Set([
    'href', 'url', 'includegraphics', 'htmlClass', 'htmlId', 'htmlStyle', 'htmlData', 'verb', 'input', 'include',
    'write', 'immediate', 'openin', 'openout', 'read', 'special', 'catcode', 'csname', 'endcsname', '[', ']', '(', ')'
]);

/** KaTeX's parser alone (the renderer's first step; building the HTML would double the work). */
const parse = (katex as unknown as { __parse: (tex: string, options: katex.KatexOptions) => unknown }).__parse;

const verdicts = new Map<string, string | undefined>();

/** Why `tex` may not go into LaTeX as math, or undefined when it may. */
export function latexRefusal(tex: string, displayMode: boolean): string | undefined {
    const key = `${displayMode ? 'D' : 'I'}${tex}`;
    if (verdicts.has(key)) return verdicts.get(key);
    const reason = findRefusal(tex, displayMode);
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(key, reason);
    return reason;
}

function findRefusal(tex: string, displayMode: boolean): string | undefined {
    const refused = refuseFormula(tex);
    if (refused) return refused.reason;
    if (tex.includes('^^')) return 'it uses TeX character codes (two carets)';
    for (const command of controlSequences(tex)) {
        if (FURTHER_IN_LATEX.has(command.name)) return `it uses \\${command.name}`;
    }
    try {
        parse(tex, { displayMode, throwOnError: true, strict: 'error', trust: false, maxExpand: 1000, maxSize: 20 });
        return undefined;
    } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).replace(/^KaTeX parse error: /, '').replace(/ at position \d+:[\s\S]*$/, '');
        return `KaTeX does not read it (${message})`;
    }
}

/** Inline math `$…$`, or escaped text followed by a comment when the formula may not be exported. */
export function latexInlineMath(tex: string): string {
    const refusal = latexRefusal(tex, false);
    return refusal === undefined ? `$${tex}$` : asText(`$${tex}$`, refusal);
}

/** Display math `\[…\]` (with `notes`, our own additions, inside it), or escaped text with a comment. */
export function latexDisplayMath(tex: string, notes = ''): string {
    const refusal = latexRefusal(tex, true);
    return refusal === undefined ? `\\[${tex}${notes}\\]` : asText(`$$${tex}$$`, refusal);
}

function asText(source: string, reason: string): string {
    // Commands are named without their backslash, so that not even a comment of the file holds one.
    const words = reason.replace(/\\([A-Za-z@]+|.)/g, "'$1'");
    const comment = `formula not exported as math: ${words}`.replace(/[^\x20-\x7e]/g, '?');
    return `\\texttt{${latexText(source.replace(/\s+/g, ' '))}}% ${comment}\n`;
}
