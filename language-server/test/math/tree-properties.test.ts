/**
 * Properties of decision trees on random small trees: normal-form backward induction equals the
 * normal-form solution for maximality and E-admissibility when every event reaching a decision node
 * has positive lower probability (Huntley–Troffaes); a strategy's gamble is the sum over the leaves it
 * reaches; a `losses` tree chooses what the `decide` tree with negated payoffs chooses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/math/budget.js';
import { hull } from '../../src/math/credal.js';
import type { Rule } from '../../src/math/decision.js';
import { Rational } from '../../src/math/rational.js';
import { chooseBackward, chooseNormal } from '../../src/math/tree/solve.js';
import { strategies, type DecisionNode, type DecisionTree, type TreeNode } from '../../src/math/tree/tree.js';

const N = 4;
function get<T>(o: Outcome<T>): T {
    if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
    return o.value;
}
const payoff = fc.array(fc.integer({ min: -3, max: 3 }).map((v) => Rational.of(v)), { minLength: N, maxLength: N });
const leafArb: fc.Arbitrary<TreeNode> = payoff.map((p) => ({ kind: 'leaf', payoff: p }));
/** A partition of the N elements into 1–3 blocks, as events (empty blocks dropped). */
const partition = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: N, maxLength: N })
    .map((labels) => [0, 1, 2].map((b) => labels.map((l) => l === b)).filter((e) => e.some((x) => x)));
const choiceNames = ['a', 'b', 'c'];
const decisionOf = (nodes: TreeNode[]): DecisionNode => ({ kind: 'decision', branches: nodes.map((node, i) => ({ choice: choiceNames[i]!, node })) });
const innerDecision = fc.array(leafArb, { minLength: 1, maxLength: 3 }).map(decisionOf);
const chanceArb: fc.Arbitrary<TreeNode> = partition.chain((events) =>
    fc.array(fc.oneof(leafArb, innerDecision), { minLength: events.length, maxLength: events.length })
        .map((children) => ({ kind: 'chance' as const, branches: events.map((event, i) => ({ label: `e${i}`, event, node: children[i]! })) })));
const rootArb = fc.array(fc.oneof(leafArb, chanceArb, innerDecision), { minLength: 1, maxLength: 3 }).map(decisionOf);
/** A belief whose every element has positive lower probability: a hull of strictly positive distributions. */
const positiveBelief = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: N, maxLength: N }), { minLength: 1, maxLength: 3 })
    .map((ws) => get(hull(ws.map((w) => { const t = w.reduce((a, b) => a + b, 0); return w.map((x) => Rational.of(x, t)); }))));
const treeArb = fc.record({ belief: positiveBelief, root: rootArb }).map((t): DecisionTree => ({ ...t, orientation: 'utility' }));
const sorted = (xs: readonly string[]): string[] => [...xs].sort();
const RULES: Rule[] = [
    { kind: 'maximin' }, { kind: 'maximax' }, { kind: 'hurwicz', alpha: Rational.of(1, 3) }, { kind: 'intervalDominance' },
    { kind: 'maximality' }, { kind: 'eAdmissibility' }, { kind: 'minimaxRegret' }, { kind: 'admissibility' },
];

/** The payoff of a strategy at element x, by walking the tree along its choices. */
function walk(node: TreeNode, choices: string[], x: number): Rational {
    switch (node.kind) {
        case 'leaf': return node.payoff[x]!;
        case 'decision': {
            const branch = node.branches.find((b) => b.choice === choices[0])!;
            choices.shift();
            return walk(branch.node, choices, x);
        }
        case 'chance': {
            let value = Rational.ZERO;
            for (const b of node.branches) {
                // Every branch consumes its choices; only the one containing x gives the value.
                const v = walk(b.node, choices, x);
                if (b.event[x]) value = v;
            }
            return value;
        }
    }
}
const negated = (node: TreeNode): TreeNode => {
    switch (node.kind) {
        case 'leaf': return { kind: 'leaf', payoff: node.payoff.map((v) => v.neg()) };
        case 'decision': return { kind: 'decision', branches: node.branches.map((b) => ({ choice: b.choice, node: negated(b.node) })) };
        case 'chance': return { kind: 'chance', branches: node.branches.map((b) => ({ ...b, node: negated(b.node) })) };
    }
};

describe('decision tree properties', () => {
    it('backward induction equals normal form for maximality and E-admissibility (positive lower probabilities)', () => {
        fc.assert(fc.property(treeArb, (tree) => {
            for (const rule of [{ kind: 'maximality' }, { kind: 'eAdmissibility' }] as Rule[]) {
                expect(sorted(get(chooseBackward(tree, rule)))).toEqual(sorted(get(chooseNormal(tree, rule))));
            }
        }), { numRuns: 40 });
    });

    it("a strategy's gamble is the sum over the leaves it reaches", () => {
        fc.assert(fc.property(treeArb, (tree) => {
            for (const s of get(strategies(tree))) {
                const walked = Array.from({ length: N }, (_, x) => walk(tree.root, [...s.choices], x));
                expect(s.gamble.map(String)).toEqual(walked.map(String));
            }
        }), { numRuns: 60 });
    });

    it('losses mirror decide with negated payoffs, for every rule and both solutions', () => {
        fc.assert(fc.property(treeArb, fc.constantFrom(...RULES), (tree, rule) => {
            const losses: DecisionTree = { ...tree, orientation: 'loss', root: negated(tree.root) as DecisionNode };
            expect(get(chooseNormal(losses, rule))).toEqual(get(chooseNormal(tree, rule)));
            expect(get(chooseBackward(losses, rule))).toEqual(get(chooseBackward(tree, rule)));
        }), { numRuns: 30 });
    });
});
