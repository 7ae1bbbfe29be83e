import type { AstNode } from 'langium';
import type { Model } from '../generated/ast.js';
import { dependencyGraph } from './statement-dependencies.js';

type Named = AstNode & { name?: string };

/** The named top-level declarations each declaration is defined in terms of (the one model, linking/statement-dependencies.ts). */
function dependencies(model: Model, all: ReadonlyMap<AstNode, readonly AstNode[]> = dependencyGraph(model)): Map<Named, Named[]> {
    const graph = new Map<Named, Named[]>();
    for (const [statement, targets] of all as ReadonlyMap<Named, readonly Named[]>) {
        if (typeof statement.name === 'string') graph.set(statement, targets.filter((target) => typeof target.name === 'string'));
    }
    return graph;
}

const cycleMaps = new WeakMap<object, ReadonlyMap<Named, string[]>>();

/** `cyclesThrough(dependencies(model))`, once per version of the dependency graph (the validator and the evaluator both ask). */
export function cyclesOf(model: Model): ReadonlyMap<Named, string[]> {
    const all = dependencyGraph(model);
    let cycles = cycleMaps.get(all);
    if (!cycles) cycleMaps.set(all, cycles = cyclesThrough(dependencies(model, all)));
    return cycles;
}

/**
 * Every declaration that lies on a dependency cycle, with one cycle through it, as names from the
 * declaration back to itself (["K", "L", "K"]). Iterative Tarjan: no recursion, so no stack overflow.
 */
function cyclesThrough(graph: Map<Named, Named[]>): Map<Named, string[]> {
    const index = new Map<Named, number>();
    const low = new Map<Named, number>();
    const onStack = new Set<Named>();
    const stack: Named[] = [];
    const components: Named[][] = [];
    let counter = 0;
    for (const root of graph.keys()) {
        if (index.has(root)) {
            continue;
        }
        const work: Array<{ node: Named; next: number }> = [{ node: root, next: 0 }];
        index.set(root, counter); low.set(root, counter); counter++;
        stack.push(root); onStack.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const successors = graph.get(frame.node) ?? [];
            if (frame.next < successors.length) {
                const successor = successors[frame.next++];
                if (!graph.has(successor)) {
                    continue;
                }
                if (!index.has(successor)) {
                    index.set(successor, counter); low.set(successor, counter); counter++;
                    stack.push(successor); onStack.add(successor);
                    work.push({ node: successor, next: 0 });
                } else if (onStack.has(successor)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: Named[] = [];
                let member: Named;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                components.push(component);
            }
        }
    }
    const result = new Map<Named, string[]>();
    for (const component of components) {
        const members = new Set(component);
        const cyclic = component.length > 1 || (graph.get(component[0]) ?? []).includes(component[0]);
        if (!cyclic) {
            continue;
        }
        for (const start of component) {
            result.set(start, shortestCycle(start, graph, members).map(node => node.name ?? '?'));
        }
    }
    return result;
}

/** Breadth-first search inside one component for the shortest way from `start` back to itself. */
function shortestCycle(start: Named, graph: Map<Named, Named[]>, members: Set<Named>): Named[] {
    const cameFrom = new Map<Named, Named>();
    const queue: Named[] = [start];
    for (let head = 0; head < queue.length; head++) {
        const node = queue[head];
        for (const successor of graph.get(node) ?? []) {
            if (!members.has(successor)) {
                continue;
            }
            if (successor === start) {
                const path: Named[] = [start];
                for (let at: Named | undefined = node; at && at !== start; at = cameFrom.get(at)) {
                    path.unshift(at);
                }
                path.unshift(start);
                return path;
            }
            if (!cameFrom.has(successor)) {
                cameFrom.set(successor, node);
                queue.push(successor);
            }
        }
    }
    return [start, start];
}
