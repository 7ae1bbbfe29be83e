/**
 * A decision tree in the preview and exports (LANGUAGE §9.3): the drawing (HTML) or a nested list with the
 * values (Markdown, LaTeX), with the branches of the strategies maximality chooses in normal form
 * highlighted; the strategies' table in a decision's layout (each strategy an act); and each rule's
 * normal-form and backward-induction solutions side by side.
 */
import type { AstNode } from 'langium';
import { leafText, NODE_SYMBOLS } from '../../evaluation/tree-text.js';
import type { DecisionValue, TreeValue } from '../../evaluation/values.js';
import { outline, type OutlineNode } from '../../math/tree/outline.js';
import { normalForm } from '../../math/tree/solve.js';
import { treeSvg } from '../svg/tree-svg.js';
import { decisionValueParts } from './decision-parts.js';
import type { Part } from './parts.js';
import type { RenderEnv } from './render-env.js';
import { ruleTitle } from '../../evaluation/rule-text.js';

/** The rule whose chosen branches the drawing highlights. */
const HIGHLIGHT_RULE = 'maximality';

const normalForms = new WeakMap<TreeValue, DecisionValue | undefined>();

export function treeValueParts(value: TreeValue, env: RenderEnv, declaration?: AstNode): Part[] {
    const summary = env.values.facts.treeFacts(value, declaration).summary(env.limits());
    if (!summary.ok) return [{ type: 'text', tone: 'muted', text: `Tree not solved (${summary.error.code}): ${summary.error.message}` }];
    const s = summary.value;
    const chosen = new Set(s.results.find((r) => r.rule.kind === HIGHLIGHT_RULE)?.normal ?? []);
    const root = outline(value.tree, s.strategies);
    const caption = `${value.name}: □ decision, ○ chance; thick branches: the strategies ${HIGHLIGHT_RULE} chooses`;
    const parts: Part[] = [{
        type: 'figure', caption,
        svg: treeSvg(root, caption, (leaf) => leafText(value.set, leaf.payoff, leaf.reach), chosen),
        text: outlineMarkdown(root, value, chosen),
    }];
    parts.push({
        type: 'table', style: 'compact', caption: `${value.name}: normal form and normal-form backward induction`,
        head: [{ text: 'rule' }, { text: 'normal form' }, { text: 'backward induction' }],
        rows: s.results.map((r) => [{ text: ruleTitle(r.rule) }, { text: `{${r.normal.join(', ')}}` }, { text: `{${r.backward.join(', ')}}`, mark: r.differ }]),
    });
    const differing = s.results.filter((r) => r.differ).map((r) => ruleTitle(r.rule));
    parts.push({ type: 'text', tone: 'muted', text: differing.length === 0 ? 'The two solutions agree for every rule.' : `The two solutions differ for: ${differing.join(', ')}.` });
    const asDecision = decisionOf(value);
    if (asDecision) parts.push(...decisionValueParts(asDecision, env, declaration));
    return parts;
}

function decisionOf(value: TreeValue): DecisionValue | undefined {
    if (!normalForms.has(value)) {
        const problem = normalForm(value.tree);
        normalForms.set(value, problem.ok ? { kind: 'decision', set: value.set, name: value.name, problem: problem.value } : undefined);
    }
    return normalForms.get(value);
}

/** `- sounding □ …` nested list; chosen decision branches in bold. */
function outlineMarkdown(root: OutlineNode, value: TreeValue, chosen: ReadonlySet<string>): string {
    const lines: string[] = [];
    const walk = (node: OutlineNode, depth: number, label: string, bold: boolean): void => {
        const name = label ? (bold ? `**${escape(label)}**` : escape(label)) : '';
        const indent = '  '.repeat(depth);
        if (node.kind === 'leaf') {
            lines.push(`${indent}- ${name ? `${name}: ` : ''}${escape(leafText(value.set, node.payoff, node.reach))}`);
            return;
        }
        lines.push(`${indent}- ${name ? `${name} ` : ''}${NODE_SYMBOLS[node.kind]}`);
        for (const b of node.branches) walk(b.node, depth + 1, b.label, node.kind === 'decision' && b.strategies.some((s) => chosen.has(s)));
    };
    walk(root, 0, '', false);
    return `${lines.join('\n')}\n\n*Bold: the branches of the strategies ${HIGHLIGHT_RULE} chooses.*`;
}

function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#|$]/g, (ch) => `\\${ch}`);
}
