/**
 * The facts of a decision problem: the lower and upper expectation of each act and every rule's choice
 * with its witnesses (Hurwicz once per α the note uses, none when it uses none), and, for problems on
 * two or three elements, where in the simplex each act is optimal: for act a the polytope
 * {p ∈ ΔX : E_p[f_a − f_b] ≥ 0 for every other act b} (losses: E_p[L_b − L_a] ≥ 0), exactly.
 */
import { expectationConstraint, fromConstraints, vertices } from '../../math/credal.js';
import { choose, type DecisionSummary } from '../../math/decision.js';
import { analyseIn } from '../problem-solvers.js';
import { Rational } from '../../math/rational.js';
import { sub } from '../../math/vectors.js';
import type { DecisionValue } from '../values.js';
import { budgetOf, factOf, FactMemo, skipped, type Fact, type FactLimits } from './fact.js';
import { IssueCodes } from '../../diagnostics/codes.js';

interface ActRegion {
    readonly act: string;
    /** The act's position in the problem (for a stable colour). */
    readonly index: number;
    /** Vertices of the region where the act is optimal, as distributions; empty when it is optimal nowhere. */
    readonly vertices: Rational[][];
}

export interface OptimalityRegions {
    readonly acts: readonly ActRegion[];
    /** Vertices of the problem's belief (the credal set it is decided under). */
    readonly belief: Rational[][];
}

export interface DecisionFacts {
    /** Per-act [lower, upper] expectation (in the declared orientation) and every rule's result. */
    summary(limits: FactLimits): Fact<DecisionSummary>;
    /** Only for problems on 2 or 3 elements with at least two acts (else skipped). */
    regions(limits: FactLimits): Fact<OptimalityRegions>;
}

/** Sets of this size have a picture (a segment or a triangle). */
const REGION_SET_SIZES: readonly number[] = [2, 3];

export function decisionFacts(value: DecisionValue, hurwiczAlphas: readonly Rational[]): DecisionFacts {
    const memo = new FactMemo();
    const { problem } = value;
    return {
        summary: (limits) => memo.get('summary', () => factOf(() => {
            const budget = budgetOf(limits);
            const [first, ...others] = hurwiczAlphas;
            const summary = analyseIn(value, first, budget);
            if (!summary.ok || others.length === 0 || value.infra) return summary;
            const results = [...summary.value.results];
            let at = results.findIndex((result) => result.rule.kind === 'hurwicz') + 1;
            for (const alpha of others) {
                const result = choose(problem, { kind: 'hurwicz', alpha }, budget);
                if (!result.ok) return result;
                results.splice(at++, 0, result.value);
            }
            return { ok: true, value: { bounds: summary.value.bounds, results } };
        })),
        regions: (limits) => memo.get('regions', () => {
            const n = value.set.size;
            if (value.infra) return skipped('the belief is a non-crisp infradistribution: no optimality regions');
            if (!REGION_SET_SIZES.includes(n) || problem.acts.length < 2 || problem.acts.some((act) => act.payoff.length !== n)) {
                return skipped('pictures are drawn for problems on 2 or 3 elements with at least two acts');
            }
            const belief = factOf(() => vertices(problem.belief, budgetOf(limits)));
            if (!belief.ok) return belief;
            const acts: ActRegion[] = [];
            for (const [index, act] of problem.acts.entries()) {
                const constraints = problem.acts.filter((other) => other !== act).map((other, k) => expectationConstraint(`optimal-${k}`,
                    problem.orientation === 'loss' ? sub(other.payoff, act.payoff) : sub(act.payoff, other.payoff), '>=', Rational.ZERO));
                const region = factOf(() => {
                    const polytope = fromConstraints(n, constraints);
                    if (!polytope.ok) return polytope;
                    return vertices(polytope.value, budgetOf(limits));
                });
                if (!region.ok && region.error.code !== IssueCodes.Empty) return region;
                acts.push({ act: act.name, index, vertices: region.ok ? region.value : [] });
            }
            return { ok: true, value: { acts, belief: belief.value } };
        }),
    };
}
