import type { DecisionValue } from '../../evaluation/values.js';
import type { AstNode } from 'langium';
import type { Act, DecisionSummary, RuleResult, Witness } from '../../math/decision.js';
import { latexLines, vectorWidth } from '../latex/lines.js';
import { latexName } from '../latex/names.js';
import { latexRational } from '../latex/numbers.js';
import { latexVector } from '../latex/values.js';
import { regionsFigure } from './figures.js';
import type { Cell, Part } from './parts.js';
import type { RenderEnv } from './render-env.js';
import { columnTitle, marginLegend } from './rule-text.js';
import { IssueCodes } from '../../diagnostics/codes.js';

/**
 * A decision problem in improb's layout: its acts as gambles, then one row per act with the lower and
 * upper expectation and every rule side by side: ✓ where the rule chooses the act, else the act that
 * beats it and the exact margin (a legend says what the margin is for each rule); for 2 or 3 elements,
 * where each act is optimal. Every number is a fact of the evaluator, exactly.
 */
export function decisionValueParts(value: DecisionValue, env: RenderEnv, declaration?: AstNode): Part[] {
    const { problem } = value;
    const parts: Part[] = [{ type: 'math', tex: actsTex(problem.acts) }];
    const facts = env.values.facts.decisionFacts(value, declaration);
    const limits = env.limits();
    const summary = facts.summary(limits);
    if (!summary.ok) {
        parts.push({ type: 'text', tone: 'muted', text: `Decision table not computed (${summary.error.code}): ${summary.error.message}` });
        return parts;
    }
    const loss = problem.orientation === 'loss';
    parts.push(value.infra ? infraDecisionTable(value.name, summary.value, loss) : decisionTable(value.name, summary.value, loss));
    const legend = marginLegend(summary.value.results, loss);
    if (legend.length > 0) {
        parts.push({
            type: 'table', style: 'compact',
            caption: `${value.name}: how to read a rejected act a beaten by b (the margin is exact and positive)`,
            head: [{ text: 'rule' }, { text: 'margin shown' }],
            rows: legend.map(line => [{ text: line.rule }, line.margin])
        });
    }
    const regions = facts.regions(limits);
    const caption = `${value.name}: where each act is optimal (the belief ${value.set.size === 3 ? 'dashed' : 'on the axis'})`;
    if (regions.ok) {
        const figure = regionsFigure(caption, value.set, regions.value);
        if (figure) parts.push({ type: 'figure', svg: figure, caption });
    } else if (regions.error.code !== IssueCodes.Skipped) {
        parts.push({ type: 'text', tone: 'muted', text: `Optimality regions not drawn (${regions.error.code}): ${regions.error.message}` });
    }
    return parts;
}

/** `d_1=(4,0),\quad d_2=(0,4),…`, over several lines when the menu of acts is long (also a tree's strategies). */
export function actsTex(acts: readonly Act[]): string {
    return latexLines('', 0, acts.map(act => ({
        tex: `${latexName(act.name)}=${latexVector(act.payoff)}`,
        width: act.name.length + 1 + vectorWidth(act.payoff)
    })), '\\quad ');
}

function decisionTable(name: string, summary: DecisionSummary, loss: boolean): Part {
    const { bounds, results } = summary;
    const head: Cell[] = [
        { text: loss ? 'act (loss)' : 'act' },
        { tex: loss ? '\\underline{E}[L]' : '\\underline{E}[U]' },
        { tex: loss ? '\\overline{E}[L]' : '\\overline{E}[U]' },
        ...results.map(result => ({ text: columnTitle(result.rule) }))
    ];
    const rows = bounds.map(bound => [
        { tex: latexName(bound.act) },
        { tex: latexRational(bound.lower) },
        { tex: latexRational(bound.upper) },
        ...results.map(result => ruleCell(result, bound.act))
    ]);
    return {
        type: 'table', style: 'decision', head, rows,
        caption: `${name}: lower and upper expected ${loss ? 'loss' : 'utility'}, and for each rule ✓ on the acts it chooses, `
            + 'or the act that beats a rejected one and by how much'
    };
}

/**
 * Under a non-crisp infradistribution an act has one value, E_H of its utility (a loss L is read as the
 * utility 1 − L, so its value is 1 − E_H[1 − L]), and maximin is the only rule (LANGUAGE §7.4).
 */
function infraDecisionTable(name: string, summary: DecisionSummary, loss: boolean): Part {
    const value: Cell = { tex: loss ? '1-E_{\\mathcal{H}}[1-L]' : 'E_{\\mathcal{H}}[U]' };
    return {
        type: 'table', style: 'decision',
        head: [{ text: loss ? 'act (loss)' : 'act' }, value, ...summary.results.map(result => ({ text: columnTitle(result.rule) }))],
        rows: summary.bounds.map(bound => [{ tex: latexName(bound.act) }, { tex: latexRational(bound.lower) },
            ...summary.results.map(result => ruleCell(result, bound.act))]),
        caption: `${name}: each act's value under the infradistribution (the infra-Bayesian maximin), ✓ on the acts it chooses`
    };
}

/** ✓ for a chosen act; for a rejected one `≺ b` and the margin, or “no p ∈ 𝒦” (E-admissibility). */
function ruleCell(result: RuleResult, act: string): Cell {
    if (result.chosen.includes(act)) return { text: '✓', mark: true };
    const witness = result.rejected.find(rejected => rejected.act === act)?.witness;
    return witness ? witnessCell(witness) : { text: '' };
}

function witnessCell(witness: Witness): Cell {
    if (witness.kind === 'eAdmissibility') return { tex: '\\text{no }p\\in\\mathcal{K}', muted: true };
    return { tex: `{\\prec}${latexName(witness.by)}\\,${latexRational(witness.margin)}`, muted: true };
}
