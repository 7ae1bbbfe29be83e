/**
 * Queries on decision trees (LANGUAGE §9.2): `strategies(T)`, `choose(T, rule)` (normal form),
 * `chooseBackward(T, rule)` (normal-form backward induction under the note's conditioning convention),
 * `value(T, strategy, rule)` and `T.strategy`, the gamble of a strategy.
 */
import type { AstNode } from 'langium';
import { closestName } from '../linking/edit-distance.js';
import type { Outcome } from '../math/budget.js';
import { SCORING_RULES, type Rule } from '../math/decision.js';
import { chooseBackward, chooseNormal, strategyScore } from '../math/tree/solve.js';
import { strategies, type Strategy } from '../math/tree/tree.js';
import type { EvalContext } from './context.js';
import { IssueCodes } from '../diagnostics/codes.js';
import type { TreeValue, Value } from './values.js';

function outcomeValue<T>(ctx: EvalContext, outcome: Outcome<T>, where: AstNode, make: (value: T) => Value): Value {
    return outcome.ok ? make(outcome.value) : ctx.engineFailure(outcome.error, { node: where });
}

export function strategiesOf(ctx: EvalContext, tree: TreeValue, where: AstNode): Value {
    return outcomeValue(ctx, strategies(tree.tree, ctx.budget), where, (list) => ({ kind: 'names', names: list.map((s) => s.name) }));
}

export function chooseInTree(ctx: EvalContext, tree: TreeValue, rule: Rule, backward: boolean, where: AstNode): Value {
    const outcome = backward
        ? chooseBackward(tree.tree, rule, { conditioning: tree.conditioning, budget: ctx.budget })
        : chooseNormal(tree.tree, rule, ctx.budget);
    return outcomeValue(ctx, outcome, where, (names) => ({ kind: 'names', names }));
}

/** The strategy named `name`, or an E-UNRESOLVED error with the closest name. */
function strategyNamed(ctx: EvalContext, tree: TreeValue, name: string, where: AstNode): Strategy | Value {
    const list = strategies(tree.tree, ctx.budget);
    if (!list.ok) return ctx.engineFailure(list.error, { node: where });
    const found = list.value.find((s) => s.name === name);
    if (found) return found;
    const best = closestName(name, list.value.map((s) => s.name));
    return ctx.fail(IssueCodes.Unresolved, `\`${name}\` is not a strategy of ${tree.name}${best ? `; did you mean \`${best}\`?` : ''}`, { node: where },
        { data: best ? { suggestion: best } : {} });
}

export function strategyValue(ctx: EvalContext, tree: TreeValue, name: string, rule: Rule, where: AstNode, ruleNode: AstNode): Value {
    if (!SCORING_RULES.includes(rule.kind)) {
        return ctx.fail(IssueCodes.Type, `${rule.kind} chooses a set of strategies and gives no score; value(…) needs maximin, maximax, hurwicz(α) or minimaxRegret`, { node: ruleNode });
    }
    const strategy = strategyNamed(ctx, tree, name, where);
    if ('kind' in strategy) return strategy;
    return outcomeValue(ctx, strategyScore(tree.tree, name, rule, ctx.budget), where, (value) => ({ kind: 'number', value }));
}

/** `T.strategy`: the strategy's gamble (in a `losses` tree, the losses as written). */
export function strategyGamble(ctx: EvalContext, tree: TreeValue, name: string, where: AstNode): Value {
    const strategy = strategyNamed(ctx, tree, name, where);
    if ('kind' in strategy) return strategy;
    return { kind: 'gamble', set: tree.set, f: [...strategy.gamble] };
}
