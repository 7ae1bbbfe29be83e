import { ruleText } from '../../evaluation/rule-text.js';
import type { Rule, RuleKind, RuleResult } from '../../math/decision.js';
import type { Cell } from './parts.js';

/** Soft hyphens (U+00AD) let the long titles of narrow rule columns break inside a word, only when they must. */
const SOFT = '\u00AD';
/** No-break spaces keep `α = 1/2` on one line of a wrapped title. */
const NBSP = '\u00A0';
/** Where the long titles of narrow rule columns may break (the titles themselves: evaluation/rule-text.ts). */
const COLUMN_TITLES: Readonly<Partial<Record<RuleKind, string>>> = {
    intervalDominance: `interval domi${SOFT}nance`,
    maximality: `maxi${SOFT}mality`,
    eAdmissibility: `E-admis${SOFT}si${SOFT}bility`,
    admissibility: `admis${SOFT}si${SOFT}bility`
};

/** A column title: the rule's name, with Hurwicz's α (one column per α the note uses). */
export function columnTitle(rule: Rule): string {
    return rule.kind === 'hurwicz' ? `Hurwicz α${NBSP}=${NBSP}${rule.alpha.toString()}` : COLUMN_TITLES[rule.kind]
        ?? ruleText(rule.kind).title;
}

/** One legend line per kind of rule that rejects something, in the table's order. */
export function marginLegend(results: readonly RuleResult[], loss: boolean): { rule: string; margin: Cell }[] {
    const seen = new Set<RuleKind>();
    const lines: { rule: string; margin: Cell }[] = [];
    for (const result of results) {
        const kind = result.rule.kind;
        if (result.rejected.length === 0 || seen.has(kind)) continue;
        seen.add(kind);
        const text = ruleText(kind);
        const margin = loss ? text.margin.loss : text.margin.utility;
        lines.push({ rule: text.title, margin: { tex: kind === 'eAdmissibility' ? margin : `a\\prec b:\\ ${margin}` } });
    }
    return lines;
}
