import type { AstNode } from 'langium';
import {
    isActsClause, isBeliefClause, isBinaryExpression, isBraceLiteral, isBracketApplication, isCall, isComparison,
    isDdtDeclaration, isDecisionDeclaration, isElement, isElseItem, isEval, isKeyValue, isNameRef, isPayoffClause,
    isPoliciesClause, isPolicy, isSetDeclaration, isSetLiteral, isSetProduct, isSetRange, isSetRef, isUnaryExpression,
    isAct, isInteger, isAMeasureLiteral, isKernelDeclaration, isModel, isMemberAccess, isBehaviourClause, isTreeDeclaration, isTreeRoot,
    isTreeChoice, isDecideNode, isObserveNode, isObserveBranch, isTreeLeaf, isTreeShift,
    type Call, type KernelDeclaration, type DdtDeclaration, type DecisionDeclaration, type Expression, type SetExpression,
        type TreeDeclaration
} from '../generated/ast.js';
import { targetOf } from './safe-ref.js';
import { kernelsOf } from './statement-dependencies.js';
import { productShape, relabel, type BaseSet, type SetShape } from './set-shape.js';

/** Builtins whose result lives on the same set as their (distribution, credal or event) arguments. */
const CONSTRUCTORS_ON_ARGUMENT_SET = new Set([
    'hull', 'tvball', 'contamination', 'mix', 'compl', 'vacuous', 'point', 'ibupdate', 'normalize', 'credal',
    'condition', 'belief', 'finite', 'dempster'
]);

/** Declarations that may say `on X`. */
type DeclarationWithOn = AstNode & { on?: SetExpression; value?: Expression };

/**
 * "What set does this live on?" — the one place that answers it, for linking (element resolution)
 * and, later, for the evaluator (E-TYPE). Two directions:
 * - `setOf(node)`, bottom-up: the set a declaration or expression lives on, from its `on` clause or
 *   inferred from what it is built from (`credal B = tvball(fair, 1/10)` lives on fair's set);
 * - `contextSetOf(node)`, top-down: the set that a literal written at this position must live on (the
 *   enclosing declaration's `on`, or the set of the sibling argument: `lowerP(K, {heads})`).
 * Never throws; reference cycles (K → L → K) give `undefined` instead of overflowing the stack.
 */
export class SetInference {
    private cache = new WeakMap<AstNode, SetShape | null>();
    private readonly inProgress = new Set<AstNode>();
    private cycleSeen = false;

    /**
     * Drops every answer: called when a note changes, since unchanged declarations keep their nodes
     * across versions (syntax/statement-splice.ts) while what they refer to may have changed.
     */
    forget(): void {
        this.cache = new WeakMap();
    }

    /** The set a declaration, element, act or expression lives on, if it can be told. */
    setOf(node: AstNode | undefined): SetShape | undefined {
        if (!node) {
            return undefined;
        }
        const cached = this.cache.get(node);
        if (cached !== undefined) {
            return cached ?? undefined;
        }
        if (this.inProgress.has(node)) {
            this.cycleSeen = true;
            return undefined;
        }
        const outermost = this.inProgress.size === 0;
        if (outermost) {
            this.cycleSeen = false;
        }
        this.inProgress.add(node);
        let result: SetShape | undefined;
        try {
            result = this.computeSetOf(node);
        } catch {
            result = undefined;
        } finally {
            this.inProgress.delete(node);
        }
        // Results computed while a cycle was open may be incomplete: keep them out of the cache.
        if (!this.cycleSeen) {
            this.cache.set(node, result ?? null);
        }
        if (outermost) {
            this.cycleSeen = false;
        }
        return result;
    }

    /** The set denoted by a set expression (`Coin`, `Coin × Coin`, `{a, b}`, `{1 .. 6}`). */
    shapeOf(expression: SetExpression | undefined): SetShape | undefined {
        if (!expression) {
            return undefined;
        }
        if (isSetLiteral(expression) || isSetRange(expression)) {
            return { factors: [baseSetOf(expression)], label: labelOfLiteral(expression) };
        }
        if (isSetRef(expression)) {
            return this.setOf(targetOf(expression.set));
        }
        if (isSetProduct(expression)) {
            const parts = expression.factors.map(factor => this.shapeOf(factor));
            if (parts.some(part => part === undefined)) {
                return undefined;
            }
            return productShape(parts as SetShape[]);
        }
        return undefined;
    }

    /**
     * The set that a literal at this position lives on: where `{heads}` or `(1, 0)` written here would
     * have its elements resolved.
     */
    contextSetOf(node: AstNode): SetShape | undefined {
        try {
            return this.computeContextSetOf(node, 0);
        } catch {
            return undefined;
        }
    }

    /**
     * The set `node` lives on, all things considered: where it stands (`contextSetOf`), else what it is
     * built from (`setOf`). What the preview writes for `all`, `vacuous` and `uniform`.
     */
    homeSetOf(node: AstNode): SetShape | undefined {
        return this.contextSetOf(node) ?? this.setOf(node);
    }

    /** The decision or DDT problem a declaration or expression refers to (for act and policy names). */
    problemOf(node: AstNode | undefined): DecisionDeclaration | DdtDeclaration | TreeDeclaration | undefined {
        let current = node;
        for (let hops = 0; current && hops < 16; hops++) {
            if (isDecisionDeclaration(current) || isDdtDeclaration(current) || isTreeDeclaration(current)) {
                return current;
            }
            if (isNameRef(current)) {
                current = targetOf(current.ref);
            } else if (isEval(current)) {
                current = current.value;
            } else if (isCall(current) && PROBLEM_QUERIES.has(current.callee)) {
                current = current.arguments[0];
            } else {
                return undefined;
            }
        }
        return undefined;
    }

    /** The kernel a call `k(x)` applies, when its callee names a `kernel` declaration of the note. */
    kernelOf(call: Call): KernelDeclaration | undefined {
        let root: AstNode | undefined = call;
        while (root?.$container) {
            root = root.$container;
        }
        if (!isModel(root)) {
            return undefined;
        }
        return kernelsOf(root.statements).get(call.callee);
    }

    /** The observation (`from`) or action (`to`) set of a DDT's generated policies (§8.8). */
    policySet(problem: DdtDeclaration, which: 'from' | 'to'): SetShape | undefined {
        const clause = problem.clauses.find(isPoliciesClause);
        return this.shapeOf(clause?.[which]);
    }

    private computeSetOf(node: AstNode): SetShape | undefined {
        if (isKernelDeclaration(node)) {
            return this.shapeOf(node.to);
        }
        if (isSetDeclaration(node)) {
            const shape = this.shapeOf(node.value);
            return shape && relabel(shape, node.name);
        }
        if (isElement(node)) {
            const literal = node.$container;
            return { factors: [baseSetOf(literal)], label: labelOfLiteral(literal) };
        }
        if (isDecisionDeclaration(node) || isDdtDeclaration(node) || isTreeDeclaration(node)) {
            return this.shapeOf(node.on) ?? this.setOf(beliefOf(node));
        }
        if (isAct(node) || isPolicy(node)) {
            return this.setOf(node.$container.$container);
        }
        if (isEval(node)) {
            return this.setOf(node.value);
        }
        if (isDeclarationWithOn(node)) {
            return this.shapeOf(node.on) ?? this.setOf(node.value);
        }
        return this.computeSetOfExpression(node);
    }

    private computeSetOfExpression(node: AstNode): SetShape | undefined {
        if (isNameRef(node)) {
            return this.setOf(targetOf(node.ref));
        }
        if (isMemberAccess(node)) {
            return this.setOf(targetOf(node.receiver?.ref));
        }
        if (isInteger(node)) {
            const element = targetOf(node.element);
            return isElement(element) ? this.setOf(element) : undefined;
        }
        if (isCall(node)) {
            return this.setOfCall(node);
        }
        if (isBinaryExpression(node)) {
            switch (node.op) {
                case '⊠': case '⋉': {
                    const left = this.setOf(node.left);
                    const right = this.setOf(node.right);
                    return left && right ? productShape([left, right]) : undefined;
                }
                case '|':
                    return this.setOf(node.left);
                case '^':
                    return undefined;
                case '*':
                    if (denotesSet(node.left) && denotesSet(node.right)) {
                        const left = this.setOf(node.left);
                        const right = this.setOf(node.right);
                        return left && right ? productShape([left, right]) : undefined;
                    }
                    return this.setOf(node.left) ?? this.setOf(node.right);
                default:
                    return this.setOf(node.left) ?? this.setOf(node.right);
            }
        }
        if (isUnaryExpression(node)) {
            return this.setOf(node.operand);
        }
        if (isKeyValue(node)) {
            return this.setOf(node.value);
        }
        if (isBracketApplication(node)) {
            // `1[A]` is a gamble on A's set; `E[f]` is a number.
            return node.head === 'E' ? undefined : this.setOf(node.argument);
        }
        if (isBraceLiteral(node)) {
            for (const item of node.items) {
                if (isKeyValue(item) || isElseItem(item) || isComparison(item)) {
                    continue;
                }
                const shape = this.setOf(item);
                if (shape) {
                    return shape;
                }
            }
        }
        return undefined;
    }

    private setOfCall(call: Call): SetShape | undefined {
        const args = call.arguments;
        const kernel = this.kernelOf(call);
        if (kernel) {
            return this.shapeOf(kernel.to);
        }
        switch (call.callee) {
            case 'marginal':
                return this.setOf(args[1]);
            case 'strong': {
                const left = this.setOf(args[0]);
                const right = this.setOf(args[1]);
                return left && right ? productShape([left, right]) : undefined;
            }
            default:
                if (!CONSTRUCTORS_ON_ARGUMENT_SET.has(call.callee)) {
                    return undefined;
                }
                for (const arg of args) {
                    const shape = this.setOf(arg);
                    if (shape) {
                        return shape;
                    }
                }
                return undefined;
        }
    }

    private computeContextSetOf(node: AstNode, depth: number): SetShape | undefined {
        const parent = node.$container;
        if (!parent || depth > 64) {
            return undefined;
        }
        const up = (): SetShape | undefined => this.computeContextSetOf(parent, depth + 1);
        if (isKernelDeclaration(parent)) {
            return node === parent.value ? this.shapeOf(parent.from) : undefined;
        }
        if ((isKeyValue(parent) || isElseItem(parent)) && isBraceLiteral(parent.$container)
            && isKernelDeclaration(parent.$container.$container)) {
            // A kernel body: keys are elements of `from`, values credal sets on `to`.
            const kernel = parent.$container.$container;
            return isKeyValue(parent) && node === parent.key ? this.shapeOf(kernel.from) : this.shapeOf(kernel.to);
        }
        if (isAMeasureLiteral(parent)) {
            return up();
        }
        if (isBeliefClause(parent) || isActsClause(parent)) {
            return this.setOf(parent.$container);
        }
        if (isAct(parent) || isPolicy(parent)) {
            return this.setOf(parent.$container.$container);
        }
        if (isPoliciesClause(parent) || isPayoffClause(parent) || isBehaviourClause(parent)) {
            return this.setOf(parent.$container);
        }
        if (isTreePart(parent)) {
            // Events, leaves and shifts inside a tree live on the tree's set (`c` of `node - c` is a number).
            return isTreeShift(parent) && parent.amount === node ? undefined : this.setOf(enclosingTree(parent));
        }
        if (isKeyValue(parent) && node === parent.value && isBraceLiteral(parent.$container)
            && isBehaviourClause(parent.$container.$container)) {
            // `behaviour { e: {o: a} }`: the facts of an outcome are keyed by observations.
            return this.policySet(parent.$container.$container.$container, 'from');
        }
        if (isDeclarationWithOn(parent)) {
            return this.shapeOf(parent.on);
        }
        if (isBinaryExpression(parent)) {
            if (parent.op === '|') {
                return node === parent.right ? this.setOf(parent.left) ?? up() : up();
            }
            if (parent.op === '⊠' || parent.op === '⋉' || parent.op === '^') {
                return undefined;
            }
            const sibling = node === parent.left ? parent.right : parent.left;
            return up() ?? this.setOf(sibling);
        }
        if (isComparison(parent)) {
            const sibling = node === parent.left ? parent.right : parent.left;
            return up() ?? this.setOf(sibling);
        }
        if (isUnaryExpression(parent) || isBraceLiteral(parent) || isKeyValue(parent) || isElseItem(parent)
            || isBracketApplication(parent)) {
            return up();
        }
        if (isCall(parent)) {
            const kernel = this.kernelOf(parent);
            if (kernel) {
                return this.shapeOf(kernel.from);
            }
            for (const arg of parent.arguments) {
                if (arg !== node) {
                    const shape = this.setOf(arg);
                    if (shape) {
                        return shape;
                    }
                }
            }
            return CONSTRUCTORS_ON_ARGUMENT_SET.has(parent.callee) || parent.callee === 'P' || parent.callee === 'E' ? up() : undefined;
        }
        return undefined;
    }
}

function isDeclarationWithOn(node: AstNode): node is DeclarationWithOn {
    switch (node.$type) {
        case 'EventDeclaration': case 'DistDeclaration': case 'GambleDeclaration': case 'CredalDeclaration':
        case 'InfraDeclaration':
            return true;
        default:
            return false;
    }
}

/** Queries whose first argument is a problem (acts, policies or strategies are named after it). */
const PROBLEM_QUERIES = new Set(['choose', 'value', 'chooseBackward', 'strategies']);

function isTreePart(node: AstNode): boolean {
    return isTreeRoot(node) || isTreeChoice(node) || isDecideNode(node) || isObserveNode(node) || isObserveBranch(node)
        || isTreeLeaf(node) || isTreeShift(node);
}

function enclosingTree(node: AstNode): TreeDeclaration | undefined {
    let current: AstNode | undefined = node;
    while (current && !isTreeDeclaration(current)) current = current.$container;
    return current;
}

function beliefOf(problem: DecisionDeclaration | DdtDeclaration | TreeDeclaration): Expression | undefined {
    for (const clause of problem.clauses) {
        if (isBeliefClause(clause)) {
            return clause.belief;
        }
    }
    return undefined;
}

/** Whether an expression names a finite set (so that `*` between two of them is the product). */
function denotesSet(expression: Expression): boolean {
    if (isNameRef(expression)) {
        return isSetDeclaration(targetOf(expression.ref));
    }
    if (isBinaryExpression(expression) && expression.op === '*') {
        return denotesSet(expression.left) && denotesSet(expression.right);
    }
    return false;
}

function baseSetOf(literal: BaseSet['literal']): BaseSet {
    if (isSetRange(literal)) {
        return { literal, label: labelOfLiteral(literal), elements: [], range: { from: toBigInt(literal.from), to: toBigInt(literal.to) } };
    }
    return { literal, label: labelOfLiteral(literal), elements: literal.elements };
}

function labelOfLiteral(literal: BaseSet['literal']): string {
    const container = literal.$container;
    if (isSetDeclaration(container) && container.value === literal) {
        return container.name;
    }
    return isSetRange(literal)
        ? `{${literal.from} .. ${literal.to}}`
        : `{${literal.elements.map(element => element.name).join(', ')}}`;
}

/** Parser recovery can leave a bound empty; treat it as 0 rather than throwing. */
function toBigInt(text: string | undefined): bigint {
    return text && /^[0-9]+$/.test(text) ? BigInt(text) : 0n;
}
