/**
 * Doc comments hold Markdown with `$…$` math, but VS Code hovers do not render TeX. Inside math, the
 * common commands become their Unicode look-alikes (`\underline{E}` → E̲, `\in` → ∈, `\tfrac12` → 1/2)
 * and the dollars go; a command without a look-alike loses its backslash rather than show raw TeX.
 */
const SYMBOLS: Readonly<Record<string, string>> = {
    in: '∈', notin: '∉', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', cup: '∪', cap: '∩', setminus: '∖',
    times: '×', cdot: '·', boxtimes: '⊠', ltimes: '⋉', mid: '|', subseteq: '⊆', subset: '⊂', supseteq: '⊇', emptyset: '∅',
    varnothing: '∅', infty: '∞', to: '→', mapsto: '↦', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', iff: '⇔',
    forall: '∀', exists: '∃', nexists: '∄', neg: '¬', land: '∧', lor: '∨', sum: '∑', prod: '∏', int: '∫', partial: '∂',
    approx: '≈', sim: '∼', pm: '±', mp: '∓', ldots: '…', dots: '…', cdots: '⋯', square: '□', Box: '□', lvert: '|', rvert: '|',
    langle: '⟨', rangle: '⟩', lbrace: '{', rbrace: '}', max: 'max', min: 'min', sup: 'sup', inf: 'inf', arg: 'arg',
    alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
    iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ',
    varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π',
    Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', quad: ' ', qquad: '  ', ',': ' ', ';': ' ', ' ': ' ', '!': '',
    '{': '{', '}': '}', '%': '%', '$': '$', '#': '#', '&': '&', '_': '_'
};

const CALLIGRAPHIC: Readonly<Record<string, string>> = {
    A: '𝒜', B: 'ℬ', C: '𝒞', D: '𝒟', E: 'ℰ', F: 'ℱ', G: '𝒢', H: 'ℋ', I: 'ℐ', K: '𝒦', L: 'ℒ', M: 'ℳ', N: '𝒩', P: '𝒫',
    R: 'ℛ', S: '𝒮', T: '𝒯', U: '𝒰', X: '𝒳', Y: '𝒴', Z: '𝒵'
};

/** Replaces `$…$` and `$$…$$` spans of a Markdown text by Unicode renderings of their content. */
export function texMathToUnicode(markdown: string): string {
    return markdown.replace(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g, (_, display: string | undefined, inline: string | undefined) =>
        display !== undefined ? `\n\n${texToUnicode(display.trim())}\n\n` : texToUnicode(inline ?? ''));
}

function texToUnicode(tex: string): string {
    let text = tex;
    // Structures with arguments first.
    for (let pass = 0; pass < 4; pass++) {
        text = text
            .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
            .replace(/\\[dt]?frac\s*(\d)\s*(\d)/g, '$1/$2')
            .replace(/\\(?:text|mathrm|mathit|mathbf|operatorname|textbf|textit|mathsf)\s*\{([^{}]*)\}/g, '$1')
            .replace(/\\underline\s*\{([^{}]*)\}|\\underline\s*([A-Za-z])/g, (_, a?: string, b?: string) => combine(a ?? b ?? '', '\u0332'))
            .replace(/\\(?:overline|bar)\s*\{([^{}]*)\}|\\(?:overline|bar)\s*([A-Za-z])/g, (_, a?: string, b?: string) => combine(a ?? b
            ?? '', '\u0304'))
            .replace(/\\mathcal\s*\{([A-Z])\}|\\mathcal\s*([A-Z])/g, (_, a?: string, b?: string) => CALLIGRAPHIC[a ?? b ?? ''] ?? (a ?? b
            ?? ''))
            .replace(/\\mathbb\s*\{([A-Z])\}|\\mathbb\s*([A-Z])/g, (_, a?: string, b?: string) => ({ R: 'ℝ', Q: 'ℚ', N: 'ℕ', Z: 'ℤ',
            E: '𝔼', P: 'ℙ' } as Record<string, string>)[a ?? b ?? ''] ?? (a ?? b ?? ''))
            .replace(/\\sqrt\s*\{([^{}]*)\}/g, '√($1)');
    }
    text = text
        .replace(/\\(left|right|big|Big|bigg|Bigg)\b\s*/g, '')
        .replace(/\\([A-Za-z]+|[,;! {}%$#&_])/g, (whole, name: string) => SYMBOLS[name] ?? name)
        .replace(/\^\{([^{}]*)\}/g, (_, sup: string) => superscript(sup))
        .replace(/\^([0-9a-z+-])/g, (_, sup: string) => superscript(sup))
        .replace(/_\{([^{}]*)\}/g, (_, sub: string) => subscript(sub))
        .replace(/_([0-9a-zA-Z])/g, (_, sub: string) => subscript(sub))
        .replace(/[{}]/g, '');
    return text;
}

function combine(text: string, mark: string): string {
    return [...text].map(char => char + mark).join('');
}

const SUP: Readonly<Record<string, string>> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸',
    '9': '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ', i: 'ⁱ', c: 'ᶜ', T: 'ᵀ', g: 'ᵍ' };
const SUB: Readonly<Record<string, string>> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈',
    '9': '₉', '+': '₊', '-': '₋', a: 'ₐ', e: 'ₑ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', n: 'ₙ', p: 'ₚ', x: 'ₓ' };

function superscript(text: string): string {
    return [...text].every(char => SUP[char]) ? [...text].map(char => SUP[char]).join('') : `^(${text})`;
}

function subscript(text: string): string {
    return [...text].every(char => SUB[char]) ? [...text].map(char => SUB[char]).join('') : `_${text.length > 1 ? `(${text})` : text}`;
}
