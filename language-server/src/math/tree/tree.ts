/**
 * Decision trees (SEMANTICS §A.7 "Decision trees", LANGUAGE §9): the model, the event that reaches each
 * node, chance-node partition defects (E-TREE-PARTITION) and strategy enumeration under a budget.
 * Pure: payoffs are Rational[] in element order, events boolean[].
 */
import { Budget, fail, type Outcome } from '../budget.js';
import { guard, failWith } from '../credal-types.js';
import type { Orientation } from '../decision.js';
import type { CredalSet } from '../credal-set.js';
import { Rational } from '../rational.js';
import type { Event } from '../vectors.js';

export type TreeNode = DecisionNode | ChanceNode | LeafNode;

export interface DecisionNode {
    readonly kind: 'decision';
    readonly branches: readonly { readonly choice: string; readonly node: TreeNode }[];
}

interface ChanceNode {
    readonly kind: 'chance';
    /** `label` names the branch for display (`noStructure`, `Soak`). */
    readonly branches: readonly { readonly label: string; readonly event: Event; readonly node: TreeNode }[];
}

/** A leaf: the payoff as written (utility, or loss in a `losses` tree), one entry per element. */
interface LeafNode { readonly kind: 'leaf'; readonly payoff: readonly Rational[] }

export interface DecisionTree {
    readonly belief: CredalSet;
    readonly root: DecisionNode;
    readonly orientation: Orientation;
}

/** Most strategies a tree may have before `strategies` stops with E-BUDGET. */
export const MAX_STRATEGIES = 20_000;

/** A strategy: its choices in depth-first order and its gamble Σ 1[A_ℓ]·f_ℓ over the leaves it reaches. */
export interface Strategy {
    readonly choices: readonly string[];
    readonly name: string;
    readonly gamble: readonly Rational[];
}

/** Where a node is: branch indices from the root. */
type NodePath = readonly number[];

/** A chance node whose events, within the event reaching it, leave elements out or cover them twice. */
interface PartitionDefect {
    readonly path: NodePath;
    readonly missing: readonly number[];
    readonly overlapping: readonly number[];
}

const everything = (n: number): boolean[] => Array.from({ length: n }, () => true);
const meet = (a: Event, b: Event): boolean[] => a.map((x, i) => x && b[i]!);

/** Every chance node's partition defects, depth-first. */
export function partitionDefects(root: TreeNode, n: number): PartitionDefect[] {
    const defects: PartitionDefect[] = [];
    const visit = (node: TreeNode, reach: Event, path: number[]): void => {
        if (node.kind === 'leaf') return;
        if (node.kind === 'chance') {
            const missing: number[] = [], overlapping: number[] = [];
            for (let x = 0; x < n; x++) {
                if (!reach[x]) continue;
                const covered = node.branches.filter((b) => b.event[x]).length;
                if (covered === 0) missing.push(x); else if (covered > 1) overlapping.push(x);
            }
            if (missing.length > 0 || overlapping.length > 0) defects.push({ path, missing, overlapping });
            node.branches.forEach((b, i) => visit(b.node, meet(reach, b.event), [...path, i]));
            return;
        }
        node.branches.forEach((b, i) => visit(b.node, reach, [...path, i]));
    };
    visit(root, everything(n), []);
    return defects;
}

/** The number of strategies, without enumerating them (a chance node multiplies, a decision node adds). */
export function strategyCount(node: TreeNode): bigint {
    switch (node.kind) {
        case 'leaf': return 1n;
        case 'decision': return node.branches.reduce((sum, b) => sum + strategyCount(b.node), 0n);
        case 'chance': return node.branches.reduce((product, b) => product * strategyCount(b.node), 1n);
    }
}

/** A partial strategy below some node: choices in depth-first order and the gamble, 0 outside the reach. */
export interface Partial { readonly choices: readonly string[]; readonly gamble: readonly Rational[] }

/** 1[A]·f. */
export function restrict(f: readonly Rational[], reach: Event): Rational[] {
    return f.map((v, i) => (reach[i] ? v : Rational.ZERO));
}

/** Σ of gambles supported on disjoint events (a chance node's combination). */
function sumGambles(parts: readonly (readonly Rational[])[], n: number): Rational[] {
    return Array.from({ length: n }, (_, i) => Rational.sum(parts.map((g) => g[i]!)));
}

/**
 * Combines the partial strategies of a chance node's children: every choice of one per child, choices
 * concatenated in branch order, gambles summed.
 */
export function combine(children: readonly (readonly Partial[])[], n: number, budget: Budget): Partial[] {
    let acc: Partial[] = [{ choices: [], gamble: Array.from({ length: n }, () => Rational.ZERO) }];
    for (const child of children) {
        const next: Partial[] = [];
        for (const a of acc) {
            for (const b of child) {
                budget.spend();
                next.push({ choices: [...a.choices, ...b.choices], gamble: sumGambles([a.gamble, b.gamble], n) });
            }
        }
        acc = next;
    }
    return acc;
}

export const strategyName = (choices: readonly string[]): string => choices.join('_');

/** Every strategy of the tree (normal form), in depth-first, written order. */
export function strategies(tree: DecisionTree, budget = Budget.unlimited()): Outcome<Strategy[]> {
    return strategiesBelow(tree.root, tree.belief.n, budget);
}

/** The strategies of a tree with this root on a set of n elements (no belief needed to list them). */
export function strategiesBelow(root: DecisionNode, n: number, budget = Budget.unlimited()): Outcome<Strategy[]> {
    const count = strategyCount(root);
    if (count > BigInt(MAX_STRATEGIES)) {
        return fail('E-BUDGET', `the tree has ${count} strategies; at most ${MAX_STRATEGIES} can be enumerated`, { count: String(count) });
    }
    return guard(() => {
        const below = (node: TreeNode, reach: Event): Partial[] => {
            budget.spend();
            switch (node.kind) {
                case 'leaf':
                    if (node.payoff.length !== n) failWith('E-TYPE', `a leaf has ${node.payoff.length} entries, the belief ${n}`);
                    return [{ choices: [], gamble: restrict(node.payoff, reach) }];
                case 'decision':
                    return node.branches.flatMap((b) => below(b.node, reach)
                        .map((p) => ({ choices: [b.choice, ...p.choices], gamble: p.gamble })));
                case 'chance':
                    return combine(node.branches.map((b) => below(b.node, meet(reach, b.event))), n, budget);
            }
        };
        return below(root, everything(n)).map((p) => ({ choices: p.choices, name: strategyName(p.choices), gamble: p.gamble }));
    });
}

/** Names shared by two different strategies (choices containing `_` can collide): E-DUP-NAME. */
export function clashingNames(list: readonly Strategy[]): string[] {
    const seen = new Set<string>(), clashes = new Set<string>();
    for (const s of list) {
        if (seen.has(s.name)) clashes.add(s.name);
        seen.add(s.name);
    }
    return [...clashes];
}

export { everything as wholeEvent, meet as intersectEvents };
