import type { AstNode } from 'langium';
import {
    isBinaryExpression, isBooleanLiteral, isBraceLiteral, isBracketApplication, isCall, isComparison, isConstant,
    isCredalDeclaration, isDecimal, isDecisionRule, isElement, isElseItem, isInteger, isInterval, isKeyValue, isNameRef,
    isTuple, isUnaryExpression, isAct, isPolicy, isAMeasureLiteral, isInfraDeclaration, isMemberAccess,
    type BinaryExpression, type BraceLiteral, type Call, type Comparison, type Expression, type NamedElement
} from '../../generated/ast.js';
import { targetOf } from '../../linking/safe-ref.js';
import { escapeText, latexElement, latexName } from './names.js';

/** What the expression renderer needs to know beyond the syntax tree. */
export interface LatexContext {
    /** The set the expression at `node` lives on (linking's `homeSetOf`), as LaTeX (for `vacuous` → `\Delta X`). */
    setTex(node: AstNode): string | undefined;
    /** Inside a constraint block `{ … }` the unknown distribution is `p`: `P(A)` → `p(A)`, `E[f]` → `E_p[f]`. */
    readonly constraints?: boolean;
}

/** Binding strength, loosest first, as in the grammar. */
const enum Level { Comparison = 1, Condition, Union, Intersection, Additive, Multiplicative, Unary, Power, Primary }

const BINARY: Readonly<Record<string, { tex: string; level: Level }>> = {
    '|': { tex: '\\,|\\,', level: Level.Condition },
    '∪': { tex: '\\cup ', level: Level.Union },
    '∖': { tex: '\\setminus ', level: Level.Union },
    '∩': { tex: '\\cap ', level: Level.Intersection },
    '+': { tex: '+', level: Level.Additive },
    '-': { tex: '-', level: Level.Additive },
    '*': { tex: '\\cdot ', level: Level.Multiplicative },
    '/': { tex: '/', level: Level.Multiplicative },
    '⊠': { tex: '\\boxtimes ', level: Level.Multiplicative },
    '⋉': { tex: '\\ltimes ', level: Level.Multiplicative },
    '^': { tex: '^', level: Level.Power }
};

const RELATIONS: Readonly<Record<string, string>> = {
    '==': '=', '=': '=', '≠': '\\ne ', '≤': '\\le ', '≥': '\\ge ', '<': '<', '>': '>', '∈': '\\in '
};

/** An expression as LaTeX (standard LaTeX and amsmath/amssymb only). Never throws. */
export function latexExpression(node: Expression | undefined, context: LatexContext): string {
    try {
        return node ? render(node, context, 0) : '\\,?\\,';
    } catch {
        return '\\,?\\,';
    }
}

function latexRelation(op: string): string {
    return RELATIONS[op] ?? escapeText(op);
}

function render(node: Expression, ctx: LatexContext, outer: Level | 0): string {
    const [tex, level] = renderWithLevel(node, ctx);
    return level < outer ? `\\left(${tex}\\right)` : tex;
}

function renderWithLevel(node: Expression, ctx: LatexContext): [string, Level] {
    if (isComparison(node)) return [comparison(node, ctx), Level.Comparison];
    if (isBinaryExpression(node)) return binary(node, ctx);
    if (isUnaryExpression(node)) return [`${node.op === '+' ? '+' : '-'}${render(node.operand, ctx, Level.Unary)}`, Level.Unary];
    if (isInteger(node)) return [integer(node.element.$refText, targetOf(node.element)), Level.Primary];
    if (isDecimal(node)) return [decimal(node.value), Level.Primary];
    if (isNameRef(node)) return [nameOf(node.ref.$refText, targetOf(node.ref)), Level.Primary];
    if (isConstant(node)) return [constant(node.value, node, ctx), Level.Primary];
    if (isDecisionRule(node)) return [`\\mathrm{${node.rule}}`, Level.Primary];
    if (isBooleanLiteral(node)) return [`\\text{${node.value ? 'true' : 'false'}}`, Level.Primary];
    if (isInterval(node)) return [`[${render(node.lower, ctx, 0)},${render(node.upper, ctx, 0)}${node.openUpper ? ')' : ']'}`,
        Level.Primary];
    if (isTuple(node)) return [`(${node.items.map(item => render(item, ctx, 0)).join(',')}${node.closedByBracket ? ']' : ')'}`,
        Level.Primary];
    if (isBraceLiteral(node)) return [brace(node, ctx), Level.Primary];
    if (isCall(node)) return call(node, ctx);
    if (isBracketApplication(node)) {
        const argument = (node.head === 'E' ? conditional(node.argument, ctx) : undefined) ?? render(node.argument, ctx, 0);
        return [bracketApplication(node.head, argument, ctx), Level.Primary];
    }
    if (isMemberAccess(node)) {
        return [`${nameOf(node.receiver.ref.$refText, targetOf(node.receiver.ref))}.${escapeText(node.member?.$refText ?? '?')}`, Level.Primary];
    }
    if (isKeyValue(node)) return [`${render(node.key, ctx, Level.Primary)}\\mapsto ${render(node.value, ctx, 0)}`, Level.Comparison];
    if (isAMeasureLiteral(node)) return [`(${render(node.measure, ctx, 0)},\\ ${render(node.offset, ctx, 0)})`, Level.Primary];
    if (isElseItem(node)) return [`\\text{else}\\mapsto ${render(node.value, ctx, 0)}`, Level.Comparison];
    return ['\\,?\\,', Level.Primary];
}

function comparison(node: Comparison, ctx: LatexContext): string {
    // `subset(K, L) == false` reads as K ⊈ L, `isEmpty(K) == true` as K = ∅.
    if ((node.op === '==' || node.op === '≠') && isBooleanLiteral(node.right) && isCall(node.left)) {
        const predicate = predicateTex(node.left, ctx, node.right.value === (node.op === '=='));
        if (predicate !== undefined) return predicate;
    }
    // In a constraint block `x in [l, u]` reads as the chain l ≤ x ≤ u (SEMANTICS §A.10).
    if (ctx.constraints && node.op === '∈' && isInterval(node.right) && !node.right.openUpper) {
        return `${render(node.right.lower, ctx, Level.Condition)}\\le ${render(node.left, ctx, Level.Condition)}\\le ${render(node.right.upper, ctx, Level.Condition)}`;
    }
    return `${render(node.left, ctx, Level.Comparison)}${latexRelation(node.op)}${render(node.right, ctx, Level.Condition)}`;
}

function predicateTex(node: Call, ctx: LatexContext, positive: boolean): string | undefined {
    const arg = (i: number): string => node.arguments[i] ? render(node.arguments[i], ctx, Level.Primary) : '\\,?\\,';
    switch (node.callee) {
        case 'isEmpty': return `${arg(0)}${positive ? '=' : '\\ne '}\\emptyset`;
        case 'isPrecise': return `${arg(0)}\\ \\text{is ${positive ? '' : 'not '}precise}`;
        case 'isVacuous': return `${arg(0)}\\ \\text{is ${positive ? '' : 'not '}vacuous}`;
        case 'contains': return `${arg(1)}${positive ? '\\in ' : '\\notin '}${arg(0)}`;
        case 'subset': return `${arg(0)}${positive ? '\\subseteq ' : '\\not\\subseteq '}${arg(1)}`;
        default: return undefined;
    }
}

function binary(node: BinaryExpression, ctx: LatexContext): [string, Level] {
    const spec = BINARY[node.op] ?? { tex: escapeText(node.op), level: Level.Multiplicative };
    if (node.op === '^') {
        return [`{${render(node.left, ctx, Level.Primary)}}^{${render(node.right, ctx, 0)}}`, Level.Power];
    }
    if (node.op === '/' && isNumeral(node.left) && isNumeral(node.right)) {
        return [`\\tfrac{${render(node.left, ctx, 0)}}{${render(node.right, ctx, 0)}}`, Level.Primary];
    }
    const left = render(node.left, ctx, spec.level);
    // Right operands of - and / bind one level tighter (a - (b - c)).
    const rightLevel = node.op === '-' || node.op === '/' || node.op === '∖' ? spec.level + 1 : spec.level;
    const right = render(node.right, ctx, rightLevel as Level);
    if (node.op === '*' && isScalarLiteral(node.left) && !isScalarLiteral(node.right)) {
        return [`${left}\\,${right}`, spec.level];
    }
    return [`${left}${spec.tex}${right}`, spec.level];
}

function isNumeral(node: Expression): boolean {
    return (isInteger(node) && !isElement(targetOf(node.element))) || isDecimal(node);
}

function isScalarLiteral(node: Expression): boolean {
    return isNumeral(node) || (isBinaryExpression(node) && node.op === '/' && isNumeral(node.left) && isNumeral(node.right));
}

function integer(text: string, target: NamedElement | undefined): string {
    return isElement(target) ? latexElement(text) : groupDigits(text);
}

/** `0.25`, `1e6` → `10^{6}`, `2.5e-3` → `2.5\times 10^{-3}`. */
function decimal(text: string): string {
    const match = /^([0-9.]+)[eE]([+-]?[0-9]+)$/.exec(text);
    if (!match) return text;
    const exponent = match[2].replace(/^\+/, '');
    return match[1] === '1' ? `10^{${exponent}}` : `${match[1]}\\times 10^{${exponent}}`;
}

function groupDigits(digits: string): string {
    if (digits.length <= 6) return digits;
    const groups: string[] = [];
    for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
    return groups.join('\\,');
}

/** A reference by name: credal sets calligraphic, elements and words upright. */
function nameOf(text: string, target: NamedElement | undefined): string {
    if (isElement(target)) return latexElement(text);
    if (isAct(target) || isPolicy(target)) return `\\mathrm{${escapeText(text)}}`;
    return latexName(text, isCredalDeclaration(target) || isInfraDeclaration(target) ? 'credal' : 'plain');
}

function constant(value: string, node: AstNode, ctx: LatexContext): string {
    switch (value) {
        case 'all': return ctx.setTex(node) ?? '\\Omega';
        case 'none': return '\\emptyset';
        case 'vacuous': return `\\Delta ${ctx.setTex(node) ?? '\\Omega'}`;
        case 'uniform': return `\\operatorname{unif}(${ctx.setTex(node) ?? '\\Omega'})`;
        case 'rest': return '\\text{rest}';
        default: return `\\text{${escapeText(value)}}`;
    }
}

function brace(node: BraceLiteral, ctx: LatexContext): string {
    if (node.items.length === 0) return '\\emptyset';
    return `\\{${node.items.map(item => render(item, ctx, 0)).join(',\\ ')}\\}`;
}

function bracketApplication(head: string, argument: string, ctx: LatexContext): string {
    if (head === '1') return `1_{${argument}}`;
    if (head === 'E') return ctx.constraints ? `E_p[${argument}]` : `E[${argument}]`;
    return `\\mathrm{${escapeText(head)}}[${argument}]`;
}

function call(node: Call, ctx: LatexContext): [string, Level] {
    const args = node.arguments;
    const arg = (i: number, level: Level | 0 = 0): string => args[i] ? render(args[i], ctx, level) : '\\,?\\,';
    const all = (): string => args.map(a => render(a, ctx, 0)).join(',');
    const unary = (tex: string): [string, Level] => [tex, Level.Primary];
    switch (node.callee) {
        case 'P':
            if (args.length === 1 && conditional(args[0])) return unary(`${ctx.constraints ? 'p' : 'P'}(${conditional(args[0], ctx)})`);
            if (args.length === 1) return unary(`${ctx.constraints ? 'p' : 'P'}(${arg(0)})`);
            return unary(`${arg(0, Level.Primary)}(${arg(1)})`);
        case 'E':
            if (args.length === 1 && conditional(args[0])) return unary(`E_{${ctx.constraints ? 'p' : ''}}[${conditional(args[0], ctx)}]`);
            if (args.length === 1) return unary(`E_{${ctx.constraints ? 'p' : ''}}[${arg(0)}]`);
            return unary(`E_{${arg(0)}}[${arg(1)}]`);
        case 'lowerP': return unary(`\\underline{P}_{${arg(0)}}(${arg(1)})`);
        case 'upperP': return unary(`\\overline{P}_{${arg(0)}}(${arg(1)})`);
        case 'lowerE': return unary(`\\underline{E}_{${arg(0)}}[${arg(1)}]`);
        case 'upperE': return unary(`\\overline{E}_{${arg(0)}}[${arg(1)}]`);
        case 'interval': return unary(intervalQuery(args[1], arg(0), arg(1)));
        case 'vertices': return unary(`\\operatorname{ext}${arg(0, Level.Primary)}`);
        case 'tv': return unary(`\\operatorname{TV}(${all()})`);
        case 'isEmpty': return [`${arg(0, Level.Primary)}=\\emptyset`, Level.Comparison];
        case 'isPrecise': return [`${arg(0, Level.Primary)}\\ \\text{is precise}`, Level.Comparison];
        case 'isVacuous': return [`${arg(0, Level.Primary)}\\ \\text{is vacuous}`, Level.Comparison];
        case 'contains': return [`${arg(1, Level.Primary)}\\in ${arg(0, Level.Primary)}`, Level.Comparison];
        case 'subset': return [`${arg(0, Level.Primary)}\\subseteq ${arg(1, Level.Primary)}`, Level.Comparison];
        case 'dim': return unary(`\\dim ${arg(0, Level.Primary)}`);
        case 'choose':
            return unary(args.length >= 2 ? `\\operatorname{opt}_{${arg(1)}}(${arg(0)})` : `\\operatorname{opt}(${arg(0)})`);
        case 'value':
            return unary(args.length >= 3 ? `V_{${arg(2)}}^{${arg(0)}}(${arg(1)})` : `V^{${arg(0)}}(${arg(1)})`);
        case 'hull': return unary(`\\operatorname{conv}${hullArgument(node, ctx)}`);
        case 'vacuous': return unary(`\\Delta ${args.length > 0 ? arg(0, Level.Primary) : ctx.setTex(node) ?? '\\Omega'}`);
        case 'contamination':
            return [`(1-${arg(1, Level.Primary)})\\,${arg(0, Level.Primary)}+${arg(1, Level.Primary)}\\,\\Delta ${ctx.setTex(node) ?? '\\Omega'}`, Level.Additive];
        case 'tvball': return unary(`B^{\\mathrm{TV}}_{${arg(1)}}(${arg(0)})`);
        case 'strong': return [`${arg(0, Level.Multiplicative)}\\boxtimes ${arg(1, Level.Multiplicative)}`, Level.Multiplicative];
        case 'marginal': return unary(`\\operatorname{marg}_{${arg(1)}}${arg(0, Level.Primary)}`);
        case 'compl': return unary(`{${arg(0, Level.Primary)}}^{\\mathsf{c}}`);
        case 'point': return unary(`\\delta_{${arg(0)}}`);
        case 'uniform': return unary(`\\operatorname{unif}(${args.length > 0 ? all() : ctx.setTex(node) ?? '\\Omega'})`);
        case 'mix': return [args.map(a => isKeyValue(a)
            ? `${render(a.key, ctx, Level.Primary)}\\,${render(a.value, ctx, Level.Primary)}`
            : render(a, ctx, Level.Additive)).join('+'), Level.Additive];
        case 'hurwicz': return unary(`\\mathrm{hurwicz}(${all()})`);
        case 'ibupdate': return unary(`${arg(0, Level.Primary)}|^{${arg(2)}}_{${arg(1)}}`);
        case 'ibprob': return unary(`P^{${arg(2)}}_{${arg(0)}}(${arg(1)})`);
        case 'generators': return unary(`\\operatorname{gen}${arg(0, Level.Primary)}`);
        case 'credal': return unary(`\\operatorname{credal}(${arg(0)})`);
        case 'normalize': return unary(`\\operatorname{normalize}(${arg(0)})`);
        case 'belief': return unary(`\\operatorname{Bel}\\,${args[0] ? brace(args[0] as BraceLiteral, ctx) : ''}`);
        case 'finite': return unary(args[0] ? brace(args[0] as BraceLiteral, ctx) : '\\emptyset');
        case 'dempster': return [`${arg(0, Level.Multiplicative)}\\oplus ${arg(1, Level.Multiplicative)}`, Level.Additive];
        case 'mobius': return unary(`m_{${arg(0)}}(${arg(1)})`);
        case 'condition': return [`${arg(0, Level.Union)}\\,|_{\\mathrm{${escapeText(args[2]?.$cstNode?.text ?? '')}}}\\,${arg(1, Level.Union)}`, Level.Condition];
        default: return unary(`\\operatorname{${escapeText(node.callee)}}(${all()})`);
    }
}

/**
 * The argument of `P(A | B)` / `E[f | B]` as a conditional, `A \mid B` (v1.1 §8.1); undefined when it is not
 * one. Without a context it only answers whether it is one.
 */
function conditional(node: Expression | undefined, ctx?: LatexContext): string | undefined {
    if (!isBinaryExpression(node) || node.op !== '|') return undefined;
    if (!ctx) return 'yes';
    return `${render(node.left, ctx, Level.Union)}\\mid ${render(node.right, ctx, Level.Union)}`;
}

/** `hull{p, q}` → `\{p,q\}`; `hull(K ∪ L)` → `(\mathcal K\cup\mathcal L)`. */
function hullArgument(node: Call, ctx: LatexContext): string {
    const [only] = node.arguments;
    if (node.arguments.length === 1 && isBraceLiteral(only)) return brace(only, ctx);
    return `\\left(${node.arguments.map(a => render(a, ctx, 0)).join(',')}\\right)`;
}

/** `interval(K, A)` is about probabilities, `interval(K, f)` about expectations. */
function intervalQuery(second: Expression | undefined, set: string, argument: string): string {
    const event = second !== undefined && looksLikeEvent(second);
    return event
        ? `[\\underline{P}_{${set}},\\overline{P}_{${set}}](${argument})`
        : `[\\underline{E}_{${set}},\\overline{E}_{${set}}][${argument}]`;
}

function looksLikeEvent(node: Expression): boolean {
    if (isBraceLiteral(node)) return node.items.every(item => !isKeyValue(item) && !isElseItem(item) && !isComparison(item));
    if (isNameRef(node)) return targetOf(node.ref)?.$type === 'EventDeclaration';
    if (isBinaryExpression(node)) return ['∪', '∩', '∖'].includes(node.op);
    if (isCall(node)) return node.callee === 'compl';
    return false;
}
