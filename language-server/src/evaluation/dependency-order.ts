/**
 * The order in which declarations can be evaluated without deep recursion: a declaration's
 * dependencies first, deepest first. The evaluator computes them in this order before a top-level
 * request, so each one finds what it uses already cached and a chain of a thousand definitions costs
 * one stack level per definition at most. Declarations on a dependency cycle are known up front: their
 * value is the (already reported) cycle, without walking around it.
 */
import { AstUtils, type AstNode } from 'langium';
import { isAct, isElement, isInteger, isModel, isNameRef, isPolicy, isSetRef, type Model } from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import { cyclesThrough, dependencies } from '../linking/dependency-cycles.js';

export class DependencyOrder {
    private readonly graph: Map<AstNode, AstNode[]>;
    private readonly cyclic: ReadonlySet<AstNode>;

    constructor(model: Model) {
        const named = dependencies(model);
        this.cyclic = new Set(cyclesThrough(named).keys());
        this.graph = new Map(named);
    }

    /** Whether the declaration lies on a dependency cycle (reported by the linking validator). */
    onCycle(declaration: AstNode): boolean {
        return this.cyclic.has(declaration);
    }

    /**
     * The declarations `statement` depends on, transitively, dependencies before their users, without
     * `statement` itself, cycle members, or any declaration `done` says is already computed (its own
     * dependencies are then not needed either). Iterative: no recursion however long the chain.
     */
    before(statement: AstNode, done: (declaration: AstNode) => boolean): AstNode[] {
        const order: AstNode[] = [];
        const seen = new Set<AstNode>([statement]);
        const work: Array<{ node: AstNode; next: number; successors: AstNode[] }> = [
            { node: statement, next: 0, successors: this.successors(statement) }
        ];
        while (work.length > 0) {
            const frame = work[work.length - 1]!;
            if (frame.next < frame.successors.length) {
                const successor = frame.successors[frame.next++]!;
                if (seen.has(successor) || this.cyclic.has(successor) || done(successor)) continue;
                seen.add(successor);
                work.push({ node: successor, next: 0, successors: this.successors(successor) });
                continue;
            }
            work.pop();
            if (frame.node !== statement) order.push(frame.node);
        }
        return order;
    }

    private successors(node: AstNode): AstNode[] {
        let known = this.graph.get(node);
        if (!known) {
            known = referencedDeclarations(node);
            this.graph.set(node, known);
        }
        return known;
    }
}

/** The top-level statement that contains `node` (itself when it is one). */
export function topLevelStatement(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current && !isModel(current.$container)) current = current.$container;
    return current;
}

/** The top-level declarations an unnamed statement (eval, assert) refers to. */
function referencedDeclarations(statement: AstNode): AstNode[] {
    const targets = new Set<AstNode>();
    for (const node of AstUtils.streamAst(statement)) {
        const target = isNameRef(node) ? targetOf(node.ref) : isSetRef(node) ? targetOf(node.set) : isInteger(node) ? targetOf(node.element) : undefined;
        if (target && !isElement(target) && !isAct(target) && !isPolicy(target) && isModel(target.$container)) targets.add(target);
    }
    return [...targets];
}
