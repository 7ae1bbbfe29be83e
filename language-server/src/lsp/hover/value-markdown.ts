import type { AstNode } from 'langium';
import type { Fact, FactLimits, ValueFacts } from '../../evaluation/facts/index.js';
import { elementLabel, type CredalOrigin, type CredalValue, type Value } from '../../evaluation/values.js';
import { conventionOrigin, type ConventionSource } from '../../evaluation/conventions.js';
import { siteKey } from '../../linking/source-site.js';
import { SCORING_RULES, type DecisionSummary } from '../../math/decision.js';
import { ruleTitle, witnessText } from '../../evaluation/rule-text.js';
import { focalMasses } from '../../evaluation/facts/structure-facts.js';
import type { DdtResult } from '../../math/ddt.js';
import type { Rational } from '../../math/rational.js';
import { credalPictureMarkdown } from './credal-picture.js';
import { aMeasuresMarkdown, infraMarkdown, kernelMarkdown } from './infra-markdown.js';
import { treeMarkdown } from './tree-markdown.js';
import { cell, exact, LOWER_E, LOWER_P, namesText, numberText, pointText, UPPER_E, UPPER_P } from './math-text.js';

export interface ValueMarkdownOptions {
    readonly places: number;
    readonly maxVertices: number;
    readonly pictures: boolean;
    /** The evaluator's facts of values, and the limits of each engine query they make for this hover. */
    readonly facts: ValueFacts;
    readonly limits: FactLimits;
    /** A node of the note (Hurwicz is shown with the α the note uses). */
    readonly where?: AstNode;
}

const ORIGIN_WORDS: Readonly<Record<CredalOrigin, string>> = {
    distribution: 'a single distribution (precise)',
    vacuous: 'vacuous: every distribution on the set',
    hull: 'convex hull of listed distributions',
    'implicit-hull': 'convex hull of listed distributions (implicit)',
    constraints: 'linear constraints',
    intervals: 'linear constraints on single elements',
    contamination: 'ε-contamination (1 − ε)·p₀ + ε·ΔX',
    tvball: 'total-variation ball around a distribution',
    intersection: 'intersection of credal sets',
    'hull-of-union': 'convex hull of a union of credal sets',
    conditioned: 'generalized Bayes conditioning',
    marginal: 'marginal (push-forward to a factor)',
    'strong-product': 'strong product (strong independence)',
    mixture: 'mixture Σ wᵢ Kᵢ of credal sets',
    belief: 'belief function (Möbius masses on focal events)',
    dempster: "Dempster's rule of combination",
    finite: 'convex hull of a finite set of distributions',
    semidirect: 'semidirect product K ⋉ κ (marginal extension)'
};

/** The body of a hover for a value: what it is, exactly, with the facts the UX asks for per kind. */
export function valueMarkdown(value: Value, options: ValueMarkdownOptions): string {
    switch (value.kind) {
        case 'number': return `\`= ${numberText(value.value, options.places)}\``;
        case 'interval': return `\`= [${exact(value.lower)}, ${exact(value.upper)}]\`${approxInterval(value.lower, value.upper, options.places)}`;
        case 'points': return pointsMarkdown(value.points, options.maxVertices);
        case 'names': return `\`= ${namesText(value.names)}\``;
        case 'boolean': return `\`= ${value.value}\``;
        case 'vector': return `\`= ${pointText(value.entries)}\``;
        case 'rule': return `decision rule ${ruleTitle(value.rule)}`;
        case 'set': {
            const shown = Array.from({ length: Math.min(value.set.size, 50) }, (_, i) => elementLabel(value.set, i));
            return `\`${value.set.label} = {${shown.join(', ')}${value.set.size > 50 ? ', …' : ''}}\` · ${value.set.size} elements`;
        }
        case 'event': {
            const members = value.members.flatMap((member, i) => (member ? [elementLabel(value.set, i)] : []));
            return `\`{${members.join(', ')}}\` ⊆ ${value.set.label} · ${members.length} of ${value.set.size} elements`;
        }
        case 'distribution': return tableOf(value.set, value.p, 'mass', options.places)
            + `\n\nsupport: \`{${value.p.flatMap((mass, i) => (mass.isZero() ? [] : [elementLabel(value.set, i)])).join(', ')}}\``;
        case 'gamble': return tableOf(value.set, value.f, 'value', options.places);
        case 'credal': return credalMarkdown(value, options);
        case 'decision': return decisionMarkdown(value, options);
        case 'ddt': return ddtMarkdown(value, options);
        case 'infra': return infraMarkdown(value, options.places, options.facts, options.where);
        case 'ameasures': return aMeasuresMarkdown(value, options.places);
        case 'kernel': return kernelMarkdown(value);
        case 'tree': return treeMarkdown(value, options.facts.treeFacts(value, options.where).summary(options.limits), options.places, options.where);
        case 'error': return `⚠ \`${value.code}\` ${cell(value.message)}`;
    }
}

function approxInterval(lower: Rational, upper: Rational, places: number): string {
    if (lower.isTerminating() && upper.isTerminating()) {
        return '';
    }
    return ` ≈ [${lower.toDecimal(places)}, ${upper.toDecimal(places)}]`;
}

function pointsMarkdown(points: readonly (readonly Rational[])[], max: number): string {
    const shown = points.slice(0, max).map(pointText).join(', ');
    const more = points.length > max ? `, … (${points.length - max} more)` : '';
    return `\`= {${shown}${more}}\` · ${points.length} point${points.length === 1 ? '' : 's'}`;
}

function tableOf(set: Extract<Value, { kind: 'distribution' }>['set'], entries: readonly Rational[], heading: string,
    places: number): string {
    const rows = entries.slice(0, 50).map((entry, i) => `| ${cell(elementLabel(set, i))} | ${numberText(entry, places)} |`);
    const more = entries.length > 50 ? `\n\n… ${entries.length - 50} more elements` : '';
    return `| ${cell(set.label)} | ${heading} |\n|---|---|\n${rows.join('\n')}${more}`;
}

/** A hover in two parts: the small picture, which goes right under the title line, and the rest. */
interface ValueSections {
    readonly picture?: string;
    readonly body: string;
}

/** Like `valueMarkdown`, with a credal set's picture apart so a hover can put it before long text. */
export function valueSections(value: Value, options: ValueMarkdownOptions): ValueSections {
    return value.kind === 'credal' ? credalSections(value, options) : { body: valueMarkdown(value, options) };
}

function credalMarkdown(value: CredalValue, options: ValueMarkdownOptions): string {
    const { picture, body } = credalSections(value, options);
    return picture ? `${picture}\n\n${body}` : body;
}

function credalSections(value: CredalValue, options: ValueMarkdownOptions): ValueSections {
    const facts = options.facts.credalFacts(value);
    const limits = options.limits;
    const vertexFact = facts.vertices(limits);
    const vacuousFact = facts.vacuous(limits);
    const parts: string[] = [`**How built:** ${howBuilt(value, vacuousFact.ok && vacuousFact.value)}`];
    const focal = focalMasses(value);
    if (focal) {
        const rows = focal.map((F) => `| \`{${F.event.flatMap((inF, i) => (inF ? [elementLabel(value.set, i)] : [])).join(', ')}}\` | ${numberText(F.mass, options.places)} |`);
        const conflict = value.conflict && !value.conflict.isZero() ? `\n\nconflict normalised away: ${exact(value.conflict)}` : '';
        parts.push(`**Focal masses (Möbius):**\n\n| focal event | mass |\n|---|---|\n${rows.join('\n')}${conflict}`);
    }
    if (value.convention) {
        const rule = value.convention.value === 'regular' ? 'regular extension' : 'natural extension (vacuous on the event)';
        parts.push(`**Conditioning on a lower-probability-0 event:** ${rule}, ${conventionOrigin('conditioning', value.convention.from)}`);
    }
    const elements = Array.from({ length: value.set.size }, (_, i) => elementLabel(value.set, i));
    if (vertexFact.ok) {
        const vertices = vertexFact.value;
        const shown = vertices.slice(0, options.maxVertices).map(vertex => `\`${pointText(vertex)}\``).join(', ');
        const more = vertices.length > options.maxVertices ? `, … (${vertices.length - options.maxVertices} more)` : '';
        parts.push(`**Vertices (${vertices.length}):** ${shown}${more}`);
    } else {
        parts.push(`**Vertices:** not enumerated (${cell(vertexFact.error.message)})`);
    }
    const elementBounds = facts.elementBounds(limits);
    if (elementBounds.ok) {
        parts.push(elementBoundsList(elements, elementBounds.value, options.places));
    }
    const flag = (fact: Fact<boolean>) => (fact.ok ? (fact.value ? 'yes' : 'no') : fact.overBudget ? 'unknown (over budget)' : 'unknown');
    const dimensionFact = facts.dimension(limits);
    const dimension = dimensionFact.ok ? (dimensionFact.value < 0 ? 'empty' : String(dimensionFact.value)) : 'unknown';
    parts.push(`**dim** ${dimension} · **precise** ${flag(facts.precise(limits))} · **vacuous** ${flag(vacuousFact)} · **coherent** ${flag(facts.coherent(limits))}`);
    const picture = options.pictures && vertexFact.ok && (elements.length === 2 || elements.length === 3)
        ? credalPictureMarkdown(elements, vertexFact.value, `credal set on ${value.set.label}`)
        : undefined;
    return { picture, body: parts.join('\n\n') };
}

const MAX_BOUND_LINES = 50;

/**
 * One line per element, `heads ∈ [1/3, 2/3] ≈ [0.3333, 0.6667]`: VS Code draws hover tables with almost
 * no cell padding, so columns of fractions run together; a list reads at a glance.
 */
function elementBoundsList(elements: readonly string[], bounds: readonly { lower: Rational; upper: Rational }[], places: number): string {
    const lines = bounds.slice(0, MAX_BOUND_LINES).map((b, i) =>
        `- \`${cell(elements[i]!)} ∈ [${exact(b.lower)}, ${exact(b.upper)}]\`${approxInterval(b.lower, b.upper, places)}`);
    const more = bounds.length > MAX_BOUND_LINES ? `\n- … ${bounds.length - MAX_BOUND_LINES} more elements` : '';
    return `**${LOWER_P}({x}), ${UPPER_P}({x}) for each element x:**\n${lines.join('\n')}${more}`;
}

/**
 * What the author wrote, from the evaluator's `origin` and sources. A constraint block is described by
 * its assessments; "probability intervals" only when the author bounded every element on its own
 * (the evaluator also solves a block of bounds on some single elements in closed form, as intervals).
 */
function howBuilt(value: CredalValue, vacuous: boolean): string {
    switch (value.origin) {
        case 'constraints':
        case 'intervals': {
            const written = assessmentCount(value);
            if (written === 0) {
                return 'an empty constraint block (no assessments: every distribution)';
            }
            const count = `${written} assessment${written === 1 ? '' : 's'}`;
            return value.origin === 'intervals' && written === value.set.size && written > 1
                ? `probability intervals: a bound on each of the ${written} elements (${count})`
                : `linear constraints (${count})`;
        }
        case 'hull':
        case 'implicit-hull': {
            const generators = value.sources?.generators?.length;
            const listed = generators === undefined ? 'listed distributions'
                : `${generators} listed distribution${generators === 1 ? '' : 's'}`;
            return `convex hull of ${listed}${value.origin === 'implicit-hull' ? ' (written as a bare list)' : ''}`;
        }
        case 'vacuous':
            return vacuous ? `vacuous: every distribution on ${value.set.label}`
                : 'vacuous on an event: every distribution supported on it';
        default:
            return ORIGIN_WORDS[value.origin] ?? value.origin;
    }
}

/** The written assessments of a constraint block: one per top-level item (a chain `a ≤ P(A) ≤ b` is one). */
function assessmentCount(value: CredalValue): number {
    const items = new Set<string>();
    for (const source of value.sources?.constraints?.values() ?? []) {
        items.add(siteKey(source.item));
    }
    return items.size;
}

function decisionMarkdown(value: Extract<Value, { kind: 'decision' }>, options: ValueMarkdownOptions): string {
    const loss = value.problem.orientation === 'loss';
    const summary = options.facts.decisionFacts(value, options.where).summary(options.limits);
    const belief = value.infra ? ' · belief: a non-crisp infradistribution ℋ, decided by maximin (the infra-Bayesian rule)' : '';
    const head = `${value.problem.acts.length} acts · ${loss ? 'losses (minimised)' : 'utilities (maximised)'}${belief}`;
    if (!summary.ok) {
        return `${head}\n\n⚠ \`${summary.error.code}\` ${cell(summary.error.message)}`;
    }
    const table = value.infra ? infraValueTable(summary.value, loss, options.places) : boundsTable(summary.value, loss, options.places);
    return [head, table, chosenList(summary.value), rejectedList(summary.value, loss)].filter(Boolean).join('\n\n');
}

function boundsTable(summary: DecisionSummary, loss: boolean, places: number): string {
    const [lower, upper] = loss ? [`${LOWER_E}[L]`, `${UPPER_E}[L]`] : [LOWER_E, UPPER_E];
    const rows = summary.bounds.map(bounds => `| ${cell(bounds.act)} | ${numberText(bounds.lower, places)} | ${numberText(bounds.upper, places)} |`);
    return `| act | ${lower} | ${upper} |\n|---|---|---|\n${rows.join('\n')}`;
}

/** Under a non-crisp ℋ an act has one value, E_ℋ (no upper expectation); a loss L is the utility 1 − L (§7.4). */
function infraValueTable(summary: DecisionSummary, loss: boolean, places: number): string {
    const rows = summary.bounds.map(bounds => `| ${cell(bounds.act)} | ${numberText(bounds.lower, places)} |`);
    return `| act | ${loss ? '1 − E_ℋ[1 − L]' : 'E_ℋ[U]'} |\n|---|---|\n${rows.join('\n')}`;
}

function chosenList(summary: DecisionSummary): string {
    const lines = summary.results.map(result => {
        const tie = result.tie && result.chosen.length > 1 && SCORING_RULES.includes(result.rule.kind) ? ' (tie)' : '';
        return `- ${ruleTitle(result.rule)}: \`${namesText(result.chosen)}\`${tie}`;
    });
    return `**Chosen**\n${lines.join('\n')}`;
}

function rejectedList(summary: DecisionSummary, loss: boolean): string {
    const lines = summary.results.flatMap(result => result.rejected.map(rejected =>
        `- ${ruleTitle(result.rule)} rejects \`${rejected.act}\`: ${witnessText(rejected.act, rejected.witness, result.rule.kind, loss, 'unicode')}`));
    return lines.length > 0 ? `**Why acts are rejected**\n${lines.join('\n')}` : '';
}

function ddtMarkdown(value: Extract<Value, { kind: 'ddt' }>, options: ValueMarkdownOptions): string {
    const loss = value.problem.orientation === 'loss';
    const result = options.facts.ddtFacts(value).solution(options.limits);
    const semantics = value.problem.semantics?.kind === 'nirvana0'
        ? `nirvana0${value.problem.semantics.top ? ` (top ${exact(value.problem.semantics.top)})` : ''}`
        : 'strict';
    const origin = (key: 'ddt' | 'inconsistent', from: ConventionSource | undefined): string => (from
        ? ` (${conventionOrigin(key, from)})` : '');
    const head = `${value.problem.policies.length} policies · ${loss ? 'loss (minimised)' : 'utility (maximised)'} · semantics **${semantics}**${origin('ddt', value.from?.semantics)}`
        + ` · inconsistent policies: **${value.problem.inconsistent ?? 'error'}**${origin('inconsistent', value.from?.inconsistent)}`;
    if (!result.ok) {
        return `${head}\n\n⚠ \`${result.error.code}\` ${cell(result.error.message)}`;
    }
    return [head, policyTable(result.value, value, options.places), optimalLine(result.value, options.places)].join('\n\n');
}

function policyTable(result: DdtResult, value: Extract<Value, { kind: 'ddt' }>, places: number): string {
    const rows = result.policies.map(policy => {
        const v = policy.status === 'ok' && policy.value ? numberText(policy.value, places) : policy.status;
        const worst = policy.worstVertex ? worstVertexText(policy.worstVertex, value) : '—';
        const count = policy.vertexCount === undefined ? '—' : String(policy.vertexCount);
        const regret = policy.regret ? numberText(policy.regret, places) : '—';
        return `| ${cell(policy.policy)} | ${v} | ${count} | ${cell(worst)} | ${regret} |`;
    });
    return `| policy π | V(π) | \\|ext Θ_π\\| | Murphy's worst case | regret |\n|---|---|---|---|---|\n${rows.join('\n')}`;
}

/** A vertex as its support: `δ(11)` for a point mass, else `11: 99/100, 21: 1/100`. */
function worstVertexText(vertex: readonly Rational[], value: Extract<Value, { kind: 'ddt' }>): string {
    const support = vertex.flatMap((mass, i) => (mass.isZero() ? [] : [[elementLabel(value.set, i), mass] as const]));
    if (support.length === 1) {
        return `δ(${support[0]![0]})`;
    }
    return support.map(([name, mass]) => `${name}: ${exact(mass)}`).join(', ');
}

function optimalLine(result: DdtResult, places: number): string {
    const best = result.optimalValue === undefined ? '' : result.optimalValue === 'nirvana' ? ' · V* = nirvana'
        : ` · V* = ${numberText(result.optimalValue, places)}`;
    return `**Optimal:** \`${namesText(result.optimal)}\`${result.tie && result.optimal.length > 1 ? ' (tie)' : ''}${best}`;
}
