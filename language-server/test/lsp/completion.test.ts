import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { afterEach, describe, expect, it } from 'vitest';
import { lspTestKit } from './lsp-test-kit.js';

const kit = lspTestKit();
const complete = expectCompletion(kit.credal);
afterEach(() => {
    kit.configure({});
    return kit.clear();
});

const note = `set Coin = {heads, tails}
set Urn = {red, black}
dist fair on Coin = {heads: 1/2, tails: 1/2}
dist u on Urn = uniform
credal K on Coin = vacuous
credal L on Urn = vacuous
event H on Coin = {heads}
event R on Urn = {red}
gamble bet on Coin = {heads: 1, tails: -1}
gamble g on Urn = {red: 1, black: 0}
let eps = 1/10
decision Bet on Coin {
  belief K
  acts {
    back = bet
    lay = -bet
  }
}
`;

/** The labels offered at the `<|>` marker. */
async function labelsAt(text: string): Promise<string[]> {
    let labels: string[] = [];
    await complete({ text, index: 0, assert: (list: { items: CompletionItem[] }) => { labels = list.items.map(item => item.label); },
        disposeAfterCheck: true });
    return labels;
}

describe('names of the right kind in each slot', () => {
    it('only credal-set-valued names (credal sets and distributions) where a credal set is expected', async () => {
        const labels = await labelsAt(`${note}eval lowerP(<|>`);
        expect(labels).toEqual(expect.arrayContaining(['K', 'L', 'fair', 'u']));
        expect(labels).not.toContain('bet');
        expect(labels).not.toContain('H');
        expect(labels).not.toContain('Coin');
        expect(labels).not.toContain('lowerE');
    });

    it('gambles on the credal set\'s own set in the second argument of lowerE', async () => {
        const labels = await labelsAt(`${note}eval lowerE(K, <|>`);
        expect(labels).toContain('bet');
        expect(labels).toContain('eps');
        expect(labels).not.toContain('g');
        expect(labels).not.toContain('K');
    });

    it('events on the right set for lowerP', async () => {
        expect(await labelsAt(`${note}eval upperP(L, <|>`)).toEqual(['R']);
    });

    it('sets after `on`, credal sets after `belief`', async () => {
        expect(await labelsAt(`${note}event E on <|>`)).toEqual(['Coin', 'Urn']);
        const labels = await labelsAt(`${note}decision D on Coin {\n  belief <|>\n}`);
        expect(labels).toEqual(expect.arrayContaining(['K', 'L', 'fair', 'u']));
        expect(labels).not.toContain('bet');
    });

    it('rule names in choose and value, act names in value', async () => {
        const rules = await labelsAt(`${note}eval choose(Bet, <|>`);
        expect(rules).toEqual(['maximin', 'maximax', 'hurwicz', 'intervalDominance', 'maximality', 'eAdmissibility', 'minimaxRegret',
            'admissibility']);
        expect(await labelsAt(`${note}eval value(Bet, <|>`)).toEqual(['back', 'lay']);
        expect(await labelsAt(`${note}eval value(Bet, back, max<|>`)).toContain('maximality');
        expect(await labelsAt(`${note}assert choose(Bet, maximin) == {<|>`)).toEqual(['back', 'lay']);
    });
});

describe('convention words', () => {
    /** Label and documentation of each item offered at `<|>`. */
    async function documentedAt(text: string): Promise<string[]> {
        let items: string[] = [];
        await complete({ text, index: 0, disposeAfterCheck: true,
            assert: (list: { items: CompletionItem[] }) => { items = list.items.map(item => `${item.label}: ${String(item.documentation ?? '')}`); } });
        return items;
    }

    it('the two rules as the third argument of condition, each saying what it does', async () => {
        expect(await documentedAt(`${note}credal C = condition(K, H, <|>)`)).toEqual([
            'regular: Regular extension: condition only the distributions that give the event positive probability.',
            'natural: Natural extension: vacuous on the event (a lower expectation is the minimum over it).'
        ]);
        expect(await labelsAt(`${note}eval lowerP(condition(K, H, nat<|>`)).toEqual(['regular', 'natural']);
    });

    it('the keys in a conventions block, then the words of the key just written', async () => {
        expect(await labelsAt('conventions { <|> }')).toEqual(['conditioning', 'ddt', 'inconsistent']);
        expect(await labelsAt('conventions { conditioning <|> }')).toEqual(['regular', 'natural']);
        expect(await labelsAt('conventions { conditioning natural, ddt <|> }')).toEqual(['strict', 'nirvana0']);
        expect(await labelsAt('conventions { conditioning natural\n  inconsistent <|> }')).toEqual(['error', 'exclude', 'nirvana']);
        expect(await labelsAt('conventions { conditioning natural\n  <|> }')).toEqual(['conditioning', 'ddt', 'inconsistent']);
    });

    it('a DDT clause offers its words with what each means', async () => {
        expect(await documentedAt(`${note}ddt N on Coin {\n  belief K\n  inconsistent <|>\n}`)).toEqual([
            'error: A policy the belief rules out is an error (E-DDT-EMPTY).',
            'exclude: Drop policies the belief rules out.',
            'nirvana: A policy the belief rules out gets the Nirvana value (and is then optimal; a warning says so).'
        ]);
    });
});

describe('elements inside literals', () => {
    it('the elements of the declaration\'s set in a mapping', async () => {
        expect(await labelsAt(`${note}dist q on Urn = {<|>`)).toEqual(['red', 'black']);
        expect(await labelsAt(`${note}dist q on Coin = {heads: 1/3, <|>`)).toEqual(['heads', 'tails']);
    });

    it('the elements of the queried credal set\'s set in an event literal', async () => {
        expect(await labelsAt(`${note}eval lowerP(L, {<|>`)).toEqual(['red', 'black']);
        expect(await labelsAt(`${note}eval lowerP(K, {heads, <|>})`)).toEqual(['heads', 'tails']);
    });

    it('P(…) and E[…] besides the elements in a constraint block', async () => {
        const labels = await labelsAt(`${note}credal M on Coin = { <|>`);
        expect(labels).toEqual(expect.arrayContaining(['P(…)', 'E[…]']));
        expect(await labelsAt(`${note}credal M on Coin = { P({<|>`)).toEqual(['heads', 'tails']);
    });

    it('nothing where new elements are declared', async () => {
        expect(await labelsAt('set S = {a, <|>')).toEqual([]);
    });
});

describe('keywords, snippets and LaTeX spellings', () => {
    it('a snippet per declaration kind at the start of a statement', async () => {
        let items: CompletionItem[] = [];
        await complete({ text: `${note}<|>`, index: 0, assert: list => { items = list.items; }, disposeAfterCheck: true });
        const labels = items.map(item => item.label);
        expect(labels).toEqual(expect.arrayContaining(['let', 'set', 'event', 'dist', 'gamble', 'credal', 'decision', 'ddt', 'eval',
            'assert']));
        const decision = items.find(item => item.label === 'decision');
        expect(decision?.textEdit?.newText).toContain('acts {');
        expect(decision?.insertTextFormat).toBe(2);
    });

    it('the constraint snippet spells ∈ as the formatter setting says', async () => {
        kit.configure({ format: { operators: 'latex' } });
        let items: CompletionItem[] = [];
        await complete({ text: '<|>', index: 0, assert: list => { items = list.items; }, disposeAfterCheck: true });
        expect(items.find(item => item.label === 'credal')?.textEdit?.newText).toContain('\\in');
    });

    it('typing \\cu offers ∪, inserting the symbol over the typed command', async () => {
        let items: CompletionItem[] = [];
        await complete({ text: `${note}event Z on Coin = H \\cu<|>`, index: 0, assert: list => { items = list.items; },
            disposeAfterCheck: true });
        const cup = items.find(item => item.label === '\\cup');
        expect(cup?.textEdit?.newText).toBe('∪');
        expect(cup?.detail).toContain('∪');
        expect(items.find(item => item.label === '\\Theta')?.textEdit?.newText).toBe('Θ');
    });

    it('clause keywords inside a problem body, semantics words after `semantics`', async () => {
        expect(await labelsAt(`${note}decision D on Coin {\n  <|>\n}`)).toEqual(['belief', 'acts', 'losses']);
        expect(await labelsAt(`${note}ddt N on Coin {\n  belief K\n  semantics <|>\n}`)).toEqual(['strict', 'nirvana0']);
    });

    it('nothing inside comments and prose', async () => {
        expect(await labelsAt(`${note}/*! some prose <|> */`)).toEqual([]);
        expect(await labelsAt(`${note}// a comment <|>`)).toEqual([]);
    });

    it('builtin functions where any value fits', async () => {
        const labels = await labelsAt(`${note}eval <|>`);
        expect(labels).toEqual(expect.arrayContaining(['lowerE', 'vertices', 'choose', 'K', 'bet']));
    });
});
