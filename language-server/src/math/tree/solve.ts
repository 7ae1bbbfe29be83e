/**
 * Solving a decision tree (SEMANTICS §A.7 "Decision trees"): the normal-form solution applies a rule to
 * every strategy's gamble under the belief; normal-form backward induction (Huntley–Troffaes, improb's
 * `get_norm_back_opt`) applies it at every decision node to the partial strategies below, under the
 * belief conditioned on the event that reaches the node (the caller's conditioning convention).
 */
import { Budget, type Outcome } from '../budget.js';
import { condition, upperP } from '../credal.js';
import type { CredalSet, ZeroConditioning } from '../credal-set.js';
import { failWith, guard, unwrap } from '../credal-types.js';
import * as decision from '../decision.js';
import type { Rule } from '../decision.js';
import type { Rational } from '../rational.js';
import type { Event } from '../vectors.js';
import {
    clashingNames, combine, intersectEvents, restrict, strategies, strategyCount, strategyName, wholeEvent, MAX_STRATEGIES,
    type DecisionTree, type Partial, type Strategy, type TreeNode
} from './tree.js';

/** The normal form as a decision problem: one act per strategy, named by the strategy. */
export function normalForm(tree: DecisionTree, budget = Budget.unlimited()): Outcome<decision.DecisionProblem> {
    return guard(() => {
        const list = unwrap(strategies(tree, budget));
        const clashes = clashingNames(list);
        if (clashes.length > 0) failWith('E-DUP-NAME', `two strategies are both named ${clashes[0]}`, { names: clashes });
        return { belief: tree.belief, orientation: tree.orientation, acts: list.map((s) => ({ name: s.name, payoff: [...s.gamble] })) };
    });
}

/** `choose(T, rule)`: the strategies the rule admits among all of them. */
export function chooseNormal(tree: DecisionTree, rule: Rule, budget = Budget.unlimited()): Outcome<string[]> {
    return guard(() => unwrap(decision.choose(unwrap(normalForm(tree, budget)), rule, budget, 'any')).chosen);
}

/** `value(T, strategy, rule)`: the strategy's score among all strategies, as for a decision. */
export function strategyScore(tree: DecisionTree, strategy: string, rule: Rule, budget = Budget.unlimited()): Outcome<Rational> {
    return guard(() => unwrap(decision.score(unwrap(normalForm(tree, budget)), strategy, rule, budget)));
}

interface BackwardOptions {
    /** How to condition where the lower probability of the reaching event is 0. */
    readonly conditioning?: ZeroConditioning;
    readonly budget?: Budget;
}

/** `chooseBackward(T, rule)`: normal-form backward induction; names in depth-first order. */
export function chooseBackward(tree: DecisionTree, rule: Rule, options: BackwardOptions = {}): Outcome<string[]> {
    const budget = options.budget ?? Budget.unlimited();
    const convention = options.conditioning ?? 'regular';
    if (strategyCount(tree.root) > BigInt(MAX_STRATEGIES)) {
        return { ok: false, error: { code: 'E-BUDGET',
            message: `the tree has ${strategyCount(tree.root)} strategies; at most ${MAX_STRATEGIES} can be enumerated` } };
    }
    return guard(() => {
        const n = tree.belief.n;
        /** Keep the partial strategies the rule admits under K | reach (all of them if P̄(reach) = 0). */
        const optimal = (partials: Partial[], reach: Event, atRoot: boolean): Partial[] => {
            if (partials.length <= 1) return partials;
            const belief = atRoot || reach.every((x) => x) ? tree.belief : conditioned(tree.belief, reach, convention, budget);
            if (!belief) return partials;
            const acts = partials.map((p, i) => ({ name: `s${i}`, payoff: [...p.gamble] }));
            const chosen = new Set(unwrap(decision.choose({ belief, acts, orientation: tree.orientation }, rule, budget, 'any')).chosen);
            return partials.filter((_, i) => chosen.has(`s${i}`));
        };
        const back = (node: TreeNode, reach: Event, atRoot: boolean): Partial[] => {
            budget.spend();
            switch (node.kind) {
                case 'leaf': return [{ choices: [], gamble: restrict(node.payoff, reach) }];
                case 'chance': return combine(node.branches.map((b) => back(b.node, intersectEvents(reach, b.event), false)), n, budget);
                case 'decision': {
                    const union = node.branches.flatMap((b) => back(b.node, reach, false)
                        .map((p) => ({ choices: [b.choice, ...p.choices], gamble: p.gamble })));
                    return optimal(union, reach, atRoot);
                }
            }
        };
        return back(tree.root, wholeEvent(n), true).map((p) => strategyName(p.choices));
    });
}

/** K | reach under the convention, or undefined when P̄(reach) = 0 (every strategy is kept, silently). */
function conditioned(K: CredalSet, reach: Event, convention: ZeroConditioning, budget: Budget): CredalSet | undefined {
    if (unwrap(upperP(K, reach, budget)).isZero()) return undefined;
    return unwrap(condition(K, reach, { rule: convention, budget }));
}

/** One rule's two solutions, for hover and preview. */
interface TreeRuleResult {
    readonly rule: Rule;
    readonly normal: readonly string[];
    readonly backward: readonly string[];
    /** The two solutions differ as sets (the rule is not subtree perfect on this tree). */
    readonly differ: boolean;
}

export interface TreeSummary {
    readonly strategies: readonly Strategy[];
    /** [E̲, Ē] of each strategy's gamble, in the tree's orientation. */
    readonly bounds: readonly decision.ActBounds[];
    readonly results: readonly TreeRuleResult[];
}

/** Every strategy with its bounds, and each rule's normal-form and backward-induction solutions. */
export function analyseTree(tree: DecisionTree, options: BackwardOptions & { alpha?: Rational } = {}): Outcome<TreeSummary> {
    const budget = options.budget ?? Budget.unlimited();
    return guard(() => {
        const problem = unwrap(normalForm(tree, budget));
        const summary = unwrap(decision.analyse(problem, { alpha: options.alpha, budget, explanation: 'any' }));
        const list = unwrap(strategies(tree, budget));
        const results = summary.results.map((r) => {
            const backward = unwrap(chooseBackward(tree, r.rule, { ...options, budget }));
            const same = backward.length === r.chosen.length && backward.every((b) => r.chosen.includes(b));
            return { rule: r.rule, normal: r.chosen, backward, differ: !same };
        });
        return { strategies: list, bounds: summary.bounds, results };
    });
}
