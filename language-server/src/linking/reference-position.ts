import type { AstNode } from 'langium';
import {
    isBehaviourClause, isBeliefClause, isBraceLiteral, isCall, isComparison, isCredalDeclaration, isEval, isKeyValue, isNameRef,
        isObserveBranch, isTuple,
    type BraceLiteral, type DdtDeclaration, type DecisionDeclaration, type Integer, type NameRef, type TreeDeclaration, type Tuple
} from '../generated/ast.js';
import { targetOf } from './safe-ref.js';
import type { SetInference } from './set-inference.js';
import type { SetShape } from './set-shape.js';

/**
 * What a name or integer written at some position denotes, decided by context (LANGUAGE.md §3.3):
 * - `element`: an element of `set` (of its factor `factor` when the set is a product and the name
 *   sits inside a tuple). `set` is undefined when the literal's set cannot be told (no `on` clause).
 * - `act`: an act of a decision problem, a policy of a DDT problem (`choose(D, r) == {back, lay}`) or a
 *   strategy of a decision tree (named by the evaluator: it has no declaration to link to).
 * - `value`: an ordinary name (a declaration), or, for an integer, a number.
 */
type ReferencePosition =
    | { readonly kind: 'element'; readonly set: SetShape | undefined; readonly factor: number | undefined }
    | { readonly kind: 'act'; readonly problem: DecisionDeclaration | DdtDeclaration | TreeDeclaration | undefined }
    | { readonly kind: 'value' }
    /** A word read by the evaluator, not a reference: the rule of `condition(K, B, regular)`. */
    | { readonly kind: 'word' };

const VALUE: ReferencePosition = { kind: 'value' };

export function referencePosition(node: NameRef | Integer, inference: SetInference): ReferencePosition {
    const parent = node.$container;
    const action = behaviourActionProblem(node);
    if (action) {
        // `behaviour { e: {o: a} }`: the value of a fact is an action (§8.8).
        return elementOf(inference.policySet(action, 'to'), undefined);
    }
    if (isKeyValue(parent) && parent.key === node && isBraceLiteral(parent.$container)) {
        // `{heads: 1/2}`: the key of a mapping is an element; the value is an ordinary expression.
        return elementOf(inference.contextSetOf(parent.$container), undefined);
    }
    if (isBraceLiteral(parent)) {
        return bareItemPosition(node, parent, inference);
    }
    if (isObserveBranch(parent) && parent.event === node && parent.$container.factor) {
        // `observe F { a: … }`: the key is an element of the factor F.
        return elementOf(inference.setOf(targetOf(parent.$container.factor)), undefined);
    }
    if (isCall(parent)) {
        if (parent.callee === 'point' || inference.kernelOf(parent)) {
            return elementOf(inference.contextSetOf(node), undefined);
        }
        if (parent.callee === 'condition' && parent.arguments[2] === node) {
            return { kind: 'word' };
        }
        if (parent.callee === 'value' && parent.arguments[1] === node) {
            return { kind: 'act', problem: inference.problemOf(parent.arguments[0]) };
        }
        return VALUE;
    }
    if (isTuple(parent)) {
        return tupleItemPosition(node, parent, inference);
    }
    return VALUE;
}

/** A name or integer standing alone in `{…}`. */
function bareItemPosition(node: AstNode, brace: BraceLiteral, inference: SetInference): ReferencePosition {
    if (listsGenerators(brace)) {
        return VALUE;
    }
    const problem = actProblemOfLiteral(brace, inference);
    if (problem) {
        return { kind: 'act', problem };
    }
    const set = inference.contextSetOf(brace);
    if (!set && node.$type === 'Integer') {
        return VALUE; // a set of numbers, or a literal whose set is unknown: numbers stay numbers
    }
    return elementOf(set, undefined);
}

/** `(heads, tails)` inside an event literal on a product names one element: item i is in factor i. */
function tupleItemPosition(node: AstNode, tuple: Tuple, inference: SetInference): ReferencePosition {
    const literal = elementTupleLiteral(tuple, inference);
    if (!literal) {
        return VALUE; // a gamble, distribution or point given as a tuple of numbers
    }
    const set = inference.contextSetOf(literal);
    if (!set || set.factors.length < 2) {
        return node.$type === 'Integer' && !set ? VALUE : elementOf(set, undefined);
    }
    return elementOf(set, tuple.items.findIndex((item) => item === node));
}

/**
 * The literal (or `point(…)` call) whose set a tuple names an element of, when the tuple is in element
 * position: a bare item of an event literal `{(heads, tails)}`, a key `{(heads, red): 3}`, or `point((a, b))`.
 */
function elementTupleLiteral(tuple: Tuple, inference: SetInference): AstNode | undefined {
    const holder = tuple.$container;
    if (isKeyValue(holder) && holder.key === tuple && isBraceLiteral(holder.$container)) {
        return holder.$container;
    }
    if (isBraceLiteral(holder) && !listsGenerators(holder) && !actProblemOfLiteral(holder, inference)) {
        return holder;
    }
    if (isCall(holder) && (holder.callee === 'point' || inference.kernelOf(holder))) {
        return holder;
    }
    return undefined;
}

/**
 * `hull{p, q, {a: 1}}`, and a bare `{p, q}` given as a credal set (`credal L on X = {p, q}`, `belief {p, q}`,
 * an implicit hull): the items are generators — distributions named globally or written as tuples of masses —
 * never elements, even when the set is known from `on X`.
 */
function listsGenerators(brace: BraceLiteral): boolean {
    const holder = brace.$container;
    return (isCall(holder) && (holder.callee === 'hull' || holder.callee === 'finite'))
        || (isCredalDeclaration(holder) && holder.value === brace)
        || (isBeliefClause(holder) && holder.belief === brace);
}

/** The decision/DDT problem whose act or policy names a `{…}` literal lists, if it is compared with `choose(…)`. */
function actProblemOfLiteral(brace: BraceLiteral,
    inference: SetInference): DecisionDeclaration | DdtDeclaration | TreeDeclaration | undefined {
    const holder = brace.$container;
    if (!isComparison(holder)) {
        return undefined;
    }
    const other = holder.left === brace ? holder.right : holder.left;
    return isChooseOrItsName(other) ? inference.problemOf(other) : undefined;
}

/** `choose(…)`, or the name of an `eval` whose value is one (followed a bounded number of hops: cycles are possible). */
function isChooseOrItsName(node: AstNode | undefined, hops = 0): boolean {
    if (isCall(node)) {
        return node.callee === 'choose' || node.callee === 'chooseBackward' || node.callee === 'strategies';
    }
    if (isNameRef(node) && hops < 8) {
        const target = targetOf(node.ref);
        return isEval(target) && isChooseOrItsName(target.value, hops + 1);
    }
    return false;
}

function elementOf(set: SetShape | undefined, factor: number | undefined): ReferencePosition {
    return { kind: 'element', set, factor };
}

/** The DDT problem whose `behaviour` block has `node` as the action of a fact `{o: a}`, if it is one. */
function behaviourActionProblem(node: AstNode): DdtDeclaration | undefined {
    const fact = node.$container;
    const facts = fact?.$container;
    const entry = facts?.$container;
    const block = entry?.$container;
    const clause = block?.$container;
    if (isKeyValue(fact) && fact.value === node && isBraceLiteral(facts) && isKeyValue(entry) && entry.value === facts
        && isBraceLiteral(block) && isBehaviourClause(clause)) {
        return clause.$container;
    }
    return undefined;
}
