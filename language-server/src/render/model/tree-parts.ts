/**
 * A decision tree in the preview and exports (LANGUAGE §9.3): the drawing (HTML) or a nested list with the
 * values (Markdown, LaTeX), with the branches of the strategies one rule chooses in normal form highlighted
 * (maximality; the preview's selector and the lenses and hover pick another); every strategy's gamble, and
 * a table in a decision's layout (each strategy an act) with each rule's normal-form and backward-induction
 * solutions.
 */
import type { AstNode } from 'langium';
import { leafText, NODE_SYMBOLS } from '../../evaluation/tree-text.js';
import type { TreeValue } from '../../evaluation/values.js';
import { rulesTaking, treeOutline, type OutlineNode } from '../../evaluation/facts/structure-facts.js';
import type { TreeSummary } from '../../math/tree/solve.js';
import { latexName } from '../latex/names.js';
import { latexRational } from '../latex/numbers.js';
import { treeSvg } from '../svg/tree-svg.js';
import { actsTex } from './decision-parts.js';
import type { Cell, Part, TreeHighlight } from './parts.js';
import type { RenderEnv } from './render-env.js';
import { ruleTitle } from '../../evaluation/rule-text.js';

/** The rule whose chosen branches the drawing highlights as rendered (exports, and the preview until the reader picks another). */
const DEFAULT_RULE = 'maximality';

export function treeValueParts(value: TreeValue, env: RenderEnv, declaration?: AstNode): Part[] {
    const summary = env.values.facts.treeFacts(value, declaration).summary(env.limits());
    if (!summary.ok) return [{ type: 'text', tone: 'muted', text: `Tree not solved (${summary.error.code}): ${summary.error.message}` }];
    const s = summary.value;
    const rules = s.results.map((r) => ({ kind: r.rule.kind, title: ruleTitle(r.rule) }));
    const rule = rules.find((r) => r.kind === DEFAULT_RULE) ?? rules[0]!;
    const chosen = new Set(s.results.find((r) => r.rule.kind === rule.kind)?.normal ?? []);
    const root = treeOutline(value, s);
    const highlight: TreeHighlight = {
        tree: value.name, rule, rules,
        before: `${value.name}: □ decision, ○ chance; thick branches: the strategies `, after: ' chooses (normal form)',
    };
    const caption = `${highlight.before}${rule.title}${highlight.after}`;
    const rulesOf = (strategies: readonly string[]): string[] => rulesTaking(s, strategies).map((r) => r.kind);
    const parts: Part[] = [{
        type: 'figure', caption, highlight,
        svg: treeSvg(root, caption, (leaf) => leafText(value.set, leaf.payoff, leaf.reach), { rulesOf, highlighted: rule.kind }),
        text: outlineMarkdown(root, value, chosen, rule.title),
    }];
    parts.push({ type: 'math', tex: actsTex(s.strategies.map((st) => ({ name: st.name, payoff: [...st.gamble] }))) });
    parts.push(strategyTable(value, s));
    const differing = s.results.filter((r) => r.differ).map((r) => ruleTitle(r.rule));
    parts.push({ type: 'text', tone: 'muted', text: differing.length === 0 ? 'Normal form and backward induction agree for every rule.'
        : `Normal form and backward induction differ for: ${differing.join(', ')}.` });
    return parts;
}
/**
 * A decision's table with the strategies as acts: [E̲, Ē], then per rule ✓ where both solutions choose
 * the strategy, or which one alone does (`normal form`, `backward`).
 */
function strategyTable(value: TreeValue, s: TreeSummary): Part {
    const loss = value.tree.orientation === 'loss';
    const cell = (r: TreeSummary['results'][number], name: string): Cell => {
        const inNormal = r.normal.includes(name), inBackward = r.backward.includes(name);
        if (inNormal && inBackward) return { text: '✓', mark: true };
        if (inNormal) return { text: 'normal form', mark: true };
        return inBackward ? { text: 'backward', mark: true } : { text: '' };
    };
    return {
        type: 'table', style: 'decision',
        caption: `${value.name}: each strategy's lower and upper expected ${loss ? 'loss' : 'utility'}, and for each rule ✓ where the normal form `
            + 'and backward induction both choose it, or which of them alone does',
        head: [{ text: loss ? 'strategy (loss)' : 'strategy' }, { tex: loss ? '\\underline{E}[L]' : '\\underline{E}[U]' },
            { tex: loss ? '\\overline{E}[L]' : '\\overline{E}[U]' }, ...s.results.map((r) => ({ text: ruleTitle(r.rule) }))],
        rows: s.bounds.map((b) => [{ tex: latexName(b.act) }, { tex: latexRational(b.lower) }, { tex: latexRational(b.upper) },
            ...s.results.map((r) => cell(r, b.act))]),
    };
}

/** `- sounding □ …` nested list; chosen decision branches in bold. */
function outlineMarkdown(root: OutlineNode, value: TreeValue, chosen: ReadonlySet<string>, rule: string): string {
    const lines: string[] = [];
    const walk = (node: OutlineNode, depth: number, label: string, bold: boolean): void => {
        const name = label ? (bold ? `**${escape(label)}**` : escape(label)) : '';
        const indent = '  '.repeat(depth);
        if (node.kind === 'leaf') {
            lines.push(`${indent}- ${name ? `${name}: ` : ''}${escape(leafText(value.set, node.payoff, node.reach))}`);
            return;
        }
        lines.push(`${indent}- ${name ? `${name} ` : ''}${NODE_SYMBOLS[node.kind]}`);
        for (const b of node.branches) walk(b.node, depth + 1, b.label, node.kind === 'decision'
            && b.strategies.some((s) => chosen.has(s)));
    };
    walk(root, 0, '', false);
    return `${lines.join('\n')}\n\n*Bold: the branches of the strategies ${escape(rule)} chooses (normal form).*`;
}

function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#|$]/g, (ch) => `\\${ch}`);
}
