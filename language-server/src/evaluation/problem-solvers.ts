/**
 * One entry point per problem query, whatever the belief: a credal set (math/decision.ts, math/ddt.ts)
 * or a non-crisp infradistribution (math/infra/decide.ts). Every reader goes through these.
 */
import type { Budget, Outcome } from '../math/budget.js';
import { policyValue, solveDdt, type DdtResult } from '../math/ddt.js';
import { analyse, choose, score, type DecisionSummary, type Rule, type RuleResult } from '../math/decision.js';
import { infraAnalyse, infraChoose, infraPolicyValue, infraScore, infraSolveDdt } from '../math/infra/decide.js';
import type { Rational } from '../math/rational.js';
import type { DdtValue, DecisionValue } from './values.js';

export function chooseIn(D: DecisionValue, rule: Rule, budget: Budget): Outcome<RuleResult> {
    return D.infra ? infraChoose(D.infra, D.problem, rule) : choose(D.problem, rule, budget);
}

export function scoreIn(D: DecisionValue, act: string, rule: Rule, budget: Budget): Outcome<Rational> {
    return D.infra ? infraScore(D.infra, D.problem, act, rule) : score(D.problem, act, rule, budget);
}

export function analyseIn(D: DecisionValue, alpha: Rational | undefined, budget: Budget): Outcome<DecisionSummary> {
    return D.infra ? infraAnalyse(D.infra, D.problem) : analyse(D.problem, { alpha, budget });
}

export function solveDdtIn(N: DdtValue, budget: Budget): Outcome<DdtResult> {
    return N.infra ? infraSolveDdt(N.infra, N.problem) : solveDdt(N.problem, budget);
}

export function policyValueIn(N: DdtValue, policy: string, budget: Budget): Outcome<Rational> {
    return N.infra ? infraPolicyValue(N.infra, N.problem, policy) : policyValue(N.problem, policy, budget);
}
