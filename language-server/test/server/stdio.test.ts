import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DocumentSymbolRequest,
    ExitNotification, HoverRequest, PublishDiagnosticsNotification, ShutdownRequest,
    type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { startStdioServer, type StdioServer } from '../support/stdio-server.js';

// The bundled language server as VS Code starts it (node out/language-server.cjs --stdio), driven over
// JSON-RPC with no editor: it must answer, ignore other languages, survive junk, and report syntax errors.

const BROKEN_NOTE = 'file:///notes/broken.cred';
const GARBAGE_NOTE = 'file:///notes/garbage.cred';
const MARKDOWN = 'file:///notes/README.md';
const GIT_JSON = 'git:/notes/settings.json?%7B%22ref%22%3A%22HEAD%22%7D';

const GARBAGE_TEXT = [
    '\u0000\uFEFF}}}{{{ set set = = ∪∪∩ \\cup \\boxtimes ⊠ 1e999999 0.0.0 /1/0',
    '(((((((((((((((((((((((((((((((((((((((',
    'dist dist on on = mix(1/3: , : 2/3) /** unterminated doc',
    '\uD800 lone surrogate, Θ′′ ε ﷽ \t\r\n'.repeat(20),
    '/*! unclosed prose'
].join('\n');

let stdio: StdioServer;
let connection: ProtocolConnection;
let initializeResult: InitializeResult;
const published = new Map<string, PublishDiagnosticsParams[]>();
const listeners: Array<() => void> = [];

beforeAll(async () => {
    stdio = await startStdioServer({
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
        handlers: (client) => client.onNotification(PublishDiagnosticsNotification.type, params => {
            published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
            listeners.forEach(listener => listener());
        })
    });
    ({ connection, initializeResult } = stdio);
}, 120_000);

afterAll(() => stdio?.stop());

function open(uri: string, languageId: string, text: string): Promise<void> {
    return connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
}

function diagnosticsFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const check = () => {
            const latest = published.get(uri)?.at(-1)?.diagnostics;
            if (latest && accept(latest)) {
                clearTimeout(timer);
                listeners.splice(listeners.indexOf(check), 1);
                resolve(latest);
            }
        };
        const timer = setTimeout(() => {
            listeners.splice(listeners.indexOf(check), 1);
            reject(new Error(`no matching diagnostics for ${uri}; published: ${JSON.stringify(published.get(uri))}; stderr: ${stdio.stderr()}`));
        }, timeoutMs);
        listeners.push(check);
        check();
    });
}

describe('the language server over stdio', () => {
    it('answers initialize with its capabilities', () => {
        expect(initializeResult.capabilities.textDocumentSync).toBeDefined();
        expect(initializeResult.capabilities.documentSymbolProvider).toBeTruthy();
    });

    it('survives documents of other languages and schemes, and junk in a .cred note', async () => {
        await open(MARKDOWN, 'markdown', '# Not a note\n\nset Coin = {heads, tails}\n');
        await open(GIT_JSON, 'json', '{ "not": "credal" }');
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: MARKDOWN, version: 2 }, contentChanges: [{ text: '# changed {{{' }]
        });
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: GIT_JSON } });
        await open(GARBAGE_NOTE, 'credal', GARBAGE_TEXT);
        const garbage = await diagnosticsFor(GARBAGE_NOTE, diagnostics => diagnostics.length > 0);
        expect(garbage.some(d => d.severity === 1)).toBe(true);
        // A request about a foreign document is answered (with nothing or an error), not left hanging.
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: MARKDOWN }, position: { line: 0,
            character: 2 } })
            .catch((error: Error) => error);
        expect(hover === null || hover instanceof Error).toBe(true);
        expect(stdio.process.exitCode).toBeNull();
    });

    it('publishes an E-SYNTAX error for a broken note, located on the broken declaration', async () => {
        await open(BROKEN_NOTE, 'credal', 'set Coin = {heads, tails\n\ndist fair on Coin = {heads: 1/2, tails: 1/2}\n');
        const diagnostics = await diagnosticsFor(BROKEN_NOTE, list => list.some(d => d.code === 'E-SYNTAX'));
        const syntax = diagnostics.find(d => d.code === 'E-SYNTAX')!;
        expect(syntax.severity).toBe(1);
        expect(syntax.range.start.line).toBeLessThanOrEqual(2);
        expect(syntax.message).not.toMatch(/token of type/i);
    });

    it('never publishes diagnostics for the foreign documents, and still serves requests', async () => {
        // Markdown is served for its credal fences; prose that looks like Credal is not part of the note.
        expect((published.get(MARKDOWN) ?? []).flatMap(p => p.diagnostics)).toEqual([]);
        expect(published.has(GIT_JSON)).toBe(false);
        const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: BROKEN_NOTE } });
        expect(Array.isArray(symbols)).toBe(true);
        expect(stdio.process.exitCode).toBeNull();
        expect(stdio.stderr()).not.toMatch(/uncaught|unhandled/i);
    });

    it('keeps checking notes after an unsaved (untitled) note is closed', async () => {
        const untitled = 'untitled:Untitled-1';
        await open(untitled, 'credal', 'set Coin = {heads, tails\n');
        await diagnosticsFor(untitled, list => list.some(d => d.code === 'E-SYNTAX'));
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: untitled } });
        // Its diagnostics are withdrawn, and it must not break the builds that follow.
        await diagnosticsFor(untitled, list => list.length === 0);
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: BROKEN_NOTE, version: 2 }, contentChanges: [{ text: 'set Coin = {heads, tails}\n' }]
        });
        await diagnosticsFor(BROKEN_NOTE, list => list.length === 0);
    });

    it('shuts down cleanly on request', async () => {
        const exited = new Promise<number | null>(resolve => stdio.process.once('exit', code => resolve(code)));
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
    });
});
