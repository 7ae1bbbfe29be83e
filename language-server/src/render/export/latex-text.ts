/**
 * Plain text for pdflatex with inputenc utf8: specials escaped, and the symbols notes use in prose
 * (Greek letters, ≤, ∈, ✓, …) written as math, since utf8 inputenc does not know them.
 */
export function latexText(text: string): string {
    let out = '';
    for (const ch of text) {
        out += SPECIAL[ch] ?? (SYMBOL[ch] !== undefined ? `$${SYMBOL[ch]}$` : ch);
    }
    return out;
}

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
    '⋉': '\\ltimes', '′': "'", '∑': '\\sum', '∀': '\\forall', '∃': '\\exists', '¬': '\\neg', '∧': '\\wedge', '∨': '\\vee'
};
