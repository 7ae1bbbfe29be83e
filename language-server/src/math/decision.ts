/**
 * Decision rules over a credal set (SEMANTICS §A.7) with improb's conventions: maximality uses strict
 * dominance lowerE(f_b − f_a) > 0, interval dominance is strict, Hurwicz α is the optimism weight,
 * ties are returned whole. Acts may be utilities (maximised) or losses (minimised; internally U = −L);
 * scores and bounds are reported in the declared orientation, margins as positive gaps.
 */
import { Budget, type Outcome } from './budget.js';
import * as compute from './credal-compute.js';
import { viewFeasible } from './credal-lp.js';
import type { CredalSet } from './credal-set.js';
import { failWith, guard } from './credal-types.js';
import { enumerateVertices } from './polytope.js';
import { Rational } from './rational.js';
import { dot, negate, sub, type Vec } from './vectors.js';
import { IssueCodes } from '../diagnostics/codes.js';

export type Orientation = 'utility' | 'loss';

export interface Act {
    name: string;
    /** Utility (orientation 'utility') or loss (orientation 'loss') per element, in element order. */
    payoff: Rational[];
}

export interface DecisionProblem {
    belief: CredalSet;
    acts: Act[];
    orientation: Orientation;
    /**
     * `belief finite{p1, …}` (language v1.1): the listed distributions, kept as they are. `belief` is their
     * hull (every rule but E-admissibility depends only on it); E-admissibility asks one of these.
     */
    finite?: Rational[][];
}

export type Rule =
    | { kind: 'maximin' }
    | { kind: 'maximax' }
    | { kind: 'hurwicz'; alpha: Rational }
    | { kind: 'intervalDominance' }
    | { kind: 'maximality' }
    | { kind: 'eAdmissibility' }
    | { kind: 'minimaxRegret' }
    | { kind: 'admissibility' };

export type RuleKind = Rule['kind'];
export const SCORING_RULES: readonly RuleKind[] = ['maximin', 'maximax', 'hurwicz', 'minimaxRegret'];

/** Why an act was rejected. `margin` is always a positive exact gap. */
export type Witness =
    /** Scoring rules: `by` has the best score; margin = how much better (regret: how much smaller). */
    | { kind: 'score'; by: string; margin: Rational }
    /** Interval dominance: lower expected utility of `by` exceeds the upper of the act by `margin`. */
    | { kind: 'intervalDominance'; by: string; margin: Rational }
    /** Maximality: lowerE(U_by − U_act) = margin > 0 (in losses: lowerE(L_act − L_by)). */
    | { kind: 'maximality'; by: string; margin: Rational }
    /** E-admissibility: no p in K makes the act optimal. */
    | { kind: 'eAdmissibility'; message: string }
    /** Pointwise: `by` is at least as good everywhere; margin = the largest pointwise advantage. */
    | { kind: 'admissibility'; by: string; margin: Rational };

export interface RuleResult {
    rule: Rule;
    /** Chosen acts in declaration order (ties: all of them). */
    chosen: string[];
    tie: boolean;
    /** Scoring rules only: the score of every act in the declared orientation (regret: smaller is better). */
    scores?: { act: string; score: Rational }[];
    rejected: { act: string; witness: Witness }[];
    /** E-admissibility only: for each chosen act, a distribution in K under which it is optimal. */
    support?: { act: string; p: Rational[] }[];
}

/** Lower and upper expectation of each act, in the declared orientation (expected loss for losses). */
export interface ActBounds { act: string; lower: Rational; upper: Rational }

/**
 * How much a result explains its rejected acts. `strongest` (decisions: hover, E-ASSERT): maximality names
 * the act with the largest margin over each rejected one, E-admissibility's support comes from all acts.
 * `any` (decision trees, many strategies): the same chosen sets and scores, but maximality names the first
 * maximal act found that dominates, and E-admissibility compares only with the maximal acts.
 */
export type Explanation = 'strongest' | 'any';

/** From this many acts on, the pairwise rules try the belief's vertices before one LP per pair. */
const VERTEX_MIN_ACTS = 6;
/** At most this many vertices are enumerated for that (each pair then costs that many subtractions). */
const VERTEX_CAP = 256;

/** Cached per-problem work: utilities and their bounds. */
class Analysis {
    readonly utilities: Rational[][];
    private lowers?: Rational[];
    private uppers?: Rational[];
    private readonly pairLower = new Map<string, Rational>();
    /** E_v[U_a] for each act a and each vertex v of the belief, when the belief has few vertices; null when not. */
    private atVertices?: Rational[][] | null;
    private maximalActs?: { maximal: number[]; dominator: Map<number, { b: number; margin: Rational }> };

    constructor(readonly problem: DecisionProblem, readonly budget: Budget, readonly explanation: Explanation = 'strongest') {
        this.utilities = problem.acts.map((a) => (problem.orientation === 'loss' ? negate(a.payoff) : [...a.payoff]));
    }

    get names(): string[] { return this.problem.acts.map((a) => a.name); }
    get sign(): Rational { return Rational.of(this.problem.orientation === 'loss' ? -1 : 1); }

    lower(): Rational[] {
        return (this.lowers ??= this.utilities.map((u) => compute.lowerE(this.problem.belief, u, this.budget)));
    }

    upper(): Rational[] {
        return (this.uppers ??= this.utilities.map((u) => compute.upperE(this.problem.belief, u, this.budget)));
    }

    /** lowerE(U_b − U_a): the least difference over the belief's vertices when they are few, else an LP. */
    gainLower(b: number, a: number): Rational {
        const key = `${b},${a}`;
        let v = this.pairLower.get(key);
        if (v === undefined) {
            const values = this.vertexValues();
            if (values) {
                this.budget.spend();
                const vb = values[b]!, va = values[a]!;
                v = vb[0]!.sub(va[0]!);
                for (let j = 1; j < vb.length; j++) {
                    const d = vb[j]!.sub(va[j]!);
                    if (d.lt(v)) v = d;
                }
            } else {
                v = compute.lowerE(this.problem.belief, sub(this.utilities[b]!, this.utilities[a]!), this.budget);
            }
            this.pairLower.set(key, v);
        }
        return v;
    }

    /**
     * The maximal acts (indices, in declaration order). b ≻ a (lowerE(U_b − U_a) > 0) is a strict partial
     * order (transitive by superadditivity) and b ≻ a implies lowerE(U_b) > lowerE(U_a); so in order of
     * decreasing lower expectation, an act is maximal exactly when no maximal act found before dominates it.
     * `dominator[a]` records the first maximal act found to dominate a non-maximal one.
     */
    maximal(): { maximal: number[]; dominator: Map<number, { b: number; margin: Rational }> } {
        if (this.maximalActs) return this.maximalActs;
        const lo = this.lower(), up = this.upper();
        const order = lo.map((_, i) => i).sort((i, j) => lo[j]!.cmp(lo[i]!) || i - j);
        const found: number[] = [];
        const dominator = new Map<number, { b: number; margin: Rational }>();
        for (const a of order) {
            let by: { b: number; margin: Rational } | undefined;
            for (const b of found) {
                if (up[b]!.le(up[a]!) || lo[b]!.le(lo[a]!)) continue;
                const margin = this.gainLower(b, a);
                if (margin.sign() > 0) { by = { b, margin }; break; }
            }
            if (by) dominator.set(a, by); else found.push(a);
        }
        this.maximalActs = { maximal: [...found].sort((i, j) => i - j), dominator };
        return this.maximalActs;
    }

    /**
     * E_v[U_a] over the vertices of the belief when there are many acts and the belief has few vertices
     * (then every lower expectation of a difference is a least value over them, exactly); else null.
     */
    private vertexValues(): Rational[][] | null {
        if (this.atVertices !== undefined) return this.atVertices;
        const points = this.utilities.length >= VERTEX_MIN_ACTS ? fewVertices(this.problem.belief, this.budget) : undefined;
        this.atVertices = points ? this.utilities.map((u) => points.map((p) => dot(p, u))) : null;
        return this.atVertices;
    }
}

/**
 * The belief's vertices when they are known or cheap to find and at most VERTEX_CAP (and cached on the
 * belief, as every query that enumerates them does); otherwise undefined, and the caller solves LPs.
 */
function fewVertices(K: CredalSet, budget: Budget): Vec[] | undefined {
    const known = K.cache.vertices;
    if (known) return known.length > 0 && known.length <= VERTEX_CAP ? known : undefined;
    switch (K.structure.kind) {
        case 'precise': case 'vacuous': case 'contamination': case 'hull':
            return K.structure.kind !== 'hull' || K.structure.generators.length <= VERTEX_CAP ? compute.vertices(K, budget) : undefined;
        case 'conditioned': {
            if (!fewVertices(K.structure.base, budget)) return undefined;
            const points = compute.vertices(K, budget);
            return points.length > 0 && points.length <= VERTEX_CAP ? points : undefined;
        }
        case 'constraints': case 'belief': case 'intersection': {
            const h = compute.hrep(K, budget);
            if (!h) return undefined;
            const found = enumerateVertices({ n: K.n, constraints: h }, { budget, maxVertices: VERTEX_CAP });
            if (!found.ok || found.value.length === 0) return undefined;
            K.cache.vertices = found.value;
            return found.value;
        }
        default: return undefined;
    }
}

function validate(problem: DecisionProblem): void {
    if (problem.acts.length === 0) failWith(IssueCodes.Input, 'a decision problem needs at least one act');
    const seen = new Set<string>();
    for (const act of problem.acts) {
        if (seen.has(act.name)) failWith(IssueCodes.DuplicateName, `duplicate act name ${act.name}`, { act: act.name });
        seen.add(act.name);
        if (act.payoff.length !== problem.belief.n) {
            failWith(IssueCodes.Type, `act ${act.name} has ${act.payoff.length} entries, the belief lives on ${problem.belief.n} elements`,
                { act: act.name });
        }
    }
}

function checkAlpha(rule: Rule): void {
    if (rule.kind === 'hurwicz' && (rule.alpha.sign() < 0 || rule.alpha.gt(Rational.ONE))) {
        failWith(IssueCodes.ParamRange, `Hurwicz α = ${rule.alpha} is outside [0, 1]`, { parameter: 'alpha', value: rule.alpha });
    }
}

/** Utility-oriented score (higher is better), or minus the regret. */
function utilityScores(an: Analysis, rule: Rule): Rational[] {
    switch (rule.kind) {
        case 'maximin': return an.lower();
        case 'maximax': return an.upper();
        case 'hurwicz': {
            const { alpha } = rule;
            const lo = an.lower();
            return an.upper().map((u, i) => alpha.mul(u).add(Rational.ONE.sub(alpha).mul(lo[i]!)));
        }
        case 'minimaxRegret': {
            const k = an.utilities.length;
            // R(a) = max_b upperE(U_b − U_a) = max_b −lowerE(U_a − U_b); b = a contributes 0. For each p the best
            // E_p[U_b] is reached by a maximal act (one that p prefers is not dominated), so the maximal b suffice.
            const maximal = k >= VERTEX_MIN_ACTS ? an.maximal().maximal : Array.from({ length: k }, (_, b) => b);
            return Array.from({ length: k }, (_, a) => {
                let regret = Rational.ZERO;
                for (const b of maximal) if (b !== a) regret = Rational.max(regret, an.gainLower(a, b).neg());
                return regret.neg();
            });
        }
        default: return failWith(IssueCodes.Type, `rule ${rule.kind} has no score`);
    }
}

/** Score in the declared orientation (regret is orientation-free and reported as is). */
function declaredScore(an: Analysis, rule: Rule, utilityScore: Rational): Rational {
    return rule.kind === 'minimaxRegret' ? utilityScore.neg() : utilityScore.mul(an.sign);
}

function scoringRule(an: Analysis, rule: Rule): RuleResult {
    const scores = utilityScores(an, rule);
    const best = Rational.max(...scores);
    const names = an.names;
    const bestIndex = scores.findIndex((s) => s.eq(best));
    const chosen = names.filter((_, i) => scores[i]!.eq(best));
    return {
        rule, chosen, tie: chosen.length > 1,
        scores: names.map((act, i) => ({ act, score: declaredScore(an, rule, scores[i]!) })),
        rejected: names.flatMap((act, i) => (scores[i]!.eq(best) ? []
            : [{ act, witness: { kind: 'score' as const, by: names[bestIndex]!, margin: best.sub(scores[i]!) } }])),
    };
}

/** Among candidates b with a positive margin, the one with the largest margin (first on a tie). */
function strongest(margins: { b: number; margin: Rational }[]): { b: number; margin: Rational } | undefined {
    let best: { b: number; margin: Rational } | undefined;
    for (const m of margins) if (m.margin.sign() > 0 && (!best || m.margin.gt(best.margin))) best = m;
    return best;
}

function pairwiseRule(an: Analysis, rule: Rule, margin: (b: number, a: number) => Rational | undefined,
    kind: 'intervalDominance' | 'maximality' | 'admissibility'): RuleResult {
    const names = an.names;
    const chosen: string[] = [];
    const rejected: RuleResult['rejected'] = [];
    names.forEach((act, a) => {
        const margins = names.flatMap((_, b) => {
            if (b === a) return [];
            const m = margin(b, a);
            return m === undefined ? [] : [{ b, margin: m }];
        });
        const w = strongest(margins);
        if (w) rejected.push({ act, witness: { kind, by: names[w.b]!, margin: w.margin } });
        else chosen.push(act);
    });
    return { rule, chosen, tie: chosen.length > 1, rejected };
}

/** E-admissibility over a finite, non-convex set: optimal under one of the listed distributions (SEMANTICS §A.7). */
function eAdmissibilityFinite(an: Analysis, rule: Rule, points: readonly Rational[][]): RuleResult {
    const names = an.names;
    const chosen: string[] = [];
    const support: { act: string; p: Rational[] }[] = [];
    const rejected: RuleResult['rejected'] = [];
    names.forEach((act, a) => {
        const p = points.find((q) => {
            an.budget.spend();
            const mine = Rational.dot(q, an.utilities[a]!);
            return an.utilities.every((u) => Rational.dot(q, u).le(mine));
        });
        if (p) { chosen.push(act); support.push({ act, p: [...p] }); }
        else rejected.push({ act, witness: { kind: 'eAdmissibility',
            message: `none of the ${points.length} listed distributions makes ${act} optimal` } });
    });
    return { rule, chosen, tie: chosen.length > 1, rejected, support };
}

function eAdmissibility(an: Analysis, rule: Rule): RuleResult {
    if (an.problem.finite) return eAdmissibilityFinite(an, rule, an.problem.finite);
    const view = compute.view(an.problem.belief, an.budget);
    const names = an.names;
    const chosen: string[] = [];
    const support: { act: string; p: Rational[] }[] = [];
    const rejected: RuleResult['rejected'] = [];
    // `any`: a dominated act is optimal under no p, and p prefers a to every act iff to every maximal act.
    const maximal = an.explanation === 'any' ? new Set(an.maximal().maximal) : undefined;
    names.forEach((act, a) => {
        if (maximal && !maximal.has(a)) {
            rejected.push({ act, witness: { kind: 'eAdmissibility', message: `no p in K makes ${act} optimal` } });
            return;
        }
        const rows = names.flatMap((_, b) => (b === a || (maximal && !maximal.has(b)) ? []
            : [{ coeffs: sub(an.utilities[a]!, an.utilities[b]!), rel: '>=' as const, rhs: Rational.ZERO }]));
        const p = viewFeasible(view, rows, an.budget);
        if (p) { chosen.push(act); support.push({ act, p }); }
        else rejected.push({ act, witness: { kind: 'eAdmissibility', message: `no p in K makes ${act} optimal` } });
    });
    return { rule, chosen, tie: chosen.length > 1, rejected, support };
}

/** Maximality by the maximal acts alone (`any`): each rejected act with the first maximal act found to dominate it. */
function maximalityAny(an: Analysis, rule: Rule): RuleResult {
    const names = an.names;
    const { maximal, dominator } = an.maximal();
    const rejected = names.flatMap((act, a) => {
        const by = dominator.get(a);
        return by ? [{ act, witness: { kind: 'maximality' as const, by: names[by.b]!, margin: by.margin } }] : [];
    });
    const chosen = maximal.map((a) => names[a]!);
    return { rule, chosen, tie: chosen.length > 1, rejected };
}

function dominanceMargin(fb: Vec, fa: Vec): Rational | undefined {
    const diff = sub(fb, fa);
    return diff.length > 0 && diff.every((d) => d.sign() >= 0) ? Rational.max(...diff) : undefined;
}

function applyRule(an: Analysis, rule: Rule): RuleResult {
    checkAlpha(rule);
    switch (rule.kind) {
        case 'maximin': case 'maximax': case 'hurwicz': case 'minimaxRegret':
            return scoringRule(an, rule);
        case 'intervalDominance': {
            const lo = an.lower(), up = an.upper();
            return pairwiseRule(an, rule, (b, a) => lo[b]!.sub(up[a]!), 'intervalDominance');
        }
        case 'maximality': {
            if (an.explanation === 'any') return maximalityAny(an, rule);
            const lo = an.lower(), up = an.upper();
            // Superadditivity: lowerE(U_b − U_a) ≤ min(up_b − up_a, lo_b − lo_a), so such b cannot dominate a.
            return pairwiseRule(an, rule, (b, a) => (up[b]!.le(up[a]!) || lo[b]!.le(lo[a]!) ? undefined : an.gainLower(b, a)),
                'maximality');
        }
        case 'eAdmissibility': return eAdmissibility(an, rule);
        case 'admissibility': {
            // Only the states the belief does not rule out count (upper probability > 0), as improb does (§A.7).
            const n = an.problem.belief.n;
            const possible = Array.from({ length: n }, (_, x) => compute.upperE(an.problem.belief, Array.from({ length: n }, (_,
                y) => (y === x ? Rational.ONE : Rational.ZERO)), an.budget).sign() > 0);
            const onSupport = (u: Vec): Vec => u.filter((_, x) => possible[x]);
            return pairwiseRule(an, rule, (b, a) => dominanceMargin(onSupport(an.utilities[b]!), onSupport(an.utilities[a]!)),
                'admissibility');
        }
    }
}

/** The acts a rule chooses, with scores (scoring rules), witnesses for the rejected, support (E-admissibility). */
export function choose(problem: DecisionProblem, rule: Rule, budget = Budget.unlimited(), explanation: Explanation = 'strongest'):
    Outcome<RuleResult> {
    return guard(() => { validate(problem); return applyRule(new Analysis(problem, budget, explanation), rule); });
}

/** `value(D, act, rule)`: the act's score under a scoring rule, in the declared orientation. */
export function score(problem: DecisionProblem, act: string, rule: Rule, budget = Budget.unlimited()): Outcome<Rational> {
    return guard(() => {
        validate(problem);
        checkAlpha(rule);
        if (!SCORING_RULES.includes(rule.kind)) failWith(IssueCodes.Type, `rule ${rule.kind} chooses a set and has no score`);
        const index = problem.acts.findIndex((a) => a.name === act);
        if (index < 0) failWith(IssueCodes.Unresolved, `no act named ${act}`, { act });
        const an = new Analysis(problem, budget);
        return declaredScore(an, rule, utilityScores(an, rule)[index]!);
    });
}

/** The per-act [lower, upper] table in the declared orientation. */
export function actBounds(problem: DecisionProblem, budget = Budget.unlimited()): Outcome<ActBounds[]> {
    return guard(() => {
        validate(problem);
        const an = new Analysis(problem, budget);
        const lo = an.lower(), up = an.upper();
        return an.names.map((act, i) => (problem.orientation === 'loss'
            ? { act, lower: up[i]!.neg(), upper: lo[i]!.neg() }
            : { act, lower: lo[i]!, upper: up[i]! }));
    });
}

export interface DecisionSummary {
    bounds: ActBounds[];
    results: RuleResult[];
}

/** Everything a hover or table shows: bounds and every rule (Hurwicz only when α is given), sharing work. */
export function analyse(problem: DecisionProblem, options: { alpha?: Rational; budget?: Budget; explanation?: Explanation } = {}):
    Outcome<DecisionSummary> {
    const budget = options.budget ?? Budget.unlimited();
    return guard(() => {
        validate(problem);
        const an = new Analysis(problem, budget, options.explanation);
        const rules: Rule[] = [
            { kind: 'maximin' }, { kind: 'maximax' },
            ...(options.alpha !== undefined ? [{ kind: 'hurwicz' as const, alpha: options.alpha }] : []),
            { kind: 'intervalDominance' }, { kind: 'maximality' }, { kind: 'eAdmissibility' },
            { kind: 'minimaxRegret' }, { kind: 'admissibility' },
        ];
        const lo = an.lower(), up = an.upper();
        const bounds = an.names.map((act, i) => (problem.orientation === 'loss'
            ? { act, lower: up[i]!.neg(), upper: lo[i]!.neg() }
            : { act, lower: lo[i]!, upper: up[i]! }));
        return { bounds, results: rules.map((r) => applyRule(an, r)) };
    });
}
