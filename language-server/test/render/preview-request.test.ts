import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
    ExportRequestMethod, PreviewInvalidatedNotificationMethod, PreviewRequestMethod,
    type ExportParams, type ExportResult, type PreviewInvalidatedParams, type PreviewParams, type PreviewResult
} from '../../src/protocol.js';
import { startStdioServer, type StdioServer } from '../support/stdio-server.js';

// The preview contract as the extension uses it: the bundled server over stdio.

const URI = 'file:///notes/preview.cred';
const NOTE = `/*! # A coin
    Heads has probability $p \\in [1/3, 2/3]$. */

set Coin = {heads, tails}

/** The unknown coin. */
credal K on Coin = { P({heads}) in [1/3, 2/3] }

eval lowerP(K, {heads})
assert upperP(K, {heads}) == 2/3
`;

let server: StdioServer;
let connection: ProtocolConnection;
const invalidated: PreviewInvalidatedParams[] = [];

beforeAll(async () => {
    server = await startStdioServer({
        handlers: (client) => client.onNotification(PreviewInvalidatedNotificationMethod,
            (params: PreviewInvalidatedParams) => { invalidated.push(params); })
    });
    connection = server.connection;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'credal', version: 1,
        text: NOTE } });
}, 180_000);

afterAll(() => server?.stop());

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

const PENDING_TEXT = 'Being computed in the background';

/**
 * The preview once evals and asserts computed off the main thread are in (the server says so with
 * another previewInvalidated). A pending result is shown as such, never as a failed claim.
 */
async function settledPreview(): Promise<PreviewResult> {
    let result: PreviewResult | undefined;
    const deadline = Date.now() + 20_000;
    for (;;) {
        result = await connection.sendRequest<PreviewResult>(PreviewRequestMethod, { textDocument: { uri: URI } } satisfies PreviewParams);
        const pending = result.blocks.filter(block => block.html.includes(PENDING_TEXT));
        for (const block of pending) expect(block.html).not.toContain('credal-claim-failed');
        if (pending.length === 0 || Date.now() > deadline) return result;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

describe('credal/preview over LSP', () => {
    it('answers with the note as blocks carrying their source lines', async () => {
        const result = await settledPreview();
        expect(result.uri).toBe(URI);
        expect(result.version).toBe(1);
        expect(result.title).toBe('A coin');
        expect(result.blocks.map(b => [b.kind, b.name ?? null, b.startLine, b.endLine])).toEqual([
            ['prose', null, 0, 1], ['declaration', 'Coin', 3, 3], ['declaration', 'K', 5, 6], ['eval', null, 8, 8], ['assert', null, 9, 9]
        ]);
        const credal = result.blocks[2].html;
        expect(credal).toContain('class="katex');
        expect(credal).toContain('<svg class="credal-figure"');
        expect(credal).toContain('The unknown coin.');
        expect(result.blocks[4].html).toContain('credal-claim-ok');
    });

    it('says when a preview is stale, and the next preview has the new version', async () => {
        await until(() => invalidated.some(n => n.uri === URI && n.version === 1));
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: URI, version: 2 },
            contentChanges: [{ text: NOTE.replace('== 2/3', '== 1/2') }]
        });
        await until(() => invalidated.some(n => n.uri === URI && n.version === 2));
        const result = await settledPreview();
        expect(result.version).toBe(2);
        expect(result.blocks[4].html).toContain('credal-claim-failed');
    });

    it('exports Markdown, LaTeX and HTML', async () => {
        const ask = (format: ExportParams['format']) => connection.sendRequest<ExportResult>(ExportRequestMethod,
            { textDocument: { uri: URI }, format } satisfies ExportParams);
        expect((await ask('markdown')).text).toMatch(/^# A coin\n/);
        expect((await ask('latex')).text).toContain('\\begin{document}');
        expect((await ask('html')).text).toMatch(/^<!DOCTYPE html>/);
    });
});
