import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { createCredalServices } from '../../src/credal-module.js';
import { isAssert, isEval, isModel, type Assert, type Eval, type Model } from '../../src/generated/ast.js';
import { formatValue } from '../../src/evaluation/format-value.js';
import { MAX_NESTING_LEVELS } from '../../src/robustness/nesting-guard.js';
import { MAX_NOTE_CHARS } from '../../src/robustness/note-size.js';

// Hostile notes, in-process through the services as the server uses them: none may throw, overflow the
// stack or hang, and each must say what is wrong in a located, readable diagnostic.

const services = createCredalServices(EmptyFileSystem);
services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { credal: { evaluation: { timeoutMs: 3000 } } } });
const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
let counter = 0;

async function build(text: string, expensive = true): Promise<LangiumDocument<Model>> {
    const document = LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///adversarial/note${++counter}.cred`));
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: expensive ? true : { categories: ['built-in', 'fast'] } });
    return document;
}

afterEach(async () => {
    await DocumentBuilder.update([], LangiumDocuments.all.map((d) => d.uri).toArray());
});

const codeOf = (d: Diagnostic) => (d.data as { code?: string } | undefined)?.code;
const statements = (document: LangiumDocument<Model>) => (isModel(document.parseResult.value) ? document.parseResult.value.statements : []);
const evalsOf = (document: LangiumDocument<Model>) => statements(document).filter((s): s is Eval | Assert => isEval(s) || isAssert(s));

describe('deep nesting', () => {
    it.each([
        ['parentheses', `eval ${'('.repeat(10_000)}1${')'.repeat(10_000)}`],
        ['braces', `event E on Coin = ${'{'.repeat(10_000)}heads${'}'.repeat(10_000)}`],
        ['brackets', `eval ${'['.repeat(10_000)}0, 1${']'.repeat(10_000)}`],
        ['unclosed parentheses', `eval ${'('.repeat(10_000)}`],
        ['a chain of signs', `eval ${'-'.repeat(100_000)}1`],
        ['a chain of powers', `eval ${'1^'.repeat(10_000)}1`]
    ])('10,000-deep %s: E-SYNTAX "nesting deeper than …", no stack overflow', async (_name, deep) => {
        const document = await build(`set Coin = {heads, tails}\n${deep}\neval 1 + 1\n`);
        const nesting = document.diagnostics!.filter((d) => codeOf(d) === 'E-SYNTAX' && /deeper than 25 levels/.test(String(d.message)));
        expect(nesting).toHaveLength(1);
        expect(nesting[0]!.range.start.line).toBe(1);
        // The rest of the note is still read and evaluated.
        const last = evalsOf(document).at(-1)!;
        expect(formatValue(services.Credal.evaluation.Evaluator.resultOf(last).value)).toBe('2');
    });

    it('accepts nesting up to the limit, with its exact value', async () => {
        const depth = MAX_NESTING_LEVELS - 2;
        const document = await build(`eval ${'('.repeat(depth)}1/3${')'.repeat(depth)} * 3\n`);
        expect(document.diagnostics!.filter((d) => d.severity === 1)).toEqual([]);
        expect(formatValue(services.Credal.evaluation.Evaluator.resultOf(evalsOf(document)[0]!).value)).toBe('1');
    });

    it('leaves the parser usable for the next note', async () => {
        await build(`eval ${'('.repeat(10_000)}`);
        const clean = await build('set Coin = {heads, tails}\ndist p on Coin = {heads: 1/4, tails: rest}\neval P(p, {tails})\n');
        expect(clean.diagnostics!.filter((d) => d.severity === 1)).toEqual([]);
        expect(formatValue(services.Credal.evaluation.Evaluator.resultOf(evalsOf(clean)[0]!).value)).toMatch(/^3\/4/);
    });

    it('answers hover and completion inside the refused part', async () => {
        const text = `set Coin = {heads, tails}\neval ${'('.repeat(5_000)}heads${')'.repeat(5_000)}\n`;
        const document = await build(text);
        const position = document.textDocument.positionAt(text.indexOf('heads)'));
        const hover = await services.Credal.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() },
            position });
        const completion = await services.Credal.lsp.CompletionProvider!.getCompletion(document,
            { textDocument: { uri: document.uri.toString() }, position });
        expect(hover === undefined || typeof hover === 'object').toBe(true);
        expect(completion === undefined || Array.isArray(completion.items)).toBe(true);
    });
});

describe('huge numbers', () => {
    it('computes exactly with 1,000-digit numbers', async () => {
        const big = '9'.repeat(1000);
        const document = await build(`set Coin = {heads, tails}\nlet big = ${big}\ndist p on Coin = {heads: 1/${big}, tails: rest}\neval big * big\neval P(p, {heads}) * big\n`);
        expect(document.diagnostics!.filter((d) => d.severity === 1)).toEqual([]);
        const [square, one] = evalsOf(document).map((s) => services.Credal.evaluation.Evaluator.resultOf(s).value);
        expect(square!.kind === 'number' && square!.value.num).toBe(BigInt(big) * BigInt(big));
        expect(formatValue(one!)).toBe('1');
    });

    it('refuses powers whose result would be enormous, quickly', async () => {
        const started = performance.now();
        const document = await build('eval (10^99999)^99999\neval 9^9^9\n');
        expect(performance.now() - started).toBeLessThan(5000);
        const codes = document.diagnostics!.map(codeOf);
        expect(codes.filter((c) => c === 'E-BUDGET')).toHaveLength(2);
    });
});

describe('a set of 200 elements whose credal set has astronomically many vertices', () => {
    // Pairs (1,2), (3,4), … may each carry at most 3/200: the feasible region has a vertex for almost
    // every way of filling pairs, far past any enumeration budget; an LP answers lowerE directly:
    // the mass goes to the cheapest odd elements first, 66 full pairs and 2/200 on element 133.
    const pairs = Array.from({ length: 100 }, (_, k) => `P({${2 * k + 1}, ${2 * k + 2}}) <= 3/200`).join(',\n  ');
    const note = `set S = {1 .. 200}\ncredal K on S = {\n  ${pairs}\n}\ngamble f on S = (${Array.from({ length: 200 }, (_, i) => i + 1).join(', ')})\n` +
        'eval vertices(K)\neval lowerE(K, f)\n';

    it('vertices(K) stops with E-BUDGET or I-ENUM-LIMIT within its budget; lowerE(K, f) is exact', async () => {
        const document = await build(note, false);
        const evaluator = services.Credal.evaluation.Evaluator;
        const [vertices, lower] = evalsOf(document);
        const started = performance.now();
        const verticesResult = evaluator.resultOf(vertices!, CancellationToken.None);
        const verticesMs = performance.now() - started;
        const codes = [verticesResult.value.kind === 'error' ? verticesResult.value.code : '', ...verticesResult.issues.map((i) => i.code)];
        expect(codes.some((c) => c === 'E-BUDGET' || c === 'I-ENUM-LIMIT')).toBe(true);
        // Its 3 s budget plus slack for a machine shared with other jobs: it stops, rather than running for ever.
        expect(verticesMs).toBeLessThan(3000 + 7000);
        const value = evaluator.resultOf(lower!).value;
        expect(formatValue(value)).toMatch(/^6667\/100\b/);
    });
});

describe('a note near and over the size cap (robustness/note-size.ts)', () => {
    // Mostly prose, as a long research note is, with a declaration and an eval after each paragraph.
    const prose = `/*! ${'Lorem ipsum $p(\\text{heads}) \\in [1/3, 2/3]$ dolor sit amet, consectetur. '.repeat(60)} */\n`;
    const chunk = (k: number) => `${prose}let c${k} = ${k}/7\neval c${k} * 7\n`;
    const noteOf = (chars: number) => `${Array.from({ length: Math.ceil(chars / chunk(0).length) }, (_, k) => chunk(k)).join('')}eval 2 + 2\n`;

    it('just under the cap: parsed, linked and checked without a crash, and its last eval is right', async () => {
        const text = noteOf(MAX_NOTE_CHARS - 10_000);
        expect(text.length).toBeLessThanOrEqual(MAX_NOTE_CHARS);
        const started = performance.now();
        const document = await build(text, false);
        const ms = performance.now() - started;
        expect(document.diagnostics!.filter((d) => d.severity === 1)).toEqual([]);
        expect(formatValue(services.Credal.evaluation.Evaluator.resultOf(evalsOf(document).at(-1)!).value)).toBe('4');
        expect(ms).toBeLessThan(120_000);
    }, 180_000);

    it('5 MB: not parsed, one E-TOO-LARGE error at its start', async () => {
        const document = await build(noteOf(5_000_000), false);
        expect(document.diagnostics!.map(codeOf)).toEqual(['E-TOO-LARGE']);
        expect(document.diagnostics![0].range.start).toEqual({ line: 0, character: 0 });
        expect(document.diagnostics![0].message).toMatch(/^this note is 5(\.\d)? MB long; Credal reads notes of up to 2 MB/);
        expect(evalsOf(document)).toEqual([]);
    }, 60_000);
});

describe('line endings, byte order marks, tabs, invalid UTF-8', () => {
    const note = 'set Coin = {heads, tails}\ndist p on Coin = {heads: 1/3, tails: 1/3}\neval P(p, {heads})\n';

    it.each([
        ['CRLF', note.replace(/\n/g, '\r\n')],
        ['a BOM', `\uFEFF${note}`],
        ['tabs', note.replace(/ /g, '\t')],
        ['CR only', note.replace(/\n/g, '\r')]
    ])('%s: the E-DIST-SUM error is located on the mass that is wrong', async (_name, text) => {
        const document = await build(text);
        const sum = document.diagnostics!.find((d) => codeOf(d) === 'E-DIST-SUM');
        expect(sum, JSON.stringify(document.diagnostics)).toBeDefined();
        const line = text.split(/\r\n|\r|\n/)[sum!.range.start.line]!;
        expect(line).toContain('dist');
    });

    it('invalid UTF-8 bytes (decoded to U+FFFD) and lone surrogates are reported, not fatal', async () => {
        const bytes = new Uint8Array([...new TextEncoder().encode('set Coin = {heads, tails}\nlet x = 1'), 0xff, 0xfe, 0xc3, 0x28, 0x0a,
            0xed, 0xa0, 0x80]);
        const decoded = new TextDecoder('utf-8').decode(bytes);
        const document = await build(`${decoded}\n\uD800 eval 1 \uDFFF\n`);
        const syntax = document.diagnostics!.filter((d) => codeOf(d) === 'E-SYNTAX');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax.every((d) => !/token of type/i.test(String(d.message)))).toBe(true);
    });
});
