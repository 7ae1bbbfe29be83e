/**
 * Plain text for pdflatex with inputenc utf8: specials escaped, and the symbols notes use in prose
 * (Greek letters, ≤, ∈, ✓, …) written as math, since utf8 inputenc does not know them.
 */
export function latexText(text: string): string {
    let out = '';
    for (const ch of text) {
        out += SPECIAL[ch] ?? (SYMBOL[ch] !== undefined ? `$${SYMBOL[ch]}$` : typesettable(ch));
    }
    return out;
}

/**
 * T1 + utf8 inputenc know ASCII, Latin-1 and a few typographic marks; any other character would stop
 * pdflatex ("Unicode character … not set up"), so it is written as its code point instead.
 */
function typesettable(ch: string): string {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0x17f) || TYPOGRAPHIC.has(ch)) return ch;
    if (code >= 0x300 && code <= 0x36f) return ''; // a combining mark (P̲): the base letter stands alone
    return `\\texttt{U+${code.toString(16).toUpperCase().padStart(4, '0')}}`;
}

const TYPOGRAPHIC = new Set(['–', '—', '‘', '’', '“', '”', '„', '‚', '‹', '›', '•', '†', '‡', '‰', '€']);

const SPECIAL: Readonly<Record<string, string>> = {
    '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#', '^': '\\textasciicircum{}',
    _: '\\_', '%': '\\%', '~': '\\textasciitilde{}', '<': '\\textless{}', '>': '\\textgreater{}', '|': '\\textbar{}',
    '\u00AD': '\\-', '\u00A0': '~'
};

const SYMBOL: Readonly<Record<string, string>> = {
    α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ζ: '\\zeta', η: '\\eta', θ: '\\theta',
    κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu', ξ: '\\xi', π: '\\pi', ρ: '\\rho', σ: '\\sigma', τ: '\\tau',
    φ: '\\varphi', χ: '\\chi', ψ: '\\psi', ω: '\\omega', Γ: '\\Gamma', Δ: '\\Delta', Θ: '\\Theta', Λ: '\\Lambda',
    Ξ: '\\Xi', Π: '\\Pi', Σ: '\\Sigma', Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega',
    '≤': '\\le', '≥': '\\ge', '≠': '\\ne', '≈': '\\approx', '∈': '\\in', '∉': '\\notin', '⊆': '\\subseteq',
    '∪': '\\cup', '∩': '\\cap', '∖': '\\setminus', '×': '\\times', '⊠': '\\boxtimes', '→': '\\to', '↦': '\\mapsto',
    '∞': '\\infty', '∅': '\\emptyset', '✓': '\\checkmark', '✗': '\\times', '·': '\\cdot', '−': '-', '±': '\\pm',
    '⋉': '\\ltimes', '′': "'", '∑': '\\sum', '∀': '\\forall', '∃': '\\exists', '¬': '\\neg', '∧': '\\wedge', '∨': '\\vee',
    '≻': '\\succ', '≺': '\\prec', '≽': '\\succeq', '≼': '\\preceq', '⪰': '\\succeq', '⪯': '\\preceq',
    '⊂': '\\subset', '⊃': '\\supset', '⊇': '\\supseteq', '⊊': '\\subsetneq', '←': '\\leftarrow',
    '↔': '\\leftrightarrow', '⇒': '\\Rightarrow', '⇐': '\\Leftarrow', '⇔': '\\Leftrightarrow',
    '⟨': '\\langle', '⟩': '\\rangle', '∘': '\\circ', '≡': '\\equiv', '≅': '\\cong', '∼': '\\sim',
    '≃': '\\simeq', '∝': '\\propto', '∂': '\\partial', '∇': '\\nabla', '∫': '\\int', '∏': '\\prod',
    '⊕': '\\oplus', '⊗': '\\otimes', 'ℝ': '\\mathbb{R}', 'ℚ': '\\mathbb{Q}', 'ℕ': '\\mathbb{N}',
    'ℤ': '\\mathbb{Z}', '…': '\\ldots', '□': '\\square', '∎': '\\blacksquare', '⊥': '\\bot', '⊤': '\\top',
    '≪': '\\ll', '≫': '\\gg', '∣': '\\mid', '⋯': '\\cdots', 'ϑ': '\\vartheta', 'ϕ': '\\phi'
};
