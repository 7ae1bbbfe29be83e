import { afterEach, describe, expect, it } from 'vitest';
import { ShowTreeRuleCommand } from '../../src/protocol.js';
import { lspTestKit, offsetOf } from './lsp-test-kit.js';
import { hedgeTree } from '../support/hedge-tree.js';

// Hover, inlay hints and code lenses on a decision tree (LANGUAGE §9), through Langium's LSP services.
const kit = lspTestKit();
afterEach(() => kit.clear());

const hedge = `${hedgeTree()}eval Hedge.play_bet_pass\n`;

const hoverAt = kit.hover;

describe('hover on a decision tree', () => {
    it('draws the tree with each rule on the branches its choice takes', async () => {
        const text = await hoverAt(hedge, 'Hedge on');
        expect(text).toContain('decision tree on Ω · utilities (maximised) · 4 strategies');
        expect(text).toContain('- play ○');
        // Leaves show their values on the event reaching them; normal-form Γ-maximin bets after both tosses.
        expect(text).toMatch(/- FirstHeads □\n\s+- bet: `\(H, H\): 1, \(H, T\): -1` ← Γ-maximin,/);
        expect(text).toMatch(/- pass: `-1\/10` ← Γ-maximax,/);
        expect(text).not.toMatch(/- pass: [^\n]*Γ-maximin/);
    });
    it('tabulates [E̲, Ē] per strategy and says for which rules the solutions differ', async () => {
        const text = await hoverAt(hedge, 'Hedge on');
        expect(text).toContain('| play_bet_bet | 0 | 0 |');
        expect(text).toContain('| play_bet_pass | -11/20 | 9/20 |');
        expect(text).toMatch(/Γ-maximin\]\([^)]*\): `\{play_bet_bet\}` · backward: `\{play_pass_pass\}`/);
        expect(text).toMatch(/Normal form and backward induction \*\*differ\*\* for: [^\n]*Γ-maximin/);
        expect(text).not.toMatch(/differ\*\* for: [^\n]*maximality/);
    });
    it('links each rule of the Chosen list to the preview, at the tree, with that rule highlighted', async () => {
        for (const needle of ['Hedge on', 'Hedge.play_bet_pass']) {
            const document = await kit.build(hedge);
            const position = document.textDocument.positionAt(offsetOf(hedge, needle, 0, 0));
            const hover = await kit.credal.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() },
                position });
            const text = (hover?.contents as { value?: string } | undefined)?.value ?? '';
            const link = (kind: string, title: string): string => `[${title}](command:${ShowTreeRuleCommand}?${encodeURIComponent(
                JSON.stringify([document.uri.toString(), 7, 'Hedge', kind]))} "Highlight in the preview")`;
            // On the declaration and on a use of the tree elsewhere: the links name the declaration's line.
            expect(text).toContain(`- ${link('maximality', 'maximality')}: \``);
            expect(text).toContain(`- ${link('minimaxRegret', 'minimax regret')}: \``);
            kit.clear();
        }
    });
    it('shows a strategy gamble exactly', async () => {
        const text = await hoverAt(hedge, 'Hedge.play_bet_pass');
        expect(text).toContain('-1/10');
    });
    it('on the strategy in T.strategy, names the strategy and shows its gamble', async () => {
        const text = await hoverAt(hedge, 'play_bet_pass\n');
        expect(text).toContain('**strategy** `play_bet_pass` of the decision tree `Hedge`: a gamble on Ω');
        // Bet after heads, pass after tails: the leaves' payoffs on the events that reach them.
        expect(text).toContain('| (H, H) | 1 |\n| (H, T) | -1 |\n| (T, H) | -1/10 |\n| (T, T) | -1/10 |');
    });
});

describe('code lenses above a decision tree', () => {
    it('each rule lens shows the tree in the preview with that rule highlighted; the rest stay informational', async () => {
        const document = await kit.build(hedge);
        const uri = document.uri.toString();
        const lenses = await kit.credal.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri } }) ?? [];
        const rules = lenses.filter(lens => lens.command?.command === ShowTreeRuleCommand);
        expect(rules.map(lens => lens.command!.title)).toEqual(['Γ-maximin: {play_bet_bet}', expect.stringMatching(/^maximality: /),
            expect.stringMatching(/^E-admissibility: /), expect.stringMatching(/^minimax regret: /)]);
        expect(rules.map(lens => lens.command!.arguments)).toEqual(['maximin', 'maximality', 'eAdmissibility', 'minimaxRegret']
            .map(kind => [document.uri.toString(), 7, 'Hedge', kind]));
        expect(rules.every(lens => lens.range.start.line === 7)).toBe(true);
        const others = lenses.filter(lens => lens.command?.command !== ShowTreeRuleCommand).map(lens => lens.command);
        expect(others).toContainEqual({ title: 'Show in preview', command: 'credal.showPreviewToSide', arguments: [document.uri.toString(), 7] });
        expect(others).toContainEqual(expect.objectContaining({ title: expect.stringMatching(/^backward induction differs for /), command: '' }));
    });
});
