import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    DidOpenTextDocumentNotification, DocumentSymbolRequest, PublishDiagnosticsNotification, type Diagnostic, type DocumentSymbol,
    type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { PreviewResult } from '../../src/protocol.js';
import { REPO_ROOT } from '../support/bundle.js';
import { startStdioServer, type StdioServer } from '../support/stdio-server.js';

// Issue 16 over LSP: a note whose formulas are slow to typeset holds no other request (the preview is
// typeset in the render worker, under a budget), a note of nested \def macros is refused, not expanded,
// and a note over the size cap gets one E-TOO-LARGE instead of a parse.

const HEAVY = 'file:///notes/heavy.cred';
const DEFS = 'file:///notes/nested-defs.cred';
const HUGE = 'file:///notes/huge.cred';

/**
 * Thirty legal formulas of 3,000 characters: KaTeX takes from about a second to several on them (by the
 * machine and its load), so a 50 ms budget runs out on any machine; a budget near the work itself would
 * make the test depend on how fast this machine is today.
 */
function heavyNote(): string {
    let formula = '';
    for (let i = 0; formula.length < 3000; i++) formula += `x_{${i}}^{2}+`;
    const paragraphs = Array.from({ length: 30 }, (_, k) => `    Formula ${k}: $${formula}${k}$`).join('\n\n');
    return `/*! # Heavy\n\n${paragraphs}\n*/\nset Coin = {heads, tails}\ndist fair on Coin = {heads: 1/2, tails: 1/2}\n`;
}

let stdio: StdioServer;
let connection: ProtocolConnection;
/** The first diagnostics published for each note (one client handler serves every note). */
const firstPublished = new Map<string, Diagnostic[]>();
const waiting = new Map<string, (diagnostics: Diagnostic[]) => void>();
const published = (uri: string): Promise<Diagnostic[]> =>
    firstPublished.has(uri) ? Promise.resolve(firstPublished.get(uri)!) : new Promise((resolve) => waiting.set(uri, resolve));

beforeAll(async () => {
    stdio = await startStdioServer({
        env: { CREDAL_PREVIEW_BUDGET_MS: '50' },
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
        handlers: (client) => client.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
            if (firstPublished.has(uri)) return;
            firstPublished.set(uri, diagnostics);
            waiting.get(uri)?.(diagnostics);
        })
    });
    connection = stdio.connection;
}, 120_000);

afterAll(() => stdio?.stop());

const open = (uri: string, text: string) =>
    connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'credal', version: 1, text } });

describe('a preview that is slow to typeset', () => {
    it('answers documentSymbol before the preview, and the preview says which blocks ran out of time', async () => {
        await open(HEAVY, heavyNote());
        const answered: string[] = [];
        const preview = connection.sendRequest<PreviewResult>('credal/preview', { textDocument: { uri: HEAVY } })
            .then((result) => (answered.push('preview'), result));
        const symbols = connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: HEAVY } })
            .then((result) => (answered.push('symbols'), result));
        const [previewResult, symbolResult] = await Promise.all([preview, symbols]);
        expect(answered).toEqual(['symbols', 'preview']);
        expect((symbolResult as DocumentSymbol[]).map((symbol) => symbol.name)).toEqual(['Heavy', 'Coin', 'fair']);
        const prose = previewResult.blocks.find((block) => block.kind === 'prose')!;
        expect(prose.html).toMatch(/the note took longer than 0\.05 s to render/);
        // Once the request's budget is spent, later blocks wait for the next request rather than hold this one.
        expect(previewResult.blocks.find((block) => block.name === 'fair')!.html).toMatch(/not rendered|katex/);
    }, 120_000);
});

describe('nested macro definitions', () => {
    it('are refused with a located W-MATH-REFUSED and shown as source in the preview', async () => {
        const text = readFileSync(path.join(REPO_ROOT, 'language-server', 'test', 'fixtures', 'hostile', 'nested-defs.cred'), 'utf8');
        await open(DEFS, text);
        const refused = (await published(DEFS)).find((diagnostic) => diagnostic.code === 'W-MATH-REFUSED')!;
        expect(refused.range.start.line).toBe(2);
        expect(text.split('\n')[2].slice(refused.range.start.character, refused.range.end.character)).toBe('\\def');
        const preview = await connection.sendRequest<PreviewResult>('credal/preview', { textDocument: { uri: DEFS } });
        const html = preview.blocks.map((block) => block.html).join('\n');
        expect(html).toContain('Not typeset: it defines a macro with \\def');
        expect(html.length).toBeLessThan(50_000);
    }, 60_000);
});

describe('a note over the size cap', () => {
    it('is not parsed: one E-TOO-LARGE error at its start, and the server keeps answering', async () => {
        const text = `${'set S = {a, b}\n'.repeat(150_000)}`;
        await open(HUGE, text);
        const diagnostics = await published(HUGE);
        expect(diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line + 1}`)).toEqual(['E-TOO-LARGE@1']);
        expect(diagnostics[0].message).toMatch(/^this note is 2\.\d MB long; Credal reads notes of up to 2 MB/);
        const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: HUGE } });
        expect(symbols).toEqual([]);
    }, 90_000);
});
