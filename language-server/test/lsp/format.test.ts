import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectFormatting } from 'langium/test';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type { Model } from '../../src/generated/ast.js';
import { shapeOf } from '../grammar/credal-test-kit.js';
import { lspTestKit } from './lsp-test-kit.js';

const kit = lspTestKit();
const expectLangiumFormatting = expectFormatting(kit.credal);
const expectFormat = (input: { before: string; after: string }) => expectLangiumFormatting({ ...input, options: { tabSize: 2,
    insertSpaces: true } });
afterEach(() => {
    kit.configure({});
    return kit.clear();
});

/** The whole formatted text (formatDocument's edits applied). */
async function format(text: string, tabSize = 2): Promise<string> {
    const document = await kit.build(text);
    const edits = await kit.credal.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() },
        options: { tabSize, insertSpaces: true } });
    return applyEdits(document, edits);
}

function applyEdits(document: LangiumDocument, edits: TextEdit[]): string {
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('layout', () => {
    it('normalises spaces around operators, commas, colons and brackets', async () => {
        await expectFormat({
            before: 'set Coin={heads,tails}\ndist fair on Coin = {heads:1/2 ,tails : 1/2}\neval lowerE( fair,{heads:1,tails:-1})+ 1',
            after: 'set Coin = {heads, tails}\ndist fair on Coin = {heads: 1/2, tails: 1/2}\neval lowerE(fair, {heads: 1, tails: -1}) + 1\n'
        });
    });

    it('puts every statement on its own line and keeps at most one blank line', async () => {
        await expectFormat({
            before: 'let a = 1 let b = 2\n\n\n\nlet c = 3',
            after: 'let a = 1\nlet b = 2\n\nlet c = 3\n'
        });
    });

    it('keeps the author\'s choice of spaces around / and ^ and inside one-line braces', async () => {
        await expectFormat({
            before: 'set X = {a, b}\nlet big = 10^6\nlet h = 1 / 2\ncredal K on X = { P({a}) >= 1/3 }\ncredal L on X = {P({a}) <= 2/3}',
            after: 'set X = {a, b}\nlet big = 10^6\nlet h = 1 / 2\ncredal K on X = { P({a}) >= 1/3 }\ncredal L on X = {P({a}) <= 2/3}\n'
        });
    });

    it('lays out decision problems one clause and one act per line, acts aligned on =', async () => {
        await expectFormat({
            before: 'set Y = {ok, broken}\ncredal K on Y = vacuous\ndecision Repair on Y { belief K losses { fix = (1, 5)  replace = (3, 0) } }',
            after: 'set Y = {ok, broken}\ncredal K on Y = vacuous\ndecision Repair on Y {\n  belief K\n  losses {\n    fix     = (1, 5)\n    replace = (3, 0)\n  }\n}\n'
        });
    });

    it('aligns policies on `consistent` and honours the editor\'s indentation size', async () => {
        const before = 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous\ngamble u on W = (4, 3, 2, 1)\nddt N on W {\nbelief T\npolicies {\none consistent {11, 21}\ntwo consistent {12, 22}\n}\nutility u\n}';
        expect(await format(before, 4)).toBe('set W = {11, 12, 21, 22}\ncredal T on W = vacuous\ngamble u on W = (4, 3, 2, 1)\nddt N on W {\n    belief T\n    policies {\n        one consistent {11, 21}\n        two consistent {12, 22}\n    }\n    utility u\n}\n');
    });

    it('writes a mapping spread over lines one entry per line, values aligned', async () => {
        await expectFormat({
            before: 'set Die = {1 .. 6}\ndist p on Die = {1: 1/2,\n 2: 1/4, 6: rest}\ngamble w on Die = {1: 100,\n        else: 0}',
            after: 'set Die = {1 .. 6}\ndist p on Die = {\n  1: 1/2,\n  2: 1/4,\n  6: rest\n}\ngamble w on Die = {\n  1:    100,\n  else: 0\n}\n'
        });
    });

    it('keeps comments and prose byte for byte and aligns trailing comments', async () => {
        const prose = '/*! # Title\n      indented   *prose*   with $\\int$ math\n*/';
        const before = `${prose}\n/**   Doc   comment  */\nset X={a,b}   // the set\nlet  e = 1/10 // a constant\n/* block\n   comment */\nlet f = e`;
        const after = `${prose}\n/**   Doc   comment  */\nset X = {a, b} // the set\nlet e = 1/10   // a constant\n/* block\n   comment */\nlet f = e\n`;
        await expectFormat({ before, after });
    });

    it('indents continuation lines and lines inside brackets opened on an earlier line', async () => {
        await expectFormat({
            before: 'set X = {a, b}\ndist p on X = uniform\ncredal K on X =\ncontamination(p,\n1/10)\neval lowerE(K,\n(1, 0)\n)',
            after: 'set X = {a, b}\ndist p on X = uniform\ncredal K on X =\n  contamination(p,\n    1/10)\neval lowerE(K,\n  (1, 0)\n)\n'
        });
    });

    it('does not touch a note with a syntax error', async () => {
        const text = 'set X = {a, b\nlet   a =  1';
        expect(await format(text)).toBe(text);
    });

    it('formats only inside the requested range', async () => {
        const document = await kit.build('let  a = 1\nlet  b = 2\nlet  c = 3\n');
        const edits = await kit.credal.lsp.Formatter!.formatDocumentRange(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } },
            options: { tabSize: 2, insertSpaces: true }
        });
        expect(applyEdits(document, edits)).toBe('let  a = 1\nlet b = 2\nlet  c = 3\n');
    });
});

describe('operator spellings (credal.format.operators)', () => {
    const note = 'set C = {h, t}\nset P2 = C × C\nevent A on C = {h} \\cup {t} minus {t}\ncredal K on C = { P({h}) \\ge 1/3, P({h}) in [0, 1] }\nassert lowerP(K, {h}) != 1 \\cdot 2\n';

    it('keep (the default) leaves every spelling as written', async () => {
        expect(await format(note)).toBe(note);
    });

    it('unicode', async () => {
        kit.configure({ format: { operators: 'unicode' } });
        expect(await format(note)).toBe('set C = {h, t}\nset P2 = C × C\nevent A on C = {h} ∪ {t} ∖ {t}\ncredal K on C = { P({h}) ≥ 1/3, P({h}) ∈ [0, 1] }\nassert lowerP(K, {h}) ≠ 1 · 2\n');
    });

    it('latex', async () => {
        kit.configure({ format: { operators: 'latex' } });
        expect(await format(note)).toBe('set C = {h, t}\nset P2 = C \\times C\nevent A on C = {h} \\cup {t} \\setminus {t}\ncredal K on C = { P({h}) \\ge 1/3, P({h}) \\in [0, 1] }\nassert lowerP(K, {h}) \\ne 1 \\cdot 2\n');
    });

    it('ascii', async () => {
        kit.configure({ format: { operators: 'ascii' } });
        expect(await format(note)).toBe('set C = {h, t}\nset P2 = C * C\nevent A on C = {h} cup {t} minus {t}\ncredal K on C = { P({h}) >= 1/3, P({h}) in [0, 1] }\nassert lowerP(K, {h}) != 1 * 2\n');
    });

    it('keeps `*` between numbers and spaces a LaTeX command away from its neighbours', async () => {
        kit.configure({ format: { operators: 'latex' } });
        expect(await format('set C = {h, t}\nset Q = C×C\nlet x = 2*3\n')).toBe('set C = {h, t}\nset Q = C \\times C\nlet x = 2*3\n');
    });

    it('a changed setting changes the output of the same request', async () => {
        kit.configure({ format: { operators: 'ascii' } });
        expect(await format('let a = 1\nassert a ≤ 2\n')).toBe('let a = 1\nassert a <= 2\n');
        kit.configure({ format: { operators: 'unicode' } });
        expect(await format('let a = 1\nassert a <= 2\n')).toBe('let a = 1\nassert a ≤ 2\n');
    });
});

describe('every sample', () => {
    const samplesDir = fileURLToPath(new URL('../../../samples', import.meta.url));
    const samples = readdirSync(samplesDir).filter(file => file.endsWith('.cred'));

    it('there are samples to check', () => {
        expect(samples.length).toBeGreaterThan(0);
    });

    for (const mode of ['keep', 'unicode', 'latex', 'ascii'] as const) {
        it.each(samples)(`%s: format is idempotent and keeps the AST (${mode})`, async file => {
            kit.configure({ format: { operators: mode } });
            const text = readFileSync(`${samplesDir}/${file}`, 'utf8');
            const original = await kit.build(text);
            expect(original.parseResult.parserErrors).toEqual([]);
            const once = await format(text);
            const twice = await format(once);
            expect(twice).toBe(once);
            const reparsed = await kit.build(once);
            expect(reparsed.parseResult.parserErrors).toEqual([]);
            expect(shapeOf(reparsed.parseResult.value as Model)).toEqual(shapeOf(original.parseResult.value as Model));
            expect(proseAndComments(once)).toEqual(proseAndComments(text));
        });
    }
});

/** Every comment and prose block, byte for byte, in order. */
function proseAndComments(text: string): string[] {
    return [...text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g)].map(match => match[0]);
}
