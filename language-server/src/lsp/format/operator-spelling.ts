import type { OperatorSpelling } from '../settings.js';

/**
 * Operator spellings (LANGUAGE.md §2) by meaning and family. The first spelling of a family is the one
 * the formatter writes; a token already spelled in the chosen family is left alone (`\leq` stays in
 * LaTeX mode). Operators without a plain ASCII spelling (⊠, ⋉, ·) use their LaTeX command in ASCII
 * mode: a LaTeX command is ASCII text, and the file then holds no character outside ASCII. Numeric
 * multiplication `*` is universal and stays `*` in every mode; only `·`/`\cdot` are respelled.
 */
type Families = Readonly<Record<Exclude<OperatorSpelling, 'keep'>, readonly string[]>>;

const MEANINGS: Readonly<Record<string, Families>> = {
    ne: { unicode: ['≠'], latex: ['\\ne', '\\neq'], ascii: ['!='] },
    le: { unicode: ['≤'], latex: ['\\le', '\\leq'], ascii: ['<='] },
    ge: { unicode: ['≥'], latex: ['\\ge', '\\geq'], ascii: ['>='] },
    lt: { unicode: ['<'], latex: ['<', '\\lt'], ascii: ['<'] },
    gt: { unicode: ['>'], latex: ['>', '\\gt'], ascii: ['>'] },
    in: { unicode: ['∈'], latex: ['\\in'], ascii: ['in'] },
    mid: { unicode: ['|'], latex: ['\\mid'], ascii: ['|'] },
    cup: { unicode: ['∪'], latex: ['\\cup'], ascii: ['cup'] },
    cap: { unicode: ['∩'], latex: ['\\cap'], ascii: ['cap'] },
    setminus: { unicode: ['∖'], latex: ['\\setminus'], ascii: ['minus'] },
    minus: { unicode: ['-', '−'], latex: ['-'], ascii: ['-'] },
    setProduct: { unicode: ['×'], latex: ['\\times'], ascii: ['*'] },
    times: { unicode: ['·', '*'], latex: ['\\cdot', '*'], ascii: ['*'] },
    boxtimes: { unicode: ['⊠'], latex: ['\\boxtimes'], ascii: ['\\boxtimes'] },
    ltimes: { unicode: ['⋉'], latex: ['\\ltimes'], ascii: ['\\ltimes'] }
};

const MEANING_OF_SPELLING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    ComparisonOp: {
        '!=': 'ne', '≠': 'ne', '\\ne': 'ne', '\\neq': 'ne', '<=': 'le', '≤': 'le', '\\le': 'le', '\\leq': 'le',
        '>=': 'ge', '≥': 'ge', '\\ge': 'ge', '\\geq': 'ge', '<': 'lt', '\\lt': 'lt', '>': 'gt', '\\gt': 'gt',
        'in': 'in', '∈': 'in', '\\in': 'in'
    },
    ConditionOp: { '|': 'mid', '\\mid': 'mid' },
    UnionOp: { '∪': 'cup', '\\cup': 'cup', 'cup': 'cup' },
    IntersectionOp: { '∩': 'cap', '\\cap': 'cap', 'cap': 'cap' },
    DifferenceOp: { '∖': 'setminus', '\\setminus': 'setminus', 'minus': 'setminus' },
    AdditiveOp: { '-': 'minus', '−': 'minus' },
    SignOp: { '-': 'minus', '−': 'minus' },
    StrongProductOp: { '⊠': 'boxtimes', '\\boxtimes': 'boxtimes' },
    SemidirectOp: { '⋉': 'ltimes', '\\ltimes': 'ltimes' }
};

/** What a `*`-family token multiplies, when it can be told: sets (product) or numbers and gambles. */
export type ProductContext = 'set' | 'number' | undefined;

/**
 * The spelling of an operator token in the chosen family. `rule` is the grammar's operator rule
 * (`UnionOp`, `ProductOp`, …); tokens of other rules, or whose meaning is unclear, keep their text.
 */
export function respellOperator(rule: string, text: string, mode: OperatorSpelling, product?: ProductContext): string {
    if (mode === 'keep') {
        return text;
    }
    let meaning: string | undefined;
    if (rule === 'ProductOp') {
        meaning = product === 'set' ? 'setProduct' : product === 'number' ? 'times' : undefined;
    } else {
        meaning = MEANING_OF_SPELLING[rule]?.[text];
    }
    const family = meaning ? MEANINGS[meaning]?.[mode] : undefined;
    if (!family || family.includes(text)) {
        return text;
    }
    return family[0];
}

/** Spellings that are words or LaTeX commands: they need spaces around them to stay separate tokens. */
export function needsSpaces(spelling: string): boolean {
    return /^[A-Za-z\\]/.test(spelling);
}

/** Every spelling the grammar accepts for an operator rule's meanings, canonicalised for comparisons. */
export function operatorMeaning(rule: string, text: string): string {
    if (rule === 'ProductOp') {
        return '*';
    }
    return MEANING_OF_SPELLING[rule]?.[text] ?? text;
}
