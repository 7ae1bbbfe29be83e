import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { lspTestKit } from './lsp-test-kit.js';

const ellsberg = readFileSync(new URL('../../../samples/ellsberg.cred', import.meta.url), 'utf8');

type Token = { line: number; start: number; length: number; type: number; modifiers: number };

/** Decodes LSP's relative five-integer encoding into absolute tokens. */
function decode(data: number[]): Token[] {
    const tokens: Token[] = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i]!;
        start = data[i] === 0 ? start + data[i + 1]! : data[i + 1]!;
        tokens.push({ line, start, length: data[i + 2]!, type: data[i + 3]!, modifiers: data[i + 4]! });
    }
    return tokens;
}

function overlaps(tokens: Token[]): number {
    let count = 0;
    for (let i = 1; i < tokens.length; i++) {
        const [a, b] = [tokens[i - 1]!, tokens[i]!];
        if (a.line === b.line && b.start < a.start + a.length) count++;
    }
    return count;
}

describe('semantic tokens under concurrent requests', () => {
    const kit = lspTestKit();
    afterEach(() => kit.clear());

    it('a whole-document and a range request for the same note running at once do not mix', async () => {
        const document = await kit.build(ellsberg, 'ellsberg');
        const provider = kit.credal.lsp.SemanticTokenProvider!;
        const textDocument = { uri: document.uri.toString() };
        const lastLine = document.textDocument.lineCount;
        const range = { start: { line: 0, character: 0 }, end: { line: Math.floor(lastLine / 2), character: 0 } };

        const sequentialFull = decode((await provider.semanticHighlight(document, { textDocument })).data);
        const sequentialRange = decode((await provider.semanticHighlightRange(document, { textDocument, range })).data);
        expect(sequentialFull.length).toBeGreaterThan(100);
        expect(overlaps(sequentialFull)).toBe(0);

        const [full, ranged, fullAgain] = await Promise.all([
            provider.semanticHighlight(document, { textDocument }),
            provider.semanticHighlightRange(document, { textDocument, range }),
            provider.semanticHighlight(document, { textDocument })
        ]);
        expect(decode(full.data)).toEqual(sequentialFull);
        expect(decode(fullAgain.data)).toEqual(sequentialFull);
        expect(decode(ranged.data)).toEqual(sequentialRange);
        expect(overlaps(decode(full.data))).toBe(0);
    });
});
