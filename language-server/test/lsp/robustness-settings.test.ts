import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lsp/settings.js';
import { lspTestKit } from './lsp-test-kit.js';

const kit = lspTestKit();
afterEach(() => kit.clear());

const broken = [
    '',
    'credal',
    'set X = {a, b\ncredal K on X = { P({a}) >= ',
    'decision D on X { belief acts { a = } }\neval lowerE(',
    'eval choose(D, hurwicz(2))\nassert 1/0 == 1',
    'set X = {a}\ncredal K = K\neval lowerP(K, {a})',
    '/*! unterminated prose',
    '}}}]]))((({{{ \\cup ∪ ⊠ ==',
    'ddt N { policies { p consistent {zz} } semantics nirvana0 top }'
];

describe('requests never throw, whatever the note', () => {
    it.each(broken)('%j', async text => {
        const document = await kit.build(text);
        const uri = { uri: document.uri.toString() };
        const lsp = kit.credal.lsp;
        for (let offset = 0; offset <= text.length; offset++) {
            const position = document.textDocument.positionAt(offset);
            await lsp.HoverProvider!.getHoverContent(document, { textDocument: uri, position });
            const completion = await lsp.CompletionProvider!.getCompletion(document, { textDocument: uri, position });
            expect(Array.isArray(completion?.items ?? [])).toBe(true);
            expect(lsp.RenameProvider!.prepareRename(document, { textDocument: uri, position })).not.toBeInstanceOf(Error);
        }
        const end = document.textDocument.positionAt(text.length);
        expect(Array.isArray(await lsp.InlayHintProvider!.getInlayHints(document, { textDocument: uri, range: { start: { line: 0,
            character: 0 }, end } }))).toBe(true);
        expect(Array.isArray(await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: uri }))).toBe(true);
        expect(Array.isArray(await lsp.Formatter!.formatDocument(document, { textDocument: uri, options: { tabSize: 2,
            insertSpaces: true } }))).toBe(true);
        expect(Array.isArray(await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: uri }))).toBe(true);
        expect(Array.isArray(await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: uri }))).toBe(true);
        await expect(lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: uri })).resolves.toBeDefined();
    });
});

describe('settings', () => {
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8'));
    const declared = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;

    it('every setting the editor features read is declared in the manifest, with the same default', () => {
        const flatten = (prefix: string, value: unknown): [string, unknown][] =>
            value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => flatten(`${prefix}.${key}`, inner))
                : [[prefix, value]];
        for (const [key, value] of flatten('credal', DEFAULT_SETTINGS)) {
            expect(declared[key], key).toBeDefined();
            expect(declared[key].default, key).toEqual(value);
        }
    });

    it('declares a semantic token type for every kind the server sends', async () => {
        const { CREDAL_TOKEN_TYPES } = await import('../../src/lsp/semantic-tokens.js');
        const contributed = (manifest.contributes.semanticTokenTypes as { id: string; superType: string }[]);
        for (const [id, superType] of Object.entries(CREDAL_TOKEN_TYPES)) {
            expect(contributed.find(type => type.id === id)?.superType, id).toBe(superType);
        }
    });

    it('malformed values fall back to the defaults', async () => {
        kit.configure({ inlayHints: { evalValues: 'yes' }, format: { operators: 'klingon' }, evaluation: { decimalPlaces: -3 } });
        const settings = await kit.credal.editor.Settings.read();
        expect(settings.inlayHints.evalValues).toBe(true);
        expect(settings.format.operators).toBe('keep');
        expect(settings.evaluation.decimalPlaces).toBe(4);
        kit.configure({});
    });
});
