import { expectFindReferences, expectGoToDefinition, highlightHelper, expectSemanticToken } from 'langium/test';
import { SymbolKind } from 'vscode-languageserver';
import { afterEach, describe, expect, it } from 'vitest';
import { lspTestKit, offsetOf } from './lsp-test-kit.js';

const kit = lspTestKit();
const definition = expectGoToDefinition(kit.credal);
const references = expectFindReferences(kit.credal);
afterEach(() => kit.clear());

const note = `/*! # A coin
    some prose */
set Coin = {heads, tails}
set W = {0, 1}
dist fair on Coin = {heads: 1/2, tails: 1/2}
credal K on Coin = { P({heads}) >= 1/3 }
event Z on W = {0}
gamble loss on Coin = (1, 2)
decision Bet on Coin {
  belief K
  acts {
    back = loss
    lay = -loss
  }
}
eval lowerP(K, {heads})
`;

describe('go to definition and find references', () => {
    it('a set element resolves to its declaration in the set literal', async () => {
        await definition({ text: 'set Coin = {<|heads|>, tails}\ndist fair on Coin = {<|>heads: 1/2, tails: 1/2}', index: 0, rangeIndex: 0,
            disposeAfterCheck: true });
        await definition({ text: 'set Coin = {heads, tails}\ncredal <|K|> on Coin = vacuous\neval lowerP(<|>K, {tails})', index: 0,
            rangeIndex: 0, disposeAfterCheck: true });
    });

    it('finds every reference of an element, integer element names too', async () => {
        await references({ text: 'set Coin = {<|<|>heads|>, tails}\ndist fair on Coin = {<|heads|>: 1/2, tails: 1/2}\ncredal K on Coin = { P({<|heads|>}) >= 1/3 }', includeDeclaration: true, disposeAfterCheck: true });
        await references({ text: 'set W = {<|<|>0|>, 1}\nevent Z on W = {<|0|>}\nlet n = 0', includeDeclaration: true,
            disposeAfterCheck: true });
    });

    it('finds every reference of a declaration', async () => {
        await references({ text: 'set X = {a}\ncredal <|<|>K|> on X = vacuous\neval lowerP(<|K|>, {a})\neval vertices(<|K|>)',
            includeDeclaration: true, disposeAfterCheck: true });
    });
});

describe('rename', () => {
    async function rename(text: string, at: string, newName: string, shift = 0) {
        const document = await kit.build(text);
        const position = document.textDocument.positionAt(offsetOf(text, at, shift));
        return kit.credal.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
    }

    it('renames an element everywhere it is used', async () => {
        const edit = await rename(note, 'heads', 'H');
        expect(edit?.changes?.[Object.keys(edit.changes)[0]]?.length).toBe(4);
    });

    it('renames a declaration and its references; an integer element too', async () => {
        expect(Object.values((await rename(note, 'K on', 'Kappa'))?.changes ?? {})[0]?.length).toBe(3);
        const edits = Object.values((await rename(note, '0}', 'zero'))?.changes ?? {})[0];
        expect(edits?.map(edit => edit.newText)).toEqual(['zero', 'zero']);
    });

    it('refuses a new name that is a keyword, not a name, or already taken', async () => {
        await expect(rename(note, 'K on', 'credal')).rejects.toThrow(/keyword/);
        await expect(rename(note, 'K on', '2x')).rejects.toThrow(/not a valid name/);
        await expect(rename(note, 'K on', 'fair')).rejects.toThrow(/already the name of the distribution/);
        await expect(rename(note, 'heads', 'tails')).rejects.toThrow(/already the name of the element/);
        await expect(rename(note, 'back', 'lay')).rejects.toThrow(/already the name of the act/);
    });

    it('prepareRename accepts names and refuses keywords, builtins and numbers', async () => {
        const document = await kit.build(note);
        const prepare = (at: string, shift = 1) => kit.credal.lsp.RenameProvider!.prepareRename(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offsetOf(note, at, shift))
        });
        expect(await prepare('fair on')).toBeDefined();
        expect(await prepare('loss on')).toBeDefined(); // a keyword-like word that is a name here
        expect(await prepare('credal K')).toBeUndefined();
        expect(await prepare('lowerP')).toBeUndefined();
        expect(await prepare('1/3')).toBeUndefined();
        expect(await prepare('belief')).toBeUndefined();
    });
});

describe('outline and folding', () => {
    it('document symbols with kinds, elements and acts as children, prose headings', async () => {
        const document = await kit.build(note);
        const symbols = await kit.credal.lsp.DocumentSymbolProvider!.getSymbols(document,
            { textDocument: { uri: document.uri.toString() } });
        expect(symbols.map(symbol => [symbol.name, symbol.kind])).toEqual([
            ['A coin', SymbolKind.String], ['Coin', SymbolKind.Enum], ['W', SymbolKind.Enum], ['fair', SymbolKind.Variable],
            ['K', SymbolKind.Class], ['Z', SymbolKind.Event], ['loss', SymbolKind.Function], ['Bet', SymbolKind.Module]
        ]);
        expect(symbols[1].children?.map(child => [child.name, child.kind])).toEqual([['heads', SymbolKind.EnumMember], ['tails',
            SymbolKind.EnumMember]]);
        expect(symbols[7].children?.map(child => child.name)).toEqual(['back', 'lay']);
        expect(symbols[4].detail).toBe('credal set on Coin');
    });

    it('folds prose and problem bodies, keeping the closing line', async () => {
        const document = await kit.build(note);
        const ranges = await kit.credal.lsp.FoldingRangeProvider!.getFoldingRanges(document,
            { textDocument: { uri: document.uri.toString() } });
        expect(ranges).toEqual(expect.arrayContaining([
            { startLine: 0, endLine: 1, kind: 'comment' },
            { startLine: 8, endLine: 13 },
            { startLine: 10, endLine: 12 }
        ]));
    });
});

describe('semantic tokens', () => {
    const highlight = highlightHelper(kit.credal);

    it('distinguishes sets, elements, distributions, credal sets, gambles, events, decisions, constants, acts, builtins, rules',
        async () => {
        const tokens = await highlight(`set <|Coin|> = {<|heads|>, tails}
dist <|fair|> on Coin = {heads: 1/2, tails: 1/2}
credal <|K|> on Coin = vacuous
event <|H|> on Coin = {heads}
gamble <|g|> on Coin = (1, 0)
let <|e|> = 1/10
decision <|D|> on Coin { belief K acts { <|a|> = g } }
eval <|lowerE|>(<|K|>, <|g|>)
eval choose(D, <|maximality|>)
eval lowerP(<|fair|>, {<|heads|>})`);
        const expected = ['finiteSet', 'element', 'distribution', 'credalSet', 'credalEvent', 'gamble', 'constant', 'decisionProblem',
            'act', 'builtin', 'credalSet', 'gamble', 'decisionRule', 'distribution', 'element'];
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType: tokenType as never }));
    });
});
