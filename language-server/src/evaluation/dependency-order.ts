/**
 * The order in which declarations can be evaluated without deep recursion: a declaration's
 * dependencies first, deepest first. The evaluator computes them in this order before a top-level
 * request, so each one finds what it uses already cached and a chain of a thousand definitions costs
 * one stack level per definition at most. Declarations on a dependency cycle are known up front: their
 * value is the (already reported) cycle, without walking around it.
 */
import type { AstNode } from 'langium';
import type { Model } from '../generated/ast.js';
import { dependencyGraph } from '../linking/statement-dependencies.js';
import { cyclesOf } from '../linking/dependency-cycles.js';
import { versionStamps } from './value-carry.js';

export class DependencyOrder {
    private readonly graph: ReadonlyMap<AstNode, readonly AstNode[]>;
    private readonly cyclic: ReadonlySet<AstNode>;
    private stamps: Map<AstNode, number> | undefined;

    constructor(model: Model) {
        this.graph = dependencyGraph(model);
        this.cyclic = new Set(cyclesOf(model).keys());
    }

    /** The statement's stamp in this version (value-carry.ts): results kept under it are still valid. */
    stampOf(statement: AstNode): number | undefined {
        this.stamps ??= versionStamps(this.graph, this.cyclic);
        return this.stamps.get(statement);
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
        const work: Array<{ node: AstNode; next: number; successors: readonly AstNode[] }> = [
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

    private successors(node: AstNode): readonly AstNode[] {
        return this.graph.get(node) ?? [];
    }
}

export { topLevelStatement } from '../linking/statement-dependencies.js';
