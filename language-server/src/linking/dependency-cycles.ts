import { AstUtils, type AstNode } from 'langium';
import {
    isAct, isElement, isInteger, isModel, isNameRef, isPolicy, isSetRef, type Model
} from '../generated/ast.js';
import { targetOf } from './safe-ref.js';

type Named = AstNode & { name?: string };

/**
 * The top-level declarations each declaration is defined in terms of (references anywhere inside it;
 * a reference to an element, act or policy counts as one to its set or problem).
 */
export function dependencies(model: Model): Map<Named, Named[]> {
    const graph = new Map<Named, Named[]>();
    for (const statement of model.statements as Named[]) {
        if (typeof statement.name !== 'string') {
            continue;
        }
        const targets = new Set<Named>();
        for (const node of AstUtils.streamAst(statement)) {
            const target = referencedDeclaration(node);
            if (target) {
                targets.add(target);
            }
        }
        graph.set(statement, [...targets]);
    }
    return graph;
}

function referencedDeclaration(node: AstNode): Named | undefined {
    let target: AstNode | undefined;
    if (isNameRef(node)) {
        target = targetOf(node.ref);
    } else if (isSetRef(node)) {
        target = targetOf(node.set);
    } else if (isInteger(node)) {
        target = targetOf(node.element);
    } else {
        return undefined;
    }
    if (isElement(target) || isAct(target) || isPolicy(target)) {
        // Elements are part of their set; acts and policies of their problem. Referring to them from
        // inside their own declaration is not a cycle.
        return undefined;
    }
    return target && isModel(target.$container) ? target as Named : undefined;
}

/**
 * Every declaration that lies on a dependency cycle, with one cycle through it, as names from the
 * declaration back to itself (["K", "L", "K"]). Iterative Tarjan: no recursion, so no stack overflow.
 */
export function cyclesThrough(graph: Map<Named, Named[]>): Map<Named, string[]> {
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
