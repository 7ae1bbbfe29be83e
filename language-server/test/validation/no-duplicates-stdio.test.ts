import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe as group, expect, it } from 'vitest';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification,
    InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, SERVER_BUNDLE, ensureFreshBundles } from '../support/bundle.js';
import { repeated } from './diagnostic-repeats.js';

// The real editor flow through the bundled server: a note with an unknown name (a cheap, built-in
// diagnostic) and an assessment that is not coherent (an expensive one, carried after the save).
// Open, save, type a character elsewhere, save: every diagnostic is published exactly once each time.

const NOTE = 'file:///notes/twice.cred';
const TEXT = [
    'set W = {0, 1, 2}',
    'credal K on W = { P({0}) in [0.5, 0.666], P({1}) in [0.222, 0.272], P({2}) in [0.125, 0.181] }',
    'dist fair on W = uniform',
    'credal T = tvball(fiar, 1/10)'
].join('\n');

let server: ChildProcess;
let connection: ProtocolConnection;
let stderr = '';
const published: Diagnostic[][] = [];
const listeners: Array<() => void> = [];

beforeAll(async () => {
    await ensureFreshBundles();
    server = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', (chunk) => { stderr += String(chunk); });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri !== NOTE) return;
        published.push(params.diagnostics);
        listeners.forEach((listener) => listener());
    });
    connection.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: null, workspaceFolders: null,
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {}, synchronization: { didSave: true } } }
    });
    await connection.sendNotification(InitializedNotification.type, {});
}, 180_000);

afterAll(() => {
    connection?.dispose();
    if (server && server.exitCode === null) server.kill();
});

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

/** The first publication from `from` on whose codes include `wanted`; then a pause, and every publication since `from`. */
function settle(from: number, wanted: string, timeoutMs = 30_000): Promise<Diagnostic[][]> {
    return new Promise((resolve, reject) => {
        const check = () => {
            if (!published.slice(from).some((diagnostics) => codes(diagnostics).includes(wanted))) return;
            clearTimeout(timer);
            listeners.splice(listeners.indexOf(check), 1);
            // Later publications (a background result arriving) must hold the invariant too.
            setTimeout(() => resolve(published.slice(from)), 1500);
        };
        const timer = setTimeout(() => reject(new Error(`no ${wanted}; published: ${JSON.stringify(published.slice(from).map(codes))}; stderr: ${stderr}`)), timeoutMs);
        listeners.push(check);
        check();
    });
}

group('every diagnostic exactly once, over stdio', () => {
    it('open → save → type elsewhere → save', async () => {
        let from = published.length;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: NOTE, languageId: 'credal', version: 1, text: TEXT } });
        const opened = await settle(from, 'E-UNRESOLVED@4');

        from = published.length;
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: NOTE } });
        const saved = await settle(from, 'W-NOT-COHERENT@2');
        expect(codes(saved.at(-1)!)).toEqual(['E-UNRESOLVED@4', 'W-NOT-COHERENT@2']);

        from = published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: NOTE, version: 2 },
            contentChanges: [{ range: { start: { line: 2, character: 24 }, end: { line: 2, character: 24 } }, text: ' ' }]
        });
        const typed = await settle(from, 'E-UNRESOLVED@4');
        expect(codes(typed.at(-1)!)).toEqual(['E-UNRESOLVED@4', 'W-NOT-COHERENT@2']);

        from = published.length;
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: NOTE } });
        const savedAgain = await settle(from, 'W-NOT-COHERENT@2');
        expect(codes(savedAgain.at(-1)!)).toEqual(['E-UNRESOLVED@4', 'W-NOT-COHERENT@2']);

        const steps = { opened, saved, typed, savedAgain };
        for (const [step, publications] of Object.entries(steps)) {
            for (const diagnostics of publications) expect(repeated(diagnostics), step).toEqual([]);
        }
    }, 120_000);

    it('conditioning that takes an LP: nothing while typing, W-ZERO-COND once on save, carried once after typing', async () => {
        const text = 'set X = {a, b}\ncredal K on X = { P({a}) >= P({b}) }\ncredal G = K | {b}\ncredal T = tvball(fiar, 1/10)';
        let from = published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: NOTE, version: 10 }, contentChanges: [{ text }] });
        const typed = await settle(from, 'E-UNRESOLVED@4');
        expect(codes(typed.at(-1)!)).toEqual(['E-UNRESOLVED@4']);

        from = published.length;
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: NOTE } });
        const saved = await settle(from, 'W-ZERO-COND@3');
        expect(codes(saved.at(-1)!)).toEqual(['E-UNRESOLVED@4', 'I-PRECISE@3', 'W-ZERO-COND@3']);

        from = published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: NOTE, version: 11 }, contentChanges: [{ text: `${text}\n` }] });
        const again = await settle(from, 'E-UNRESOLVED@4');
        expect(codes(again.at(-1)!)).toEqual(['E-UNRESOLVED@4', 'I-PRECISE@3', 'W-ZERO-COND@3']);
        for (const diagnostics of [...typed, ...saved, ...again]) expect(repeated(diagnostics)).toEqual([]);
    }, 120_000);
});
