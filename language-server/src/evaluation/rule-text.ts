/**
 * Decision rules and their witnesses in words and symbols, from one table (LANGUAGE.md §4.1, SEMANTICS
 * §A.7): the rule's title (hovers, lenses, preview columns), its doc (completion, hover), what the
 * margin of a rejected act means (the preview's legend), and a witness as a sentence in plain text
 * (diagnostics), Unicode (hovers) or TeX (the preview).
 */
import type { Rule, RuleKind, Witness } from '../math/decision.js';

/** Plain words for diagnostics (no Markdown); Unicode symbols and code spans for hovers. */
type TextStyle = 'plain' | 'unicode';

interface Symbols {
    readonly lowerE: string;
    readonly upperE: string;
    readonly elementOf: string;
    /** An act's name in running text (a code span in Markdown). */
    readonly act: (name: string) => string;
    /** An act's payoff inside E(…): `d1` or `f_d1` for utilities, `L_d1` for losses. */
    readonly payoff: (name: string, loss: boolean) => string;
    /** How a dominance statement names the act that dominates: before the maths (plain) or after it. */
    readonly dominance: (by: string, statement: string, separator: ',' | ':') => string;
}

/** The symbols of each style: the one place that says how E̲ and Ē read in words and in Unicode. */
export const SYMBOLS: Readonly<Record<TextStyle, Symbols>> = {
    plain: {
        lowerE: 'lower E', upperE: 'upper E', elementOf: 'in',
        act: (name) => name,
        payoff: (name, loss) => (loss ? `L_${name}` : name),
        dominance: (by, statement, separator) => `${by} dominates it${separator} ${statement}`
    },
    unicode: {
        lowerE: 'E\u0332', upperE: 'E\u0304', elementOf: '∈',
        act: (name) => `\`${name}\``,
        payoff: (name, loss) => `${loss ? 'L' : 'f'}_${name}`,
        dominance: (by, statement, separator) => (separator === ',' ? `${statement} (\`${by}\` dominates)` : statement)
    }
};

interface RuleText {
    /** The rule as a note writes it. */
    readonly name: RuleKind;
    /** Its title in prose: `Γ-maximin`, `Hurwicz`. */
    readonly title: string;
    /** The rule's parameter, for rules that take one: `hurwicz(α)`. */
    readonly parameter?: string;
    readonly doc: string;
    /** Rules with a score (`value(D, a, rule)` is defined). */
    readonly scored: boolean;
    /**
     * What the margin in a rejected act's cell means, for act a beaten by b, in TeX, per orientation:
     * scoring rules give b's lead in the rule's score; interval dominance E̲[b] − Ē[a]; maximality
     * E̲[b − a]; admissibility the largest pointwise gain of b. With losses, better means smaller.
     */
    readonly margin: { readonly utility: string; readonly loss: string };
}

const NO_OPTIMAL_PRIOR = '\\text{no }p\\in\\mathcal{K}\\text{ makes }a\\text{ optimal}';

/** LANGUAGE.md §4.1 rules, in the order hovers, completion and lenses list them. */
export const RULES: readonly RuleText[] = [
    {
        name: 'maximin', title: 'Γ-maximin', scored: true,
        doc: 'Acts with the greatest lower expectation E̲ (the infra-Bayesian rule).',
        margin: { utility: '\\underline{E}[b]-\\underline{E}[a]', loss: '\\overline{E}[a]-\\overline{E}[b]' }
    },
    {
        name: 'maximax', title: 'Γ-maximax', scored: true,
        doc: 'Acts with the greatest upper expectation Ē.',
        margin: { utility: '\\overline{E}[b]-\\overline{E}[a]', loss: '\\underline{E}[a]-\\underline{E}[b]' }
    },
    {
        name: 'hurwicz', title: 'Hurwicz', parameter: 'α', scored: true,
        doc: 'Acts with the greatest α·Ē + (1 − α)·E̲; α is the optimism.',
        margin: {
            utility: 'H_\\alpha(b)-H_\\alpha(a),\\ H_\\alpha=\\alpha\\overline{E}+(1-\\alpha)\\underline{E}',
            loss: 'H_\\alpha(a)-H_\\alpha(b),\\ H_\\alpha=\\alpha\\underline{E}+(1-\\alpha)\\overline{E}'
        }
    },
    {
        name: 'intervalDominance', title: 'interval dominance', scored: false,
        doc: 'Acts a with no b such that E̲(f_b) > Ē(f_a).',
        margin: { utility: '\\underline{E}[b]-\\overline{E}[a]>0', loss: '\\underline{E}[a]-\\overline{E}[b]>0' }
    },
    {
        name: 'maximality', title: 'maximality', scored: false,
        doc: 'Acts a with no b such that E̲(f_b − f_a) > 0.',
        margin: { utility: '\\underline{E}[b-a]>0', loss: '\\underline{E}[a-b]>0' }
    },
    {
        name: 'eAdmissibility', title: 'E-admissibility', scored: false,
        doc: 'Acts that are Bayes-optimal for some p ∈ K.',
        margin: { utility: NO_OPTIMAL_PRIOR, loss: NO_OPTIMAL_PRIOR }
    },
    {
        name: 'minimaxRegret', title: 'minimax regret', scored: true,
        doc: 'Acts with the least maximal regret max_b Ē(f_b − f_a).',
        margin: { utility: 'R(a)-R(b),\\ R(a)=\\max_c\\overline{E}[c-a]', loss: 'R(a)-R(b),\\ R(a)=\\max_c\\overline{E}[a-c]' }
    },
    {
        name: 'admissibility', title: 'admissibility', scored: false,
        doc: 'Acts not dominated pointwise by another act.',
        margin: { utility: '\\max(b-a),\\ b\\geq a', loss: '\\max(a-b),\\ b\\leq a' }
    }
];

export const RULE_BY_NAME: ReadonlyMap<string, RuleText> = new Map(RULES.map((rule) => [rule.name, rule]));

/** The title of the rule in general, with its parameter: `Hurwicz(α)`, `Γ-maximin`. */
export function genericTitle(rule: RuleText): string {
    return rule.parameter ? `${rule.title}(${rule.parameter})` : rule.title;
}

/** The title of one rule value, with its parameter's value: `Hurwicz(α = 1/2)`, `Γ-maximin`. */
export function ruleTitle(rule: Rule): string {
    return rule.kind === 'hurwicz' ? `Hurwicz(α = ${rule.alpha.toString()})` : ruleText(rule.kind).title;
}

/** The rule as a note writes it: `hurwicz(1/2)`, `maximality`. */
export function ruleSource(rule: Rule): string {
    return rule.kind === 'hurwicz' ? `hurwicz(${rule.alpha.toString()})` : rule.kind;
}

export function ruleText(kind: RuleKind): RuleText {
    return RULE_BY_NAME.get(kind)!;
}

/** Why `act` is rejected by `rule`, as a sentence with the exact margin, in the problem's orientation. */
export function witnessText(act: string, witness: Witness, rule: RuleKind, loss: boolean, style: TextStyle): string {
    const s = SYMBOLS[style];
    switch (witness.kind) {
        case 'score': return rule === 'minimaxRegret'
            ? `${s.act(witness.by)} has ${witness.margin.toString()} less maximal regret`
            : `${s.act(witness.by)} scores ${witness.margin.toString()} better`;
        case 'intervalDominance': {
            const [above, below] = loss ? [act, witness.by] : [witness.by, act];
            const statement = loss
                ? `${s.upperE}(${s.payoff(below, true)}) is below ${s.lowerE}(${s.payoff(above, true)}) by ${witness.margin.toString()}`
                : `${s.lowerE}(${s.payoff(above, false)}) exceeds ${s.upperE}(${s.payoff(below, false)}) by ${witness.margin.toString()}`;
            return s.dominance(witness.by, statement, ':');
        }
        case 'maximality': {
            const [minuend, subtrahend] = loss ? [act, witness.by] : [witness.by, act];
            const statement = `${s.lowerE}(${s.payoff(minuend, loss)} − ${s.payoff(subtrahend, loss)}) = ${witness.margin.toString()} > 0`;
            return s.dominance(witness.by, statement, ',');
        }
        case 'eAdmissibility': return `no p ${s.elementOf} K makes ${s.act(act)} optimal`;
        case 'admissibility': return `${s.act(witness.by)} is pointwise at least as good, better by up to ${witness.margin.toString()}`;
    }
}
