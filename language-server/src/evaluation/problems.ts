/**
 * Decision problems (LANGUAGE §3.7) and DDT problems (§3.8) as engine problems. Solving them is left to
 * the queries (`choose`, `value`) and the expensive checks; here only the structure is checked, plus the
 * cheap W-DDT-UNREACHABLE (an outcome in no E_π).
 */
import {
    isActsClause, isBehaviourClause, isBeliefClause, isCall, type Call, isInconsistentClause, isPayoffClause, isPoliciesClause,
        isSemanticsClause,
    type DdtDeclaration, type DecisionDeclaration, type TreeDeclaration
} from '../generated/ast.js';
import * as credal from '../math/credal.js';
import { guard } from '../math/credal-types.js';
import type { DdtSemantics } from '../math/ddt.js';
import { checkPayoffRange } from '../math/infra/decide.js';
import { isCrisp, type InfraSet } from '../math/infra/infra.js';
import type { Act } from '../math/decision.js';
import type { Rational } from '../math/rational.js';
import { linkerReportedWithin, type EvalContext } from './context.js';
import { declaredSet } from './declarations.js';
import { coerce, evaluate, evaluateAs, evaluateNumber } from './expressions.js';
import { finiteBelief } from './belief-functions.js';
import { generatedPolicies } from './generated-policies.js';
import { conventionOrigin, ddtSemanticsConvention, inconsistentConvention, type ConventionSource } from './conventions.js';
import { reportUnreachableOutcomes } from './unreachable-outcomes.js';
import { errorValue, isError, sameFiniteSet, type CredalValue, type ErrorValue, type EventValue, type FiniteSet, type GambleValue, type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** The set a decision, DDT or tree is on: its `on`, or the one its contents say; E-TYPE when neither tells. */
export function problemSet(ctx: EvalContext, node: DecisionDeclaration | DdtDeclaration | TreeDeclaration): FiniteSet | ErrorValue {
    const set = declaredSet(ctx, node);
    if (set && 'kind' in set) return set;
    if (!set) {
        const message = `cannot tell which set ${node.name} is on; add \`on <set>\``;
        // Literals inside that found no set to resolve in were reported by linking: the same cause.
        if (linkerReportedWithin(node)) return errorValue(IssueCodes.Type, message, { reported: true });
        return ctx.fail(IssueCodes.Type, message, { node, property: 'name' });
    }
    return set;
}

/** A problem's belief: a credal set, or a non-crisp infradistribution (LANGUAGE §7.4, then kept as `infra`). */
type Belief = CredalValue & { readonly infra?: InfraSet };

function belief(ctx: EvalContext, node: DecisionDeclaration | DdtDeclaration, set: FiniteSet): Belief | ErrorValue {
    const clause = node.clauses.find(isBeliefClause);
    if (!clause) return ctx.fail(IssueCodes.Type, `${node.name} needs a \`belief\` clause: the credal set it is decided under`, { node, property: 'name' });
    const raw = evaluate(ctx, clause.belief, { kind: 'credal', set });
    if (raw.kind === 'infra' && !isCrisp(raw.infra)) {
        if (!sameFiniteSet(raw.set, set)) {
            return ctx.fail(IssueCodes.Type, `expected a belief on ${set.label}, got an infradistribution on ${raw.set.label}`, { node: clause.belief });
        }
        // The credal set is not used when `infra` is set (problem-solvers.ts); the vacuous set keeps the shape.
        const placeholder = credal.vacuous(set.size);
        if (!placeholder.ok) return ctx.engineFailure(placeholder.error, { node: clause });
        return { kind: 'credal', set, credal: placeholder.value, origin: 'vacuous', infra: raw.infra };
    }
    return coerce(ctx, raw, { kind: 'credal', set }, clause.belief) as CredalValue | ErrorValue;
}

/** E-IB-RANGE on a problem whose belief is a non-crisp infradistribution and whose payoffs leave [0, 1]. */
function payoffRange(
    ctx: EvalContext, node: DecisionDeclaration | DdtDeclaration, payoffs: readonly (readonly Rational[])[]
): ErrorValue | undefined {
    const r = guard(() => checkPayoffRange(payoffs, node.name));
    return r.ok ? undefined : ctx.fail(IssueCodes.IbRange, r.error.message, { node, property: 'name' }, { data: r.error.data as Record<string, unknown> });
}

/** `belief finite{p1, p2, …}` (§8.4): the call, when the decision's belief is written so. */
function finiteClause(node: DecisionDeclaration): Call | undefined {
    const expression = node.clauses.find(isBeliefClause)?.belief;
    return isCall(expression) && expression.callee === 'finite' ? expression : undefined;
}

export function evaluateDecision(ctx: EvalContext, node: DecisionDeclaration): Value {
    const set = problemSet(ctx, node);
    if (isError(set)) return set;
    const finite = finiteClause(node);
    const listed = finite ? finiteBelief(ctx, finite, set) : undefined;
    const K = listed ? (isError(listed) ? listed : listed.hull) : belief(ctx, node, set);
    const clause = node.clauses.find(isActsClause);
    if (!clause) return ctx.fail(IssueCodes.Type, `${node.name} needs \`acts { … }\` (utilities) or \`losses { … }\``, { node,
        property: 'name' });
    if (clause.acts.length === 0) return ctx.fail(IssueCodes.Type, `${node.name} needs at least one act`, { node: clause });
    const acts: Act[] = [];
    let failed: ErrorValue | undefined = isError(K) ? K : undefined;
    for (const act of clause.acts) {
        const payoff = evaluateAs(ctx, act.value, { kind: 'gamble', set });
        if (isError(payoff)) failed ??= payoff; else acts.push({ name: act.name, payoff: [...(payoff as GambleValue).f] });
    }
    if (failed) return failed;
    const orientation = clause.orientation === 'losses' ? 'loss' : 'utility';
    const points = listed && !isError(listed) ? { finite: listed.points.map((p) => [...p]) } : {};
    const infra = (K as Belief).infra;
    const range = infra ? payoffRange(ctx, node, acts.map((a) => a.payoff)) : undefined;
    if (range) return range;
    return { kind: 'decision', set, name: node.name, problem: { belief: (K as CredalValue).credal, acts, orientation, ...points }, ...(infra ? { infra } : {}) };
}

export function evaluateDdt(ctx: EvalContext, node: DdtDeclaration): Value {
    const set = problemSet(ctx, node);
    if (isError(set)) return set;
    const K = belief(ctx, node, set);
    let failed: ErrorValue | undefined = isError(K) ? K : undefined;
    const policiesClause = node.clauses.find(isPoliciesClause);
    const payoffClause = node.clauses.find(isPayoffClause);
    if (!policiesClause || (policiesClause.policies.length === 0 && !policiesClause.from)) {
        return ctx.fail(IssueCodes.Type,
            `${node.name} needs \`policies { name consistent {…} … }\` with at least one policy, or \`policies from Obs to Act\``, { node,
                property: 'name' });
    }
    if (!payoffClause) return ctx.fail(IssueCodes.Type, `${node.name} needs \`utility …\` or \`loss …\``, { node, property: 'name' });
    const behaviourClause = node.clauses.find(isBehaviourClause);
    if (behaviourClause && !policiesClause.from) {
        failed ??= ctx.fail(IssueCodes.Type,
            '`behaviour` derives the consistent outcomes of generated policies: write `policies from Obs to Act`',
                { node: behaviourClause });
    }
    const policies: { name: string; consistent: boolean[] }[] = [];
    if (policiesClause.from) {
        const generated = generatedPolicies(ctx, node, policiesClause, set);
        if (isError(generated)) failed ??= generated; else policies.push(...generated);
    }
    for (const policy of policiesClause.policies) {
        const event = evaluateAs(ctx, policy.consistent, { kind: 'event', set });
        if (isError(event)) failed ??= event; else policies.push({ name: policy.name, consistent: [...(event as EventValue).members] });
    }
    const payoff = evaluateAs(ctx, payoffClause.payoff, { kind: 'gamble', set });
    if (isError(payoff)) failed ??= payoff;
    const semanticsClause = node.clauses.find(isSemanticsClause);
    const semanticsChoice = ddtSemanticsConvention(node, ctx.settings, semanticsClause?.semantics);
    const semanticsName = semanticsChoice.value;
    let semantics: DdtSemantics = { kind: 'strict' };
    if (semanticsName === 'nirvana0') {
        let top: Rational | undefined;
        if (semanticsClause?.top) {
            const value = evaluateNumber(ctx, semanticsClause.top);
            if (isError(value)) failed ??= value; else top = value;
        }
        semantics = { kind: 'nirvana0', top };
    }
    if (failed) return failed;
    const orientation = payoffClause.orientation === 'loss' ? 'loss' : 'utility';
    const payoffValues = [...(payoff as GambleValue).f];
    if (semantics.kind === 'nirvana0' && semantics.top === undefined && (orientation === 'utility'
        || payoffValues.some((l) => l.sign() < 0))) {
        const where = semanticsClause ? { node: semanticsClause } : { node, property: 'name' };
        return ctx.fail(IssueCodes.ParamRange, nirvanaWithoutTop(orientation, semanticsChoice.from), where, { data: { parameter: 'top' } });
    }
    const unreachable = set.factors.length > 0
        ? Array.from({ length: set.size }, (_, e) => e).filter((e) => !policies.some((p) => p.consistent[e]))
        : [];
    reportUnreachableOutcomes(ctx, node, set, unreachable);
    const inconsistentChoice = inconsistentConvention(node, ctx.settings, node.clauses.find(isInconsistentClause)?.handling);
    const inconsistent = inconsistentChoice.value;
    const infra = (K as Belief).infra;
    const range = infra ? payoffRange(ctx, node, [payoffValues]) : undefined;
    if (range) return range;
    return {
        kind: 'ddt', set, name: node.name,
        problem: { belief: (K as CredalValue).credal, policies, payoff: payoffValues, orientation, semantics, inconsistent },
        from: { semantics: semanticsChoice.from, inconsistent: inconsistentChoice.from },
        ...(infra ? { infra } : {})
    };
}

/** nirvana0 without `top` gives inconsistent mass loss 0: only sound for losses that are all ≥ 0 (SEMANTICS §B.3). */
function nirvanaWithoutTop(orientation: 'loss' | 'utility', from: ConventionSource): string {
    const why = orientation === 'utility'
        ? 'nirvana0 with utilities needs a declared top value (at least the largest utility)'
        : 'nirvana0 without `top` needs every loss ≥ 0 (inconsistent mass gets loss 0)';
    const origin = from === 'note' ? '' : ` (nirvana0 is the semantics ${conventionOrigin('ddt', from)})`;
    return `${why}${origin}: add \`semantics nirvana0 top <number>\`${from === 'note' ? '' : ', or `semantics strict`'}`;
}
