/**
 * Disambiguative Decision Theory (SEMANTICS Part B). The belief Θ is a credal set on outcomes; policy π
 * is evaluated on its disambiguation Θ_π = {μ ∈ Θ : μ(E ∖ E_π) = 0}, a face of Θ, so (face lemma)
 * ext Θ_π = the vertices of Θ with no mass outside E_π. Computed in utility form (U = −L for losses) and
 * reported in the declared orientation: utility V(π) = min_{Θ_π} E[U], loss V(π) = max_{Θ_π} E[L].
 */
import { Budget, BudgetExceeded, type Outcome } from './budget.js';
import * as compute from './credal-compute.js';
import { viewMinimizeWith } from './credal-lp.js';
import type { CredalSet } from './credal-set.js';
import { EngineFailure, failWith, guard, type EngineNote } from './credal-types.js';
import type { Orientation } from './decision.js';
import { Rational } from './rational.js';
import { dot, negate, type Event, type Vec } from './vectors.js';
import { IssueCodes } from '../diagnostics/codes.js';

interface DdtPolicy {
    name: string;
    /** E_π: the outcomes in which the agent follows π. */
    consistent: boolean[];
}

/** `strict` (default) or `nirvana0` with the top value (a utility ≥ max U; for losses a loss ≤ min L, default 0). */
export type DdtSemantics = { kind: 'strict' } | { kind: 'nirvana0'; top?: Rational };
type InconsistentPolicy = 'error' | 'exclude' | 'nirvana';

export interface DdtProblem {
    belief: CredalSet;
    policies: DdtPolicy[];
    /** Utility or loss per outcome, per `orientation`. */
    payoff: Rational[];
    orientation: Orientation;
    semantics?: DdtSemantics;
    inconsistent?: InconsistentPolicy;
}

export interface PolicyResult {
    policy: string;
    /** ok: valued; excluded / nirvana: Θ_π = ∅ under `inconsistent exclude / nirvana` (strict semantics). */
    status: 'ok' | 'excluded' | 'nirvana';
    /** V(π) in the declared orientation (absent unless ok). */
    value?: Rational;
    /** |ext Θ_π| (undefined when the vertices of Θ were over budget and the LP route was used). */
    vertexCount?: number;
    /** Murphy's choice: a vertex of Θ attaining V(π) (lexicographically first on a tie). */
    worstVertex?: Rational[];
    /** V* − V(π) for utilities, V(π) − V* for losses; absent when not ok or when the optimum is nirvana. */
    regret?: Rational;
}

export interface DdtResult {
    semantics: DdtSemantics;
    inconsistent: InconsistentPolicy;
    policies: PolicyResult[];
    /** Optimal policies in declaration order, tie-aware (nirvana policies win outright). */
    optimal: string[];
    tie: boolean;
    /** V* in the declared orientation; 'nirvana' when a nirvana policy is optimal. */
    optimalValue?: Rational | 'nirvana';
    /**
     * W-DDT-UNREACHABLE (data { outcomes: number[] }), and E-DDT-EMPTY per empty Θ_π that was handled
     * by `exclude` (severity info) or `nirvana` (severity warning), data { policy }.
     */
    notes: EngineNote[];
}

function validate(p: DdtProblem): void {
    const n = p.belief.n;
    if (p.policies.length === 0) failWith(IssueCodes.Input, 'a DDT problem needs at least one policy');
    if (p.payoff.length !== n) failWith(IssueCodes.Type, `the payoff has ${p.payoff.length} entries, the outcomes ${n}`);
    const seen = new Set<string>();
    for (const pol of p.policies) {
        if (seen.has(pol.name)) failWith(IssueCodes.DuplicateName, `duplicate policy name ${pol.name}`, { policy: pol.name });
        seen.add(pol.name);
        if (pol.consistent.length !== n) failWith(IssueCodes.Type, `E_${pol.name} has ${pol.consistent.length} entries, the outcomes ${n}`);
    }
}

/** The nirvana0 gamble in utility form: U on E_π, the top utility elsewhere. */
function nirvanaGamble(utility: Vec, consistent: Event, topUtility: Rational): Rational[] {
    return utility.map((u, e) => (consistent[e] ? u : topUtility));
}

function topUtilityOf(p: DdtProblem, utility: Vec): Rational {
    const sem = p.semantics;
    if (sem?.kind !== 'nirvana0') return Rational.ZERO;
    let top: Rational;
    if (p.orientation === 'loss') top = (sem.top ?? Rational.ZERO).neg();
    else if (sem.top === undefined) return failWith(IssueCodes.ParamRange, 'nirvana0 with utilities needs a declared top value',
        { parameter: 'top' });
    else top = sem.top;
    const best = Rational.max(...utility);
    if (top.lt(best)) {
        const shown = p.orientation === 'loss' ? `the loss ${top.neg()} exceeds the smallest loss ${best.neg()}`
            : `top ${top} is below the largest utility ${best}`;
        failWith(IssueCodes.ParamRange, `nirvana0: ${shown}`, { parameter: 'top', value: p.orientation === 'loss' ? top.neg() : top });
    }
    return top;
}

/** Vertices of Θ or undefined when over budget (the LP route is then used). */
function verticesIfAffordable(belief: CredalSet, budget: Budget): Rational[][] | undefined {
    try {
        return compute.vertices(belief, budget);
    } catch (e) {
        if (e instanceof BudgetExceeded || (e instanceof EngineFailure && e.error.code === IssueCodes.Budget)) return undefined;
        throw e;
    }
}

const outside = (v: Vec, consistent: Event): boolean => v.some((x, e) => !consistent[e] && !x.isZero());

/** Minimise g over points; the first minimiser in the (sorted) list is Murphy's vertex. */
function argminPoint(points: readonly Rational[][], g: Vec): { value: Rational; point: Rational[] } {
    let best = { value: dot(points[0]!, g), point: points[0]! };
    for (const p of points.slice(1)) {
        const v = dot(p, g);
        if (v.lt(best.value)) best = { value: v, point: p };
    }
    return best;
}

/** The face minimum by LP: min g·μ over Θ with μ(e) = 0 off E_π; undefined when Θ_π = ∅. */
export function faceLowerEByLp(belief: CredalSet, g: Vec, consistent: Event, budget = Budget.unlimited()): Outcome<Rational | undefined> {
    return guard(() => {
        const extra = consistent.flatMap((inE, e) => (inE ? []
            : [{ coeffs: g.map((_, i) => (i === e ? Rational.ONE : Rational.ZERO)), rel: '=' as const, rhs: Rational.ZERO }]));
        return viewMinimizeWith(compute.view(belief, budget), g, extra, budget)?.value;
    });
}

function evaluatePolicy(p: DdtProblem, pol: DdtPolicy, utility: Vec, verts: Rational[][] | undefined, budget: Budget):
    { value?: Rational; vertexCount?: number; worstVertex?: Rational[] } {
    const face = verts?.filter((v) => !outside(v, pol.consistent));
    if (p.semantics?.kind === 'nirvana0') {
        const g = nirvanaGamble(utility, pol.consistent, topUtilityOf(p, utility));
        if (!verts) return { value: compute.lowerE(p.belief, g, budget) };
        const best = argminPoint(verts, g);
        return { value: best.value, vertexCount: face!.length, worstVertex: best.point };
    }
    if (face) {
        if (face.length === 0) return { vertexCount: 0 };
        const best = argminPoint(face, utility);
        return { value: best.value, vertexCount: face.length, worstVertex: best.point };
    }
    const lp = faceLowerEByLp(p.belief, utility, pol.consistent, budget);
    if (!lp.ok) return failWith(lp.error.code, lp.error.message, lp.error.data);
    return lp.value === undefined ? {} : { value: lp.value };
}

/** Evaluate every policy, the optimal set and the regrets. E-DDT-EMPTY (data { policy }) under `inconsistent error`. */
export function solveDdt(problem: DdtProblem, budget = Budget.unlimited()): Outcome<DdtResult> {
    return guard(() => {
        validate(problem);
        const semantics = problem.semantics ?? { kind: 'strict' };
        const inconsistent = problem.inconsistent ?? 'error';
        const loss = problem.orientation === 'loss';
        const utility = loss ? negate(problem.payoff) : [...problem.payoff];
        if (semantics.kind === 'nirvana0') topUtilityOf(problem, utility);
        const notes: EngineNote[] = [];
        const unreachable = utility.flatMap((_, e) => (problem.policies.some((pol) => pol.consistent[e]) ? [] : [e]));
        if (unreachable.length > 0) {
            notes.push({ code: IssueCodes.DdtUnreachable, severity: 'warning', data: { outcomes: unreachable },
                message: `outcome${unreachable.length > 1 ? 's' : ''} ${unreachable.map((e) => e + 1).join(', ')} ${unreachable.length > 1 ? 'are' : 'is'} consistent with no policy` });
        }
        const verts = verticesIfAffordable(problem.belief, budget);
        const results: PolicyResult[] = [];
        const utilities = new Map<string, Rational>();
        for (const pol of problem.policies) {
            const r = evaluatePolicy(problem, pol, utility, verts, budget);
            if (r.value !== undefined) {
                utilities.set(pol.name, r.value);
                results.push({ policy: pol.name, status: 'ok', value: loss ? r.value.neg() : r.value, vertexCount: r.vertexCount,
                    worstVertex: r.worstVertex });
                continue;
            }
            if (inconsistent === 'error') {
                failWith(IssueCodes.DdtEmpty, `the belief rules out policy ${pol.name}: Θ_${pol.name} is empty`, { policy: pol.name });
            }
            const nirvana = inconsistent === 'nirvana';
            notes.push({ code: IssueCodes.DdtEmpty, severity: nirvana ? 'warning' : 'info', data: { policy: pol.name },
                message: nirvana ? `Θ_${pol.name} is empty; counted as Nirvana, which makes ${pol.name} optimal`
                    : `Θ_${pol.name} is empty; ${pol.name} is excluded` });
            results.push({ policy: pol.name, status: nirvana ? 'nirvana' : 'excluded', vertexCount: 0 });
        }
        const nirvanaPolicies = results.filter((r) => r.status === 'nirvana').map((r) => r.policy);
        if (nirvanaPolicies.length > 0) {
            return { semantics, inconsistent, policies: results, optimal: nirvanaPolicies, tie: nirvanaPolicies.length > 1,
                optimalValue: 'nirvana' as const, notes };
        }
        if (utilities.size === 0) failWith(IssueCodes.DdtEmpty, 'every policy is ruled out by the belief',
            { policies: problem.policies.map((p) => p.name) });
        const best = Rational.max(...utilities.values());
        for (const r of results) {
            const u = utilities.get(r.policy);
            if (u !== undefined) r.regret = best.sub(u);
        }
        const optimal = results.filter((r) => utilities.get(r.policy)?.eq(best)).map((r) => r.policy);
        return { semantics, inconsistent, policies: results, optimal, tie: optimal.length > 1, optimalValue: loss ? best.neg() : best,
            notes };
    });
}

/** `value(N, policy)`: the policy's DDT value in the declared orientation. */
export function policyValue(problem: DdtProblem, policy: string, budget = Budget.unlimited()): Outcome<Rational> {
    const r = solveDdt(problem, budget);
    if (!r.ok) return r;
    const p = r.value.policies.find((x) => x.policy === policy);
    if (!p) return { ok: false, error: { code: IssueCodes.Unresolved, message: `no policy named ${policy}`, data: { policy } } };
    if (p.value === undefined) return { ok: false, error: { code: IssueCodes.DdtEmpty,
        message: `policy ${policy} has no value (${p.status})`, data: { policy } } };
    return { ok: true, value: p.value };
}
