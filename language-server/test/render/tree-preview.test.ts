import { describe, expect, it } from 'vitest';
import { blockHtml } from '../../src/render/html/blocks-html.js';
import type { NoteBlock, Part } from '../../src/render/model/parts.js';
import { TreeMarkup } from '../../src/protocol.js';
import { noteModel } from './render-kit.js';
import { hedgeTree } from '../support/hedge-tree.js';

// A decision tree's drawing in the preview model and its HTML (LANGUAGE §9.3): every decision branch says which
// rules' chosen strategies (normal form) take it, the drawing highlights maximality's, and the figure names
// every rule of the summary for the preview's selector.
const HEDGE = hedgeTree('stay = 0');

type Figure = Extract<Part, { type: 'figure' }>;

async function treeBlock(): Promise<{ block: NoteBlock; figure: Figure }> {
    const model = await noteModel(HEDGE);
    const block = model.blocks.find(b => b.name === 'Hedge')!;
    const figure = block.parts.find((part): part is Figure => part.type === 'figure')!;
    expect(figure, 'the drawing').toBeDefined();
    return { block, figure };
}

/** The edges of the SVG in document order: label (title), classes, data-rules (undefined on chance branches). */
function edges(svg: string): { label: string; classes: string[]; rules?: string[] }[] {
    return [...svg.matchAll(/<path class="([^"]*)"(?: data-rules="([^"]*)")?[^>]*><title>([^<]*)<\/title><\/path>/g)]
        .map(([, classes, rules, label]) => ({ label: label!, classes: classes!.split(' '),
            ...(rules === undefined ? {} : { rules: rules === '' ? [] : rules.split(' ') }) }));
}

describe('a decision tree in the preview model', () => {
    it('marks each decision branch with the rules whose chosen strategies take it, and highlights maximality', async () => {
        const { figure } = await treeBlock();
        const all = edges(figure.svg);
        // Children first: the two decisions after a toss, the chance node's branches, the root's.
        expect(all.map(e => e.label)).toEqual(['bet', 'pass', 'bet', 'pass', 'FirstHeads', 'FirstTails', 'play', 'stay']);
        const rulesOf = (i: number): string[] => all[i]!.rules!;
        // Chance branches carry no rules; decision branches do.
        expect(all.filter(e => e.rules === undefined).map(e => e.label)).toEqual(['FirstHeads', 'FirstTails']);
        // Γ-maximin chooses play_bet_bet: bet after either toss, and play; Γ-maximax bets after one toss only.
        // Betting after a toss hedges the other toss's bet: every rule's choice bets somewhere; passing after a toss
        // is in the strategies Γ-maximax, maximality and E-admissibility choose, not in Γ-maximin's or minimax regret's.
        const every = ['maximin', 'maximax', 'intervalDominance', 'maximality', 'eAdmissibility', 'minimaxRegret', 'admissibility'];
        for (const i of [0, 2, 6]) expect(rulesOf(i)).toEqual(every);
        for (const i of [1, 3]) expect(rulesOf(i)).toEqual(['maximax', 'intervalDominance', 'maximality', 'eAdmissibility', 'admissibility']);
        // Staying (0 for sure) ties with play_bet_bet (expectation 0 under every p): all but Γ-maximax choose it.
        expect(rulesOf(7)).toEqual(every.filter(kind => kind !== 'maximax'));
        // The thick branches are exactly maximality's.
        for (const e of all) {
            expect(e.classes.includes(TreeMarkup.chosen), e.label).toBe(e.rules?.includes('maximality') ?? false);
            expect(e.classes.includes(TreeMarkup.branch), e.label).toBe(e.rules !== undefined);
        }
        expect(figure.highlight).toMatchObject({ tree: 'Hedge', rule: { kind: 'maximality', title: 'maximality' } });
        expect(figure.highlight!.rules.map(r => r.kind)).toEqual(['maximin', 'maximax', 'intervalDominance', 'maximality',
            'eAdmissibility', 'minimaxRegret', 'admissibility']);
        expect(figure.caption).toBe(`${figure.highlight!.before}maximality${figure.highlight!.after}`);
        expect(figure.caption).toContain('thick branches: the strategies maximality chooses');
    });

    it('writes the selector data on the figure and the rule in the caption, and nothing that runs', async () => {
        const { block } = await treeBlock();
        const html = blockHtml(block);
        const figure = /<figure class="credal-picture credal-tree-figure" data-tree="Hedge" data-rule="maximality" data-rules="([^"]*)">/.exec(html);
        expect(figure).not.toBeNull();
        const rules = JSON.parse(figure![1]!.replace(/&quot;/g, '"')) as [string, string][];
        expect(rules).toContainEqual(['maximin', 'Γ-maximin']);
        expect(rules).toContainEqual(['minimaxRegret', 'minimax regret']);
        expect(html).toContain(`thick branches: the strategies <span class="${TreeMarkup.ruleName}">maximality</span> chooses (normal form)</figcaption>`);
        expect(html).not.toMatch(/<(script|button|select)\b/);
    });
});
