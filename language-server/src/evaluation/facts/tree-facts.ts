/**
 * The facts of a decision tree: every strategy with [E̲, Ē] of its gamble, and each rule's normal-form
 * and backward-induction solutions (Hurwicz with the first α the note uses), for hover, lenses and preview.
 */
import type { Rational } from '../../math/rational.js';
import { analyseTree, type TreeSummary } from '../../math/tree/solve.js';
import { strategies, type Strategy } from '../../math/tree/tree.js';
import type { TreeValue } from '../values.js';
import { budgetOf, factOf, FactMemo, type Fact, type FactLimits } from './fact.js';

export interface TreeFacts {
    summary(limits: FactLimits): Fact<TreeSummary>;
    /** Every strategy and its gamble, without solving anything (hover on `T.strategy`). */
    strategies(limits: FactLimits): Fact<Strategy[]>;
}

export function treeFacts(value: TreeValue, hurwiczAlphas: readonly Rational[]): TreeFacts {
    const memo = new FactMemo();
    return {
        summary: (limits) => memo.get('summary', () => factOf(() =>
            analyseTree(value.tree, { alpha: hurwiczAlphas[0], conditioning: value.conditioning, budget: budgetOf(limits) }))),
        strategies: (limits) => memo.get('strategies', () => factOf(() => strategies(value.tree, budgetOf(limits)))),
    };
}
