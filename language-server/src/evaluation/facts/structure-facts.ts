/**
 * Facts about how a value is built, which hover and the preview both show: derived here once, so that
 * neither of them computes (a belief function's focal masses, a tree's outline with its chosen branches).
 */
import * as credal from '../../math/credal.js';
import { isCrisp, type AMeasure } from '../../math/infra/infra.js';
import type { Rational } from '../../math/rational.js';
import { outline, type OutlineNode } from '../../math/tree/outline.js';
import type { TreeSummary } from '../../math/tree/solve.js';
import type { CredalValue, InfraValue, TreeValue } from '../values.js';

export type { OutlineNode };

/** The Möbius masses of a belief function (or of Dempster's combination), undefined for other credal sets. */
export function focalMasses(value: CredalValue): credal.Focal[] | undefined {
    return value.origin === 'belief' || value.origin === 'dempster' ? credal.beliefMasses(value.credal) : undefined;
}

/** The tree as nested nodes, each decision branch with the strategies of `summary` that take it. */
export function treeOutline(value: TreeValue, summary: TreeSummary): OutlineNode {
    return outline(value.tree, summary.strategies);
}

/** The rules (in the summary's order) whose normal-form chosen strategies include one of `strategies` (a branch's). */
export function rulesTaking(summary: TreeSummary, strategies: readonly string[]): TreeSummary['results'][number]['rule'][] {
    return summary.results.filter((r) => r.normal.some((name) => strategies.includes(name))).map((r) => r.rule);
}

/** Whether an infradistribution is crisp (a credal set): then its picture is that credal set's. */
export function infraIsCrisp(value: InfraValue): boolean {
    return isCrisp(value.infra);
}

/** A generator's measure normalised to a distribution, m/m(X); undefined when m(X) = 0. */
export function normalisedMeasure(generator: AMeasure): Rational[] | undefined {
    const total = generator.m.reduce((sum, x) => sum.add(x));
    return total.isZero() ? undefined : generator.m.map((x) => x.div(total));
}
