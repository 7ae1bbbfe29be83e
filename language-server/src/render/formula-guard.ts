/**
 * What a formula may ask of KaTeX (and of LaTeX, when exported). Macro definitions are the one way a
 * short formula becomes a huge one (`\def\a{xx…}\def\b{\a\a…}\b\b…` stays under KaTeX's `maxExpand`
 * and still expands to a million symbols), so they are refused outright, like any formula longer than
 * the cap. Pure string work: the preview, the exports and the editor's check read the same verdict.
 */

/** Longer formulas are not typeset (generated values stay far below; prose formulas are a line or two). */
export const MAX_FORMULA_CHARS = 10_000;

/** Control sequences that define or rebind macros or environments (TeX primitives, LaTeX and KaTeX forms). */
const DEFINING = new Set([
    'def', 'gdef', 'edef', 'xdef', 'let', 'futurelet', 'global', 'long', 'outer',
    'newcommand', 'renewcommand', 'providecommand', 'DeclareMathOperator', 'DeclareRobustCommand',
    'newenvironment', 'renewenvironment', 'expandafter', 'csname', 'afterassignment', 'aftergroup'
]);

export interface FormulaRefusal {
    /** Why, as a sentence fragment: "it defines a macro with \def". */
    readonly reason: string;
    /** Offset in the formula of the offending command (0 for a formula that is too long). */
    readonly offset: number;
    readonly length: number;
}

/** The first reason not to typeset `tex`, or undefined when KaTeX may have it. */
export function refuseFormula(tex: string): FormulaRefusal | undefined {
    if (tex.length > MAX_FORMULA_CHARS) {
        return { reason: `it is ${tex.length.toLocaleString('en-US')} characters long (at most ${MAX_FORMULA_CHARS.toLocaleString('en-US')})`, offset: 0, length: 0 };
    }
    for (const command of controlSequences(tex)) {
        if (DEFINING.has(command.name)) {
            return { reason: `it defines a macro with \\${command.name} (Credal does not expand macros)`, offset: command.offset, length: command.name.length + 1 };
        }
    }
    return undefined;
}

export interface ControlSequence {
    /** Without the backslash: `def`, or one character such as `\\`, `]` or `%`. */
    readonly name: string;
    readonly offset: number;
}

/** The control sequences of a TeX string as TeX reads them (`\\def` is a line break, then the letters "def"). */
export function* controlSequences(tex: string): Generator<ControlSequence> {
    for (let i = 0; i < tex.length; i++) {
        if (tex[i] !== '\\') continue;
        let end = i + 1;
        while (end < tex.length && /[A-Za-z@]/.test(tex[end])) end++;
        if (end === i + 1 && end < tex.length) end++;
        yield { name: tex.slice(i + 1, end), offset: i };
        i = end - 1;
    }
}
