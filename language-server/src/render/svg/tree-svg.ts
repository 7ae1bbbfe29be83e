/**
 * A decision tree drawn left to right: decision nodes as squares, chance nodes as circles, leaves with
 * their exact values; the branches taken by the highlighted rule's chosen strategies drawn thick in the
 * accent colour. Each decision branch lists (`data-rules`) every rule whose chosen strategies take it, so
 * the preview can highlight another rule's without asking the server (protocol.ts, TreeMarkup).
 * Layout: one row per leaf, each inner node centred on its children; display only (floats).
 */
import type { OutlineNode } from '../../math/tree/outline.js';
import { TreeMarkup } from '../../protocol.js';
import { escapeHtml } from '../html-escape.js';
import { fmt, svgOpen, text, title } from './svg-util.js';

const ROW = 26;
const COLUMN = 150;
const MARGIN = 14;
const NODE = 9;

interface Placed { x: number; y: number }

/** Which rules' chosen strategies take a decision branch (given the strategies that take it), and the rule drawn. */
interface BranchRules {
    readonly rulesOf: (strategies: readonly string[]) => readonly string[];
    readonly highlighted: string;
}

/** `leaf(node)` writes a leaf's value; the branches of `rules.highlighted` stand out. */
export function treeSvg(root: OutlineNode, label: string, leaf: (node: Extract<OutlineNode, { kind: 'leaf' }>) => string, rules: BranchRules): string {
    const body: string[] = [];
    let row = 0;
    let depthMax = 0;
    let widest = 0;
    const place = (node: OutlineNode, depth: number): Placed => {
        depthMax = Math.max(depthMax, depth);
        const x = MARGIN + NODE + depth * COLUMN;
        if (node.kind === 'leaf') {
            const y = MARGIN + ROW / 2 + row++ * ROW;
            const value = leaf(node);
            widest = Math.max(widest, value.length);
            body.push(`<polygon class="credal-tree-leaf" points="${fmt(x - 6)},${fmt(y)} ${fmt(x + 2)},${fmt(y - 6)} ${fmt(x + 2)},${fmt(y + 6)}" fill="currentColor"/>`);
            body.push(text({ x: x + 8, y: y + 4 }, value, 'credal-tree-value', 'start'));
            return { x, y };
        }
        const children = node.branches.map((b) => ({ b, at: place(b.node, depth + 1) }));
        const y = (children[0]!.at.y + children[children.length - 1]!.at.y) / 2;
        for (const { b, at } of children) {
            const taking = node.kind === 'decision' ? rules.rulesOf(b.strategies) : [];
            const chosen = taking.includes(rules.highlighted);
            const cls = `credal-tree-edge${node.kind === 'decision' ? ` ${TreeMarkup.branch}` : ''}${chosen ? ` ${TreeMarkup.chosen}` : ''}`;
            const data = node.kind === 'decision' ? ` data-rules="${escapeHtml(taking.join(' '))}"` : '';
            const stroke = chosen ? 'stroke="var(--credal-accent, #d9480f)" stroke-width="3"' : 'stroke="currentColor" stroke-width="1" stroke-opacity="0.6"';
            body.push(`<path class="${cls}"${data} d="M${fmt(x + NODE)},${fmt(y)} L${fmt(x + NODE + 12)},${fmt(at.y)} L${fmt(at.x - NODE)},${fmt(at.y)}" fill="none" ${stroke}>${title(b.label)}</path>`);
            body.push(text({ x: x + NODE + 16, y: at.y - 4 }, b.label, 'credal-tree-label', 'start'));
        }
        body.push(node.kind === 'decision'
            ? `<rect class="credal-tree-decision" x="${fmt(x - NODE)}" y="${fmt(y - NODE)}" width="${2 * NODE}" height="${2 * NODE}" fill="none" stroke="currentColor" stroke-width="1.5"/>`
            : `<circle class="credal-tree-chance" cx="${fmt(x)}" cy="${fmt(y)}" r="${NODE}" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
        return { x, y };
    };
    place(root, 0);
    const width = MARGIN * 2 + NODE * 2 + depthMax * COLUMN + Math.min(60, widest) * 6.2;
    const height = MARGIN * 2 + row * ROW;
    return `${svgOpen(width, height, label)}${body.join('')}</svg>`;
}
