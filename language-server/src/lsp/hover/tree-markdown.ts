/**
 * Hover for a decision tree (LANGUAGE §9): the tree as a nested list (□ decision, ○ chance, leaves with
 * exact values) with the rules whose chosen strategies take each decision branch, the strategies'
 * [E̲, Ē], each rule's normal-form and backward-induction solutions, and where the two differ.
 */
import { AstUtils, type AstNode } from 'langium';
import { conventionOrigin } from '../../evaluation/conventions.js';
import type { Fact } from '../../evaluation/facts/index.js';
import { leafText, NODE_SYMBOLS } from '../../evaluation/tree-text.js';
import type { TreeValue } from '../../evaluation/values.js';
import { rulesTaking, treeOutline, type OutlineNode } from '../../evaluation/facts/structure-facts.js';
import type { TreeSummary } from '../../math/tree/solve.js';
import { ruleTitle } from '../../evaluation/rule-text.js';
import { cell, LOWER_E, namesText, numberText, UPPER_E } from './math-text.js';
import { isModel, isTreeDeclaration } from '../../generated/ast.js';
import { showTreeRuleLink, type TreeTarget } from '../tree-rule-command.js';

/** Larger trees are summarised without the drawing (the preview draws them). */
const MAX_OUTLINE_LINES = 60;

/**
 * `where`: the node hovered; when the tree is declared in its document, each rule of the "Chosen" list links to
 * the preview with that rule's chosen branches highlighted.
 */
export function treeMarkdown(value: TreeValue, summary: Fact<TreeSummary>, places: number, where?: AstNode): string {
    const loss = value.tree.orientation === 'loss';
    const convention = `backward induction conditions by ${value.conditioning} extension where a reaching event has lower probability 0, `
        + conventionOrigin('conditioning', value.conditioningFrom);
    const head = `decision tree on ${value.set.label} · ${loss ? 'losses (minimised)' : 'utilities (maximised)'}`;
    if (!summary.ok) return `${head}\n\n⚠ \`${summary.error.code}\` ${cell(summary.error.message)}`;
    const s = summary.value;
    const parts = [`${head} · ${s.strategies.length} strateg${s.strategies.length === 1 ? 'y' : 'ies'}`];
    const drawing = outlineLines(value, s);
    if (drawing.length <= MAX_OUTLINE_LINES) parts.push(drawing.join('\n'));
    const [lower, upper] = loss ? [`${LOWER_E}[L]`, `${UPPER_E}[L]`] : [LOWER_E, UPPER_E];
    parts.push(`| strategy | ${lower} | ${upper} |\n|---|---|---|\n${s.bounds.map((b) => `| ${cell(b.act)} | ${numberText(b.lower, places)} | ${numberText(b.upper, places)} |`).join('\n')}`);
    const target = where && treeTarget(value, where);
    const title = (r: TreeSummary['results'][number]): string => (target ? showTreeRuleLink(ruleTitle(r.rule), target, r.rule.kind)
        : ruleTitle(r.rule));
    parts.push(`**Chosen** (normal form · backward induction${target ? '; a rule shows its branches in the preview' : ''})\n`
        + s.results.map((r) => `- ${title(r)}: \`${namesText(r.normal)}\`${r.differ ? ` · backward: \`${namesText(r.backward)}\`` : ' · same'}`)
            .join('\n'));
    const differing = s.results.filter((r) => r.differ).map((r) => ruleTitle(r.rule));
    parts.push(differing.length === 0
        ? 'Normal form and backward induction agree for every rule (subtree perfect here).'
        : `Normal form and backward induction **differ** for: ${differing.join(', ')}.`);
    parts.push(`_${convention}._`);
    return parts.join('\n\n');
}

/** The nested list; a decision branch names the rules (normal form) whose chosen strategies take it. */
function outlineLines(value: TreeValue, summary: TreeSummary): string[] {
    const lines: string[] = [];
    const root = treeOutline(value, summary);
    const walk = (node: OutlineNode, depth: number, label: string, rules: string[]): void => {
        const indent = '  '.repeat(depth);
        const tag = rules.length > 0 ? ` ← ${rules.join(', ')}` : '';
        if (node.kind === 'leaf') {
            lines.push(`${indent}- ${label ? `${cell(label)}: ` : ''}\`${leafText(value.set, node.payoff, node.reach)}\`${tag}`);
            return;
        }
        lines.push(`${indent}- ${label ? `${cell(label)} ` : ''}${NODE_SYMBOLS[node.kind]}${tag}`);
        for (const b of node.branches) {
            const taking = node.kind === 'decision' ? rulesTaking(summary, b.strategies).map(ruleTitle) : [];
            walk(b.node, depth + 1, b.label, taking);
        }
    };
    walk(root, 0, '', []);
    return lines;
}

/** The declaration of the tree in the hovered node's document, as the preview command names it; undefined when there is none. */
function treeTarget(value: TreeValue, where: AstNode): TreeTarget | undefined {
    const root = AstUtils.findRootNode(where);
    const declaration = isModel(root) ? root.statements.find((s) => isTreeDeclaration(s) && s.name === value.name) : undefined;
    const document = root.$document;
    if (!declaration?.$cstNode || !document) return undefined;
    return { uri: document.uri.toString(), line: declaration.$cstNode.range.start.line, tree: value.name };
}
