/**
 * A decision tree as an outline for display (hover, preview, exports): each leaf with the event reaching
 * it, and each decision branch with the strategies that take it, so that a rule's chosen strategies can be
 * highlighted branch by branch.
 */
import type { Rational } from '../rational.js';
import type { Event } from '../vectors.js';
import type { DecisionTree, Strategy, TreeNode } from './tree.js';

export type OutlineNode =
    | { readonly kind: 'decision'; readonly branches: readonly OutlineBranch[] }
    | { readonly kind: 'chance'; readonly branches: readonly OutlineBranch[] }
    | { readonly kind: 'leaf'; readonly payoff: readonly Rational[]; readonly reach: Event };

export interface OutlineBranch {
    /** The choice (decision) or the event's label (chance). */
    readonly label: string;
    readonly node: OutlineNode;
    /** Decision branches: the strategies that take this branch; chance branches: empty. */
    readonly strategies: readonly string[];
}

/** Keys `path/branch` of the decision branches a strategy's choices take (depth-first, written order). */
export function takenBranches(root: TreeNode, choices: readonly string[]): Set<string> {
    const taken = new Set<string>();
    let next = 0;
    const walk = (node: TreeNode, path: string): void => {
        if (node.kind === 'leaf') return;
        if (node.kind === 'chance') {
            node.branches.forEach((b, j) => walk(b.node, `${path}.${j}`));
            return;
        }
        const j = node.branches.findIndex((b) => b.choice === choices[next]);
        next++;
        if (j < 0) return;
        taken.add(`${path}/${j}`);
        walk(node.branches[j]!.node, `${path}.${j}`);
    };
    walk(root, '');
    return taken;
}

/** The outline of the tree, each decision branch listing the given strategies that take it. */
export function outline(tree: DecisionTree, strategies: readonly Strategy[]): OutlineNode {
    const taken = strategies.map((s) => ({ name: s.name, keys: takenBranches(tree.root, s.choices) }));
    const build = (node: TreeNode, reach: Event, path: string): OutlineNode => {
        switch (node.kind) {
            case 'leaf': return { kind: 'leaf', payoff: node.payoff, reach };
            case 'decision': return {
                kind: 'decision',
                branches: node.branches.map((b, j) => ({
                    label: b.choice, node: build(b.node, reach, `${path}.${j}`),
                    strategies: taken.filter((t) => t.keys.has(`${path}/${j}`)).map((t) => t.name),
                })),
            };
            case 'chance': return {
                kind: 'chance',
                branches: node.branches.map((b, j) => ({ label: b.label, node: build(b.node, reach.map((x, i) => x && b.event[i]!), `${path}.${j}`), strategies: [] })),
            };
        }
    };
    return build(tree.root, Array.from({ length: tree.belief.n }, () => true), '');
}
