/**
 * Decision problems (LANGUAGE §3.7) and DDT problems (§3.8) as engine problems. Solving them is left to
 * the queries (`choose`, `value`) and the expensive checks; here only the structure is checked, plus the
 * cheap W-DDT-UNREACHABLE (an outcome in no E_π).
 */
import {
    isActsClause, isBeliefClause, isInconsistentClause, isPayoffClause, isPoliciesClause, isSemanticsClause,
    type DdtDeclaration, type DecisionDeclaration
} from '../generated/ast.js';
import * as credal from '../math/credal.js';
import { guard } from '../math/credal-types.js';
import type { CredalSet } from '../math/credal-set.js';
import type { DdtSemantics } from '../math/ddt.js';
import { checkPayoffRange } from '../math/infra/decide.js';
import { isCrisp, type InfraSet } from '../math/infra/infra.js';
import type { Act } from '../math/decision.js';
import type { Rational } from '../math/rational.js';
import { linkerReportedWithin, type EvalContext } from './context.js';
import { declaredSet } from './declarations.js';
import { coerce, evaluate, evaluateAs, evaluateNumber } from './expressions.js';
import { SETTING_NAMES } from './settings.js';
import { reportUnreachableOutcomes } from './unreachable-outcomes.js';
import { errorValue, isError, sameFiniteSet, type CredalValue, type ErrorValue, type EventValue, type FiniteSet, type GambleValue, type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

function problemSet(ctx: EvalContext, node: DecisionDeclaration | DdtDeclaration): FiniteSet | ErrorValue {
    const set = declaredSet(ctx, node);
    if (set && 'kind' in set) return set;
    if (!set) {
        const message = `cannot tell which set ${node.name} is on; add \`on <set>\``;
        // Literals inside that found no set to resolve in were reported by linking: the same cause.
        if (linkerReportedWithin(node)) return errorValue(IssueCodes.Type, message, { node, reported: true });
        return ctx.fail(IssueCodes.Type, message, { node, property: 'name' });
    }
    return set;
}

/** A problem's belief: a credal set, or a non-crisp infradistribution (LANGUAGE §7.4, kept as `infra`). */
interface Belief { readonly credal: CredalSet; readonly infra?: InfraSet }

function belief(ctx: EvalContext, node: DecisionDeclaration | DdtDeclaration, set: FiniteSet): Belief | ErrorValue {
    const clause = node.clauses.find(isBeliefClause);
    if (!clause) return ctx.fail(IssueCodes.Type, `${node.name} needs a \`belief\` clause: the credal set it is decided under`, { node, property: 'name' });
    const raw = evaluate(ctx, clause.belief, { kind: 'credal', set });
    if (raw.kind === 'infra' && !isCrisp(raw.infra)) {
        if (!sameFiniteSet(raw.set, set)) return ctx.fail(IssueCodes.Type, `expected a belief on ${set.label}, got an infradistribution on ${raw.set.label}`, { node: clause.belief });
        // The credal set is not used when `infra` is set (problem-solvers.ts); the vacuous set keeps the shape.
        const placeholder = credal.vacuous(set.size);
        return placeholder.ok ? { credal: placeholder.value, infra: raw.infra } : ctx.engineFailure(placeholder.error, { node: clause });
    }
    const K = coerce(ctx, raw, { kind: 'credal', set }, clause.belief);
    return isError(K) ? K : { credal: (K as CredalValue).credal };
}

/** E-IB-RANGE on a problem whose belief is a non-crisp infradistribution and whose payoffs leave [0, 1]. */
function payoffRange(ctx: EvalContext, node: DecisionDeclaration | DdtDeclaration, payoffs: readonly (readonly Rational[])[]): ErrorValue | undefined {
    const r = guard(() => checkPayoffRange(payoffs, node.name));
    return r.ok ? undefined : ctx.fail(IssueCodes.IbRange, r.error.message, { node, property: 'name' }, { data: r.error.data as Record<string, unknown> });
}

export function evaluateDecision(ctx: EvalContext, node: DecisionDeclaration): Value {
    const set = problemSet(ctx, node);
    if (isError(set)) return set;
    const K = belief(ctx, node, set);
    const clause = node.clauses.find(isActsClause);
    if (!clause) return ctx.fail(IssueCodes.Type, `${node.name} needs \`acts { … }\` (utilities) or \`losses { … }\``, { node, property: 'name' });
    if (clause.acts.length === 0) return ctx.fail(IssueCodes.Type, `${node.name} needs at least one act`, { node: clause });
    const acts: Act[] = [];
    let failed: ErrorValue | undefined = isError(K) ? K : undefined;
    for (const act of clause.acts) {
        const payoff = evaluateAs(ctx, act.value, { kind: 'gamble', set });
        if (isError(payoff)) failed ??= payoff; else acts.push({ name: act.name, payoff: [...(payoff as GambleValue).f] });
    }
    if (failed) return failed;
    const orientation = clause.orientation === 'losses' ? 'loss' : 'utility';
    const B = K as Belief;
    if (B.infra) {
        const range = payoffRange(ctx, node, acts.map((a) => a.payoff));
        if (range) return range;
    }
    return { kind: 'decision', set, name: node.name, problem: { belief: B.credal, acts, orientation }, ...(B.infra ? { infra: B.infra } : {}) };
}

export function evaluateDdt(ctx: EvalContext, node: DdtDeclaration): Value {
    const set = problemSet(ctx, node);
    if (isError(set)) return set;
    const K = belief(ctx, node, set);
    let failed: ErrorValue | undefined = isError(K) ? K : undefined;
    const policiesClause = node.clauses.find(isPoliciesClause);
    const payoffClause = node.clauses.find(isPayoffClause);
    if (!policiesClause || policiesClause.policies.length === 0) {
        return ctx.fail(IssueCodes.Type, `${node.name} needs \`policies { name consistent {…} … }\` with at least one policy`, { node, property: 'name' });
    }
    if (!payoffClause) return ctx.fail(IssueCodes.Type, `${node.name} needs \`utility …\` or \`loss …\``, { node, property: 'name' });
    const policies: { name: string; consistent: boolean[] }[] = [];
    for (const policy of policiesClause.policies) {
        const event = evaluateAs(ctx, policy.consistent, { kind: 'event', set });
        if (isError(event)) failed ??= event; else policies.push({ name: policy.name, consistent: [...(event as EventValue).members] });
    }
    const payoff = evaluateAs(ctx, payoffClause.payoff, { kind: 'gamble', set });
    if (isError(payoff)) failed ??= payoff;
    const semanticsClause = node.clauses.find(isSemanticsClause);
    const semanticsName = semanticsClause?.semantics ?? ctx.settings.ddtSemantics;
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
    if (semantics.kind === 'nirvana0' && semantics.top === undefined && (orientation === 'utility' || payoffValues.some((l) => l.sign() < 0))) {
        const where = semanticsClause ? { node: semanticsClause } : { node, property: 'name' };
        return ctx.fail(IssueCodes.ParamRange, nirvanaWithoutTop(orientation, !semanticsClause), where, { data: { parameter: 'top' } });
    }
    const unreachable = set.factors.length > 0
        ? Array.from({ length: set.size }, (_, e) => e).filter((e) => !policies.some((p) => p.consistent[e]))
        : [];
    reportUnreachableOutcomes(ctx, node, set, unreachable);
    const inconsistentClause = node.clauses.find(isInconsistentClause);
    const inconsistent = inconsistentClause?.handling ?? ctx.settings.ddtInconsistent;
    const B = K as Belief;
    if (B.infra) {
        const range = payoffRange(ctx, node, [payoffValues]);
        if (range) return range;
    }
    return {
        kind: 'ddt', set, name: node.name,
        problem: { belief: B.credal, policies, payoff: payoffValues, orientation, semantics, inconsistent },
        from: { semantics: semanticsClause ? 'note' : 'setting', inconsistent: inconsistentClause ? 'note' : 'setting' },
        ...(B.infra ? { infra: B.infra } : {})
    };
}

/** nirvana0 without `top` gives inconsistent mass loss 0: only sound for losses that are all ≥ 0 (SEMANTICS §B.3). */
function nirvanaWithoutTop(orientation: 'loss' | 'utility', fromSetting: boolean): string {
    const why = orientation === 'utility'
        ? 'nirvana0 with utilities needs a declared top value (at least the largest utility)'
        : 'nirvana0 without `top` needs every loss ≥ 0 (inconsistent mass gets loss 0)';
    const origin = fromSetting ? ` (nirvana0 is the default semantics from \`${SETTING_NAMES.ddtSemantics}\`)` : '';
    return `${why}${origin}: add \`semantics nirvana0 top <number>\`${fromSetting ? ', or `semantics strict`' : ''}`;
}
