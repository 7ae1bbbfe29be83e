/**
 * Identifiers and element names as LaTeX (standard LaTeX + amsmath only, so the same text works in
 * KaTeX, MathJax 2 and pdflatex). Greek letters become commands, trailing digits a subscript
 * (`p0` → `p_{0}`), primes stay primes, words are upright (`\mathrm{fair}`).
 */
const GREEK: Readonly<Record<string, string>> = {
    α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ϵ: '\\epsilon', ζ: '\\zeta',
    η: '\\eta', θ: '\\theta', ϑ: '\\vartheta', ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu',
    ξ: '\\xi', ο: 'o', π: '\\pi', ϖ: '\\varpi', ρ: '\\rho', ϱ: '\\varrho', σ: '\\sigma', ς: '\\varsigma',
    τ: '\\tau', υ: '\\upsilon', φ: '\\varphi', ϕ: '\\phi', χ: '\\chi', ψ: '\\psi', ω: '\\omega',
    Α: 'A', Β: 'B', Γ: '\\Gamma', Δ: '\\Delta', Ε: 'E', Ζ: 'Z', Η: 'H', Θ: '\\Theta', Ι: 'I', Κ: 'K',
    Λ: '\\Lambda', Μ: 'M', Ν: 'N', Ξ: '\\Xi', Ο: 'O', Π: '\\Pi', Ρ: 'P', Σ: '\\Sigma', Τ: 'T',
    Υ: '\\Upsilon', Φ: '\\Phi', Χ: 'X', Ψ: '\\Psi', Ω: '\\Omega'
};

type NameStyle = 'plain' | 'credal';

/**
 * An identifier as LaTeX. `credal` style writes a one-letter Latin name calligraphic (`\mathcal K`),
 * as SEMANTICS §A.10 writes credal sets.
 */
export function latexName(name: string, style: NameStyle = 'plain'): string {
    const match = /^(.*?)(_?)([0-9]*)(['′″]*)$/u.exec(name);
    const [, stem, , digits, primes] = match ?? [name, name, '', '', ''];
    const primeText = [...primes].map(p => (p === '″' ? "''" : "'")).join('');
    const base = latexStem(stem === '' ? digits : stem, style);
    const subscript = stem !== '' && digits !== '' ? `_{${digits}}` : '';
    return `${base}${primeText}${subscript}`;
}

function latexStem(stem: string, style: NameStyle): string {
    const letters = [...stem];
    if (letters.length === 1) {
        const ch = letters[0];
        if (GREEK[ch]) return GREEK[ch];
        if (/[A-Z]/.test(ch) && style === 'credal') return `\\mathcal{${ch}}`;
        if (/[A-Za-z0-9]/.test(ch)) return ch;
    }
    // A Greek letter followed by a word part: Θt → \Theta_{t}.
    if (letters.length > 1 && GREEK[letters[0]] && letters.slice(1).every(ch => /[A-Za-z0-9]/.test(ch))) {
        return `${GREEK[letters[0]]}_{\\mathrm{${letters.slice(1).join('')}}}`;
    }
    return `\\mathrm{${letters.map(latexWordChar).join('')}}`;
}

/** One character inside `\mathrm{…}`: letters and digits as they are, everything else escaped or spelled. */
function latexWordChar(ch: string): string {
    if (/[A-Za-z0-9]/.test(ch)) return ch;
    if (GREEK[ch]) return GREEK[ch].startsWith('\\') ? `{${GREEK[ch]}}` : GREEK[ch];
    if (ch === '_') return '\\_';
    if (ch === "'") return "'";
    return `\\text{${escapeText(ch)}}`;
}

/** An element name (`heads`, `11`, `a`) as LaTeX; words upright. */
export function latexElement(name: string): string {
    if (/^[0-9]+$/.test(name)) return name;
    if (/^[A-Za-z]$/.test(name)) return name;
    return latexName(name);
}

/** An element of a product: `(heads, red)` → `(\mathrm{heads},\mathrm{red})`. */
export function latexTupleElement(names: readonly string[]): string {
    return names.length === 1 ? latexElement(names[0]) : `(${names.map(latexElement).join(',')})`;
}

/** Text for `\text{…}`: the characters LaTeX treats specially are escaped. */
export function escapeText(text: string): string {
    return text.replace(/[\\{}$&#^_%~]/g, ch => TEXT_ESCAPES[ch]);
}

const TEXT_ESCAPES: Record<string, string> = {
    '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#',
    '^': '\\textasciicircum{}', _: '\\_', '%': '\\%', '~': '\\textasciitilde{}'
};
