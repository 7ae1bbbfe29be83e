import { afterAll, beforeAll, describe as group, expect, it } from 'vitest';
import {
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification,
    type Diagnostic, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { codes, PublishedDiagnostics, startStdioServer, type StdioServer } from '../support/stdio-server.js';
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

let server: StdioServer;
let connection: ProtocolConnection;
const publications = new PublishedDiagnostics(NOTE, () => server?.stderr() ?? '');
const published = publications.published;

beforeAll(async () => {
    server = await startStdioServer({
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {}, synchronization: { didSave: true } } },
        handlers: (client) => publications.listen(client)
    });
    connection = server.connection;
}, 180_000);

afterAll(() => server?.stop());

/** The first publication from `from` on whose codes include `wanted`; then a pause, and every publication since `from`. */
async function settle(from: number, wanted: string): Promise<Diagnostic[][]> {
    await publications.first(from, (found) => found.includes(wanted));
    // Later publications (a background result arriving) must hold the invariant too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return published.slice(from);
}

group('every diagnostic exactly once, over stdio', () => {
    it('open → save → type elsewhere → save', async () => {
        let from = published.length;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: NOTE, languageId: 'credal',
            version: 1, text: TEXT } });
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
        // {b, c} has lower probability 0 and the two conditioning rules differ on it (LANGUAGE.md §8.9).
        const text = 'set X = {a, b, c}\ncredal K on X = { P({b}) >= P({c}) }\ncredal G = K | {b, c}\ncredal T = tvball(fiar, 1/10)';
        let from = published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: NOTE, version: 10 },
            contentChanges: [{ text }] });
        const typed = await settle(from, 'E-UNRESOLVED@4');
        expect(codes(typed.at(-1)!)).toEqual(['E-UNRESOLVED@4']);

        from = published.length;
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: NOTE } });
        const saved = await settle(from, 'W-ZERO-COND@3');
        expect(codes(saved.at(-1)!)).toEqual(['E-UNRESOLVED@4', 'W-ZERO-COND@3']);

        from = published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: NOTE, version: 11 },
            contentChanges: [{ text: `${text}\n` }] });
        const again = await settle(from, 'E-UNRESOLVED@4');
        expect(codes(again.at(-1)!)).toEqual(['E-UNRESOLVED@4', 'W-ZERO-COND@3']);
        for (const diagnostics of [...typed, ...saved, ...again]) expect(repeated(diagnostics)).toEqual([]);
    }, 120_000);
});
