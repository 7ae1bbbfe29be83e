import type { DecisionValue } from '../../evaluation/values.js';
import { expectationConstraint, fromConstraints, vertices } from '../../math/credal.js';
import { analyse, type Act, type DecisionProblem, type Rule, type RuleResult } from '../../math/decision.js';
import { Rational } from '../../math/rational.js';
import { sub } from '../../math/vectors.js';
import { latexName } from '../latex/names.js';
import { latexRational, } from '../latex/numbers.js';
import { latexVector } from '../latex/values.js';
import { elementText } from '../set-elements.js';
import { segmentSvg, type SegmentInterval } from '../svg/segment.js';
import { simplexSvg, type Bary3, type SimplexRegion } from '../svg/simplex.js';
import { pointText } from './credal-parts.js';
import type { Cell, Part } from './parts.js';
import type { RenderEnv } from './render-env.js';

/** Hurwicz needs an optimism; the table shows the even-handed α = 1/2. */
const TABLE_ALPHA = Rational.of(1, 2);

const RULE_TITLES: Readonly<Record<Rule['kind'], string>> = {
    maximin: 'Γ-maximin',
    maximax: 'Γ-maximax',
    hurwicz: 'Hurwicz α = 1/2',
    intervalDominance: 'interval dominance',
    maximality: 'maximality',
    eAdmissibility: 'E-admissibility',
    minimaxRegret: 'minimax regret',
    admissibility: 'admissibility'
};

/**
 * A decision problem in improb's layout: its acts as gambles, then one row per act with the lower and
 * upper expectation and every rule side by side (✓ = chosen); for 2 or 3 elements, where each act
 * is the Bayes act. All numbers come from the engine, exactly.
 */
export function decisionValueParts(value: DecisionValue, env: RenderEnv): Part[] {
    const { problem } = value;
    const parts: Part[] = [{
        type: 'math',
        tex: problem.acts.map(act => `${actTex(act.name)}=${latexVector(act.payoff)}`).join(',\\quad ')
    }];
    const summary = analyse(problem, { alpha: TABLE_ALPHA, budget: env.budget() });
    if (!summary.ok) {
        parts.push({ type: 'text', tone: 'muted', text: `Decision table not computed (${summary.error.code}): ${summary.error.message}` });
        return parts;
    }
    const { bounds, results } = summary.value;
    const loss = problem.orientation === 'loss';
    const head: Cell[] = [
        { text: loss ? 'act (loss)' : 'act' },
        { tex: loss ? '\\underline{E}[L]' : '\\underline{E}[U]' },
        { tex: loss ? '\\overline{E}[L]' : '\\overline{E}[U]' },
        ...results.map(result => ({ text: RULE_TITLES[result.rule.kind] }))
    ];
    const rows = bounds.map(bound => [
        { tex: actTex(bound.act) },
        { tex: latexRational(bound.lower) },
        { tex: latexRational(bound.upper) },
        ...results.map(result => chosenCell(result, bound.act))
    ]);
    parts.push({ type: 'table', caption: `${value.name}: lower and upper expected ${loss ? 'loss' : 'utility'}, and the acts each rule chooses (✓)`, head, rows });
    const figure = regionsFigure(value, env);
    if (figure) parts.push({ type: 'figure', svg: figure, caption: `${value.name}: where each act is optimal` });
    return parts;
}

function actTex(name: string): string {
    return latexName(name);
}

function chosenCell(result: RuleResult, act: string): Cell {
    return result.chosen.includes(act) ? { text: '✓', mark: true } : { text: '' };
}

/**
 * Where each act maximises expected utility (minimises expected loss): for act a the polytope
 * {p ∈ ΔX : E_p[f_a − f_b] ≥ 0 for every b}, whose vertices the engine enumerates exactly.
 */
function actRegion(problem: DecisionProblem, act: Act, n: number, env: RenderEnv): Rational[][] | undefined {
    const constraints = problem.acts
        .filter(other => other !== act)
        .map((other, i) => expectationConstraint(`region-${i}`,
            problem.orientation === 'loss' ? sub(other.payoff, act.payoff) : sub(act.payoff, other.payoff), '>=', Rational.ZERO));
    const region = fromConstraints(n, constraints);
    if (!region.ok) return undefined;
    const corners = vertices(region.value, env.budget());
    return corners.ok && corners.value.length > 0 ? corners.value : undefined;
}

function regionsFigure(value: DecisionValue, env: RenderEnv): string | undefined {
    const { problem, set } = value;
    if (set.size !== 2 && set.size !== 3) return undefined;
    if (problem.acts.length < 2 || problem.acts.some(act => act.payoff.length !== set.size)) return undefined;
    const regions = problem.acts.map((act, index) => ({ act, index, corners: actRegion(problem, act, set.size, env) }));
    const beliefCorners = vertices(problem.belief, env.budget());
    const caption = `${value.name}: where each act is optimal`;
    const names = Array.from({ length: set.size }, (_, i) => elementText(set, i));
    if (set.size === 2) {
        const interval = (label: string, corners: Rational[][], colour?: number): SegmentInterval => {
            const sorted = [...corners].sort((a, b) => a[0].cmp(b[0]));
            const [low, high] = [sorted[0], sorted[sorted.length - 1]];
            return {
                label, colour,
                from: { at: low[0].toNumber(), label: low[0].toString(), title: pointText(low) },
                to: { at: high[0].toNumber(), label: high[0].toString(), title: pointText(high) }
            };
        };
        const intervals: SegmentInterval[] = [];
        if (beliefCorners.ok && beliefCorners.value.length > 0) intervals.push(interval('belief', beliefCorners.value));
        for (const region of regions) {
            if (region.corners) intervals.push(interval(region.act.name, region.corners, region.index));
        }
        return segmentSvg({ elements: [names[0], names[1]], intervals, dots: [], caption });
    }
    const simplexRegions: SimplexRegion[] = regions
        .filter(region => region.corners !== undefined)
        .map(region => ({
            label: region.act.name,
            colour: region.index,
            vertices: region.corners!.map(p => ({ at: p.map(x => x.toNumber()) as unknown as Bary3, title: pointText(p) }))
        }));
    if (beliefCorners.ok) {
        simplexRegions.push({ label: 'belief', vertices: beliefCorners.value.map(p => ({ at: p.map(x => x.toNumber()) as unknown as Bary3, title: pointText(p) })) });
    }
    return simplexSvg({ corners: [names[0], names[1], names[2]], regions: simplexRegions, dots: [], labelVertices: false, caption });
}
