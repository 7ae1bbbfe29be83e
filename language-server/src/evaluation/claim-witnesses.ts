/**
 * Why a claim about `choose(D, rule)` is false, for E-ASSERT's related information: for each act the
 * claim lists but the rule rejects, the witness of its rejection (the act that dominates it, with the
 * exact margin) at that act's declaration. The witnesses are the evaluator's decision facts (the same
 * ones hover shows); nothing is recomputed here.
 */
import type { AstNode } from 'langium';
import { isActsClause, isCall, isDecisionDeclaration, isNameRef, type Act, type Call } from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import type { Rule, RuleResult } from '../math/decision.js';
import type { EvalContext } from './context.js';
import { ANY, evaluate } from './expressions.js';
import type { ValueFacts } from './facts/index.js';
import type { RelatedIssueInfo } from './issues.js';
import { ruleSource, witnessText } from './rule-text.js';
import type { DecisionValue, Value } from './values.js';

interface Side { readonly node: AstNode | undefined; readonly value: Value | undefined }

/** Related information for a false claim whose one side is `choose(D, rule)` on a decision problem. */
export function choiceWitnesses(ctx: EvalContext, facts: ValueFacts | undefined, statement: AstNode, sides: readonly [Side,
    Side]): RelatedIssueInfo[] {
    if (!facts) return [];
    for (const [choice, claimed] of [sides, [sides[1], sides[0]] as const]) {
        const call = choice.node;
        if (!isCall(call) || call.callee !== 'choose' || call.arguments.length !== 2 || claimed.value?.kind !== 'names') continue;
        const problem = evaluate(ctx, call.arguments[0], ANY);
        const rule = evaluate(ctx, call.arguments[1], ANY);
        if (problem.kind !== 'decision' || rule.kind !== 'rule') return [];
        const summary = facts.decisionFacts(problem, statement).summary({ ...facts.limits(), isCancelled: ctx.isCancelled });
        if (!summary.ok) return [];
        const result = summary.value.results.find((r) => sameRule(r.rule, rule.rule));
        return result ? rejectedClaims(call, problem, result, claimed.value.names) : [];
    }
    return [];
}

function rejectedClaims(call: Call, problem: DecisionValue, result: RuleResult, claimed: readonly string[]): RelatedIssueInfo[] {
    const acts = actNodes(call);
    const loss = problem.problem.orientation === 'loss';
    return claimed.flatMap((act): RelatedIssueInfo[] => {
        const rejection = result.rejected.find((r) => r.act === act);
        if (!rejection) return [];
        const witness = rejection.witness;
        const at = acts.get('by' in witness ? witness.by : act) ?? acts.get(act);
        if (!at) return [];
        return [{ node: at, property: 'name',
            message: `${act} is rejected by ${ruleSource(result.rule)}: ${witnessText(act, witness, result.rule.kind, loss, 'plain')}` }];
    });
}

/** The act declarations of the problem `choose` is asked about, by name (when it is named directly). */
function actNodes(call: Call): Map<string, Act> {
    const problem = call.arguments[0];
    const declaration = isNameRef(problem) ? targetOf(problem.ref) : undefined;
    if (!isDecisionDeclaration(declaration)) return new Map();
    return new Map(declaration.clauses.filter(isActsClause).flatMap((clause) => clause.acts).map((act) => [act.name, act]));
}

function sameRule(a: Rule, b: Rule): boolean {
    if (a.kind !== b.kind) return false;
    return a.kind !== 'hurwicz' || (b.kind === 'hurwicz' && a.alpha.eq(b.alpha));
}
