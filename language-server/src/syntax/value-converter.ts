import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Every operator has Unicode, LaTeX and ASCII spellings (LANGUAGE.md §2). The grammar lists them in
 * datatype rules; here each spelling becomes the rule's canonical one, so the AST does not depend on
 * how the author typed it. The source text stays available through the CST for rendering.
 */
const CANONICAL_SPELLING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    ComparisonOp: {
        '!=': '≠', '≠': '≠', '\\ne': '≠', '\\neq': '≠',
        '<=': '≤', '≤': '≤', '\\le': '≤', '\\leq': '≤',
        '>=': '≥', '≥': '≥', '\\ge': '≥', '\\geq': '≥',
        '<': '<', '\\lt': '<', '>': '>', '\\gt': '>',
        '==': '==', 'in': '∈', '∈': '∈', '\\in': '∈'
    },
    ConditionOp: { '|': '|', '\\mid': '|' },
    UnionOp: { '∪': '∪', '\\cup': '∪', 'cup': '∪' },
    DifferenceOp: { '∖': '∖', '\\setminus': '∖', 'minus': '∖' },
    IntersectionOp: { '∩': '∩', '\\cap': '∩', 'cap': '∩' },
    AdditiveOp: { '+': '+', '-': '-', '−': '-' },
    SignOp: { '+': '+', '-': '-', '−': '-' },
    // One operator: multiplication of numbers and gambles, product of sets (the evaluator picks by kind).
    ProductOp: { '*': '*', '×': '*', '\\times': '*', '·': '*', '\\cdot': '*' },
    StrongProductOp: { '⊠': '⊠', '\\boxtimes': '⊠' },
    SemidirectOp: { '⋉': '⋉', '\\ltimes': '⋉' },
    SemidirectWord: { semidirect: '⋉' }
};

/** The canonical spelling of an operator of the given datatype rule, or the text itself. */
function canonicalOperator(ruleName: string, text: string): string {
    return CANONICAL_SPELLING[ruleName]?.[text.trim()] ?? text;
}

export class CredalValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name in CANONICAL_SPELLING) {
            return canonicalOperator(rule.name, input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
