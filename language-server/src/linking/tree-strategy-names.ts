/**
 * A decision tree's strategy names read off its syntax (LANGUAGE §9.2: choices in depth-first order,
 * joined with `_`), so that linking can accept `{noSounding_drill}` and suggest the closest name for a
 * misspelt one without evaluating the tree. Large trees are not enumerated (undefined: stay silent).
 */
import {
    isDecideNode, isObserveNode, isTreeRoot, isTreeShift,
    type TreeChoice, type TreeDeclaration, type TreeNode
} from '../generated/ast.js';
import { strategyCount, strategyName, MAX_STRATEGIES } from '../math/tree/tree.js';
import type { TreeNode as EngineNode } from '../math/tree/tree.js';

export function syntacticStrategyNames(tree: TreeDeclaration): string[] | undefined {
    const root = tree.clauses.find(isTreeRoot);
    if (!root) return undefined;
    const skeleton = (choices: readonly TreeChoice[]): EngineNode => ({ kind: 'decision', branches: choices.map((c) => ({ choice: c.name, node: shape(c.node) })) });
    const shape = (node: TreeNode | undefined): EngineNode => {
        if (isTreeShift(node)) return shape(node.node);
        if (isDecideNode(node)) return skeleton(node.choices);
        if (isObserveNode(node)) return { kind: 'chance', branches: node.branches.map((b) => ({ label: '', event: [], node: shape(b.node) })) };
        return { kind: 'leaf', payoff: [] };
    };
    const engineRoot = skeleton(root.choices);
    if (strategyCount(engineRoot) > BigInt(MAX_STRATEGIES)) return undefined;
    const names = (node: EngineNode): string[][] => {
        switch (node.kind) {
            case 'leaf': return [[]];
            case 'decision': return node.branches.flatMap((b) => names(b.node).map((rest) => [b.choice, ...rest]));
            case 'chance': return node.branches.reduce<string[][]>((acc, b) => acc.flatMap((a) => names(b.node).map((rest) => [...a, ...rest])), [[]]);
        }
    };
    return names(engineRoot).map(strategyName);
}
