import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import {
    isActsClause, isBinaryExpression, isBraceLiteral, isCall, isDdtDeclaration, isDecisionDeclaration, isElseItem,
    isInterval, isKeyValue, isNameRef, isPoliciesClause, isSetDeclaration, isSetLiteral, isSetProduct, isSetRange,
    isTuple, isBracketApplication, isComparison, type Expression, type Model
} from '../../generated/ast.js';
import { targetOf } from '../../linking/safe-ref.js';
import type { ProductContext } from './operator-spelling.js';

/** A token of the source, comments included, with what the formatter needs to know about it. */
export interface SourceToken {
    readonly text: string;
    readonly offset: number;
    readonly end: number;
    readonly comment?: 'line' | 'block';
}

/** A `{…}` pair and how its inside is laid out. */
export interface BracePair {
    readonly open: number;
    readonly close: number;
    /** Problem bodies, acts and policies: one clause or act per line, always. */
    readonly block: boolean;
    /** A mapping or constraint block written over several lines: one item per line. */
    readonly onePerLine: boolean;
    /** Spaces inside a one-line literal (`{ P(A) ≥ 1/2 }`), as the author chose. */
    readonly padded: boolean;
}

/** Structural facts about the tokens of a parsed note, keyed by token offset. */
export interface TokenRoles {
    /** First tokens of statements, clauses, acts, policies: always start a line. */
    readonly lineStarts: Set<number>;
    /** First tokens of list items (arguments, tuple items, literal items): never a continuation. */
    readonly itemStarts: Set<number>;
    readonly braces: Map<number, BracePair>;
    readonly closingBraces: Map<number, BracePair>;
    /** Operator tokens: their grammar rule and, for `*`, what they multiply. */
    readonly operators: Map<number, { rule: string; product?: ProductContext }>;
    /** `(` of a call and `[` of `E[f]` / `1[A]`: no space before. */
    readonly glued: Set<number>;
    /** Tokens whose surrounding spaces the author chooses (`1/2` vs `1 / 2`, `hull{…}`, `1 .. 6`). */
    readonly keepSpacing: Set<number>;
    /** Alignment groups: the tokens that should start at one column (acts' `=`, mapping values). */
    readonly alignGroups: number[][];
}

/** The tokens of a text, comments included, in order. */
export function sourceTokens(lexed: { tokens: ReadonlyArray<TokenLike>; hidden?: ReadonlyArray<TokenLike> }): SourceToken[] {
    const all = [...lexed.tokens, ...(lexed.hidden ?? [])].map(token => ({
        text: token.image,
        offset: token.startOffset,
        end: token.startOffset + token.image.length,
        ...(commentKind(token.image) ? { comment: commentKind(token.image) } : {})
    }));
    return all.sort((a, b) => a.offset - b.offset);
}

interface TokenLike {
    readonly image: string;
    readonly startOffset: number;
}

function commentKind(image: string): 'line' | 'block' | undefined {
    if (image.startsWith('//')) {
        return 'line';
    }
    return image.startsWith('/*') && !image.startsWith('/*!') ? 'block' : undefined;
}

export function analyseRoles(model: Model, text: string): TokenRoles {
    const roles: TokenRoles = {
        lineStarts: new Set(), itemStarts: new Set(), braces: new Map(), closingBraces: new Map(),
        operators: new Map(), glued: new Set(), keepSpacing: new Set(), alignGroups: []
    };
    for (const node of AstUtils.streamAst(model)) {
        collectStarts(node, roles);
        collectBraces(node, text, roles);
        collectAlignment(node, roles);
    }
    collectAuthorAlignment(model, text, roles);
    if (model.$cstNode) {
        for (const leaf of CstUtils.streamCst(model.$cstNode)) {
            if (isLeafCstNode(leaf) && !leaf.hidden) {
                collectLeaf(leaf, roles);
            }
        }
    }
    return roles;
}

function collectStarts(node: AstNode, roles: TokenRoles): void {
    const container = node.$container;
    if (!container) {
        return;
    }
    const start = firstToken(node);
    if (start === undefined) {
        return;
    }
    const slot = `${container.$type}.${node.$containerProperty}`;
    if (LINE_SLOTS.has(slot)) {
        roles.lineStarts.add(start);
    } else if (ITEM_SLOTS.has(slot)) {
        roles.itemStarts.add(start);
    }
}

/** Children that always start a line: statements, clauses, acts, policies. */
const LINE_SLOTS = new Set([
    'Model.statements', 'DecisionDeclaration.clauses', 'DdtDeclaration.clauses', 'ActsClause.acts', 'PoliciesClause.policies'
]);

/** Children that are items of a list: a line starting with one is not a continuation. */
const ITEM_SLOTS = new Set([
    'BraceLiteral.items', 'SetLiteral.elements', 'Call.arguments', 'Tuple.items', 'Interval.lower', 'Interval.upper'
]);

function collectBraces(node: AstNode, text: string, roles: TokenRoles): void {
    const block = isDecisionDeclaration(node) || isDdtDeclaration(node) || isActsClause(node) || isPoliciesClause(node);
    if (!block && !isBraceLiteral(node) && !isSetLiteral(node) && !isSetRange(node)) {
        return;
    }
    const own = ownLeaves(node);
    const open = own.find(leaf => leaf.text === '{');
    const close = [...own].reverse().find(leaf => leaf.text === '}');
    if (!open || !close || close.offset < open.offset) {
        return;
    }
    const inside = text.slice(open.end, close.offset);
    const listOfEntries = isBraceLiteral(node) && node.items.length > 0
        && node.items.every(item => isKeyValue(item) || isElseItem(item) || isComparison(item));
    const pair: BracePair = {
        open: open.offset,
        close: close.offset,
        block,
        onePerLine: listOfEntries && inside.includes('\n'),
        padded: /^\s/.test(inside) || /\s$/.test(inside)
    };
    roles.braces.set(pair.open, pair);
    roles.closingBraces.set(pair.close, pair);
    if (isCall(node.$container) && node.$container.callee === 'hull') {
        roles.keepSpacing.add(pair.open);
    }
}

function collectAlignment(node: AstNode, roles: TokenRoles): void {
    if (isActsClause(node) || isPoliciesClause(node)) {
        const members = isActsClause(node) ? node.acts : node.policies;
        const keyword = isActsClause(node) ? '=' : 'consistent';
        const group = members
            .map(member => ownLeaves(member).find(leaf => leaf.text === keyword)?.offset)
            .filter((offset): offset is number => offset !== undefined);
        if (group.length > 1) {
            roles.alignGroups.push(group);
        }
    } else if (isBraceLiteral(node)) {
        const group = node.items
            .map(item => (isKeyValue(item) || isElseItem(item)) ? firstToken(item.value) : undefined)
            .filter((offset): offset is number => offset !== undefined);
        if (group.length > 1) {
            // Only used when the literal is laid out one entry per line (checked by the layout).
            roles.alignGroups.push(group);
        }
    }
}

/**
 * Declarations on consecutive lines whose `on` or `=` the author lined up (same column, padded)
 * stay lined up: `event Even      on Die` / `event Composite on Die`.
 */
function collectAuthorAlignment(model: Model, text: string, roles: TokenRoles): void {
    const statements = model.statements ?? [];
    let run: AstNode[] = [];
    const flush = () => {
        for (const keyword of ['on', '=']) {
            const leaves = run.map(statement => ownLeaves(statement).find(leaf => leaf.text === keyword));
            if (run.length < 2 || leaves.some(leaf => !leaf)) {
                continue;
            }
            const columns = new Set(leaves.map(leaf => leaf!.range.start.character));
            const padded = leaves.some(leaf => text.slice(Math.max(0, leaf!.offset - 2), leaf!.offset) === '  ');
            if (columns.size === 1 && padded) {
                roles.alignGroups.push(leaves.map(leaf => leaf!.offset));
            }
        }
        run = [];
    };
    for (const statement of statements) {
        const cst = statement.$cstNode;
        const previous = run[run.length - 1];
        const adjacent = previous?.$cstNode && cst && previous.$type === statement.$type
            && previous.$cstNode.range.end.line === previous.$cstNode.range.start.line
            && cst.range.start.line === previous.$cstNode.range.start.line + 1;
        if (!adjacent) {
            flush();
        }
        run.push(statement);
    }
    flush();
}

function collectLeaf(leaf: LeafCstNode, roles: TokenRoles): void {
    const source = leaf.grammarSource;
    const rule = source ? AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name : undefined;
    const node = leaf.astNode;
    if (rule && /Op$/.test(rule) && GrammarAST.isKeyword(source)) {
        roles.operators.set(leaf.offset, { rule, ...(rule === 'ProductOp' ? { product: productContext(node) } : {}) });
        if (rule === 'ProductOp' || rule === 'DivideOp') {
            roles.keepSpacing.add(leaf.offset);
        }
        return;
    }
    if (leaf.text === '^' || (leaf.text === '..' && isSetRange(node))) {
        roles.keepSpacing.add(leaf.offset);
    } else if ((leaf.text === '(' && isCall(node)) || (leaf.text === '[' && isBracketApplication(node))) {
        roles.glued.add(leaf.offset);
    }
}

/** Whether a `*` multiplies sets (a product of sets) or numbers/gambles; undefined when unclear. */
function productContext(node: AstNode): ProductContext {
    if (isSetProduct(node)) {
        return 'set';
    }
    if (isBinaryExpression(node)) {
        const left = setness(node.left);
        const right = setness(node.right);
        if (left === true && right === true) {
            return 'set';
        }
        if (left === false || right === false) {
            return 'number';
        }
    }
    return undefined;
}

/** true: denotes a finite set; false: surely not one; undefined: cannot tell (unresolved name). */
function setness(expression: Expression | undefined): boolean | undefined {
    if (!expression) {
        return undefined;
    }
    if (isNameRef(expression)) {
        const target = targetOf(expression.ref);
        return target ? isSetDeclaration(target) : undefined;
    }
    if (isBinaryExpression(expression) && expression.op === '*') {
        const left = setness(expression.left);
        const right = setness(expression.right);
        return left === true && right === true ? true : left === false || right === false ? false : undefined;
    }
    if (isTuple(expression) || isInterval(expression)) {
        return false;
    }
    return false;
}

/** Leaves that belong to the node itself (its keywords and brackets), not to its children. */
function ownLeaves(node: AstNode): LeafCstNode[] {
    if (!node.$cstNode) {
        return [];
    }
    return CstUtils.streamCst(node.$cstNode)
        .filter((cst: CstNode): cst is LeafCstNode => isLeafCstNode(cst) && !cst.hidden && cst.astNode === node)
        .toArray();
}

function firstToken(node: AstNode | undefined): number | undefined {
    if (!node?.$cstNode) {
        return undefined;
    }
    const leaf = CstUtils.streamCst(node.$cstNode).find(cst => isLeafCstNode(cst) && !cst.hidden);
    return leaf?.offset;
}
