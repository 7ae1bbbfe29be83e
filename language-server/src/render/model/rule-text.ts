import type { Rule, RuleResult } from '../../math/decision.js';
import type { Cell } from './parts.js';

const RULE_TITLES: Readonly<Record<Rule['kind'], string>> = {
    maximin: 'Γ-maximin',
    maximax: 'Γ-maximax',
    hurwicz: 'Hurwicz',
    intervalDominance: 'interval dominance',
    maximality: 'maximality',
    eAdmissibility: 'E-admissibility',
    minimaxRegret: 'minimax regret',
    admissibility: 'admissibility'
};

/** Soft hyphens (U+00AD) let the long titles of narrow rule columns break inside a word, only when they must. */
const SOFT = '\u00AD';
/** No-break spaces keep `α = 1/2` on one line of a wrapped title. */
const NBSP = '\u00A0';
const COLUMN_TITLES: Readonly<Record<Rule['kind'], string>> = {
    ...RULE_TITLES,
    intervalDominance: `interval domi${SOFT}nance`,
    maximality: `maxi${SOFT}mality`,
    eAdmissibility: `E-admis${SOFT}si${SOFT}bility`,
    admissibility: `admis${SOFT}si${SOFT}bility`
};

/** A column title: the rule's name, with Hurwicz's α (one column per α the note uses). */
export function ruleTitle(rule: Rule): string {
    return rule.kind === 'hurwicz' ? `Hurwicz α${NBSP}=${NBSP}${rule.alpha.toString()}` : COLUMN_TITLES[rule.kind];
}

/**
 * What the margin in a rejected act's cell means, per rule, in the declared orientation. For act a
 * beaten by b (engine witnesses, SEMANTICS §A.7): scoring rules give b's lead in the rule's score;
 * interval dominance E̲[b] − E̅[a]; maximality E̲[b − a]; admissibility the largest pointwise gain of
 * b (b is never worse). With losses, "better" means smaller, so the differences turn round.
 */
const MARGINS: Readonly<Record<Exclude<Rule['kind'], 'eAdmissibility'>, { utility: string; loss: string }>> = {
    maximin: { utility: '\\underline{E}[b]-\\underline{E}[a]', loss: '\\overline{E}[a]-\\overline{E}[b]' },
    maximax: { utility: '\\overline{E}[b]-\\overline{E}[a]', loss: '\\underline{E}[a]-\\underline{E}[b]' },
    hurwicz: {
        utility: 'H_\\alpha(b)-H_\\alpha(a),\\ H_\\alpha=\\alpha\\overline{E}+(1-\\alpha)\\underline{E}',
        loss: 'H_\\alpha(a)-H_\\alpha(b),\\ H_\\alpha=\\alpha\\underline{E}+(1-\\alpha)\\overline{E}'
    },
    intervalDominance: { utility: '\\underline{E}[b]-\\overline{E}[a]>0', loss: '\\underline{E}[a]-\\overline{E}[b]>0' },
    maximality: { utility: '\\underline{E}[b-a]>0', loss: '\\underline{E}[a-b]>0' },
    minimaxRegret: { utility: 'R(a)-R(b),\\ R(a)=\\max_c\\overline{E}[c-a]', loss: 'R(a)-R(b),\\ R(a)=\\max_c\\overline{E}[a-c]' },
    admissibility: { utility: '\\max(b-a),\\ b\\geq a', loss: '\\max(a-b),\\ b\\leq a' }
};

/** One legend line per kind of rule that rejects something, in the table's order. */
export function marginLegend(results: readonly RuleResult[], loss: boolean): { rule: string; margin: Cell }[] {
    const seen = new Set<Rule['kind']>();
    const lines: { rule: string; margin: Cell }[] = [];
    for (const result of results) {
        const kind = result.rule.kind;
        if (result.rejected.length === 0 || seen.has(kind)) continue;
        seen.add(kind);
        if (kind === 'eAdmissibility') {
            lines.push({ rule: RULE_TITLES[kind], margin: { tex: '\\text{no }p\\in\\mathcal{K}\\text{ makes }a\\text{ optimal}' } });
        } else {
            lines.push({ rule: RULE_TITLES[kind], margin: { tex: `a\\prec b:\\ ${loss ? MARGINS[kind].loss : MARGINS[kind].utility}` } });
        }
    }
    return lines;
}
