/**
 * LaTeX spellings offered as their symbol: typing `\cu` offers `∪`. Operators first (every spelling
 * the grammar accepts), then the Greek letters identifiers may use.
 */
interface LatexSymbol {
    readonly command: string;
    readonly symbol: string;
    readonly meaning: string;
}

export const LATEX_OPERATORS: readonly LatexSymbol[] = [
    { command: '\\cup', symbol: '∪', meaning: 'union' },
    { command: '\\cap', symbol: '∩', meaning: 'intersection' },
    { command: '\\setminus', symbol: '∖', meaning: 'difference' },
    { command: '\\times', symbol: '×', meaning: 'product of sets' },
    { command: '\\cdot', symbol: '·', meaning: 'multiplication' },
    { command: '\\le', symbol: '≤', meaning: 'less or equal' },
    { command: '\\leq', symbol: '≤', meaning: 'less or equal' },
    { command: '\\ge', symbol: '≥', meaning: 'greater or equal' },
    { command: '\\geq', symbol: '≥', meaning: 'greater or equal' },
    { command: '\\ne', symbol: '≠', meaning: 'not equal' },
    { command: '\\neq', symbol: '≠', meaning: 'not equal' },
    { command: '\\in', symbol: '∈', meaning: 'membership' },
    { command: '\\mid', symbol: '|', meaning: 'conditioning' },
    { command: '\\boxtimes', symbol: '⊠', meaning: 'strong product of credal sets' }
];

const GREEK: ReadonlyArray<readonly [string, string]> = [
    ['alpha', 'α'], ['beta', 'β'], ['gamma', 'γ'], ['delta', 'δ'], ['epsilon', 'ε'], ['varepsilon', 'ε'], ['zeta', 'ζ'],
    ['eta', 'η'], ['theta', 'θ'], ['iota', 'ι'], ['kappa', 'κ'], ['lambda', 'λ'], ['mu', 'μ'], ['nu', 'ν'], ['xi', 'ξ'],
    ['pi', 'π'], ['rho', 'ρ'], ['sigma', 'σ'], ['tau', 'τ'], ['phi', 'φ'], ['varphi', 'φ'], ['chi', 'χ'], ['psi', 'ψ'],
    ['omega', 'ω'], ['Gamma', 'Γ'], ['Delta', 'Δ'], ['Theta', 'Θ'], ['Lambda', 'Λ'], ['Xi', 'Ξ'], ['Pi', 'Π'],
    ['Sigma', 'Σ'], ['Phi', 'Φ'], ['Psi', 'Ψ'], ['Omega', 'Ω']
];

export const LATEX_GREEK: readonly LatexSymbol[] = GREEK.map(([name, symbol]) => ({ command: `\\${name}`, symbol,
    meaning: `Greek letter ${name}` }));
