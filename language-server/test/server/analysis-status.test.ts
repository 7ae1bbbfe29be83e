import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { AnalysisStatusRequestMethod, type AnalysisStatusParams, type AnalysisStatusResult } from '../../src/protocol.js';
import { PublishedDiagnostics, startStdioServer, type StdioServer } from '../support/stdio-server.js';

// `credal/analysisStatus` over stdio, as "Credal: Show Analysis Status" asks it: after a keystroke in one
// statement of a long note the change was spliced in, and only that statement and its dependents were
// evaluated again; a save after another such keystroke makes the worker re-check just as little; a change
// that unbalances a bracket across statements is parsed whole.

const URI = 'file:///notes/long.cred';
const COUNT = 300;
const lines = ['set X = {a, b, c}', 'dist p on X = {a: 1/2, b: 1/4, c: 1/4}'];
for (let i = 0; i < COUNT; i++) lines.push(`gamble g${i} on X = (${i}, 0, 1)`);
// Fails on save (E-ASSERT, from the worker): a publication to wait for.
lines.push('eval lowerE(p, g150)', 'assert lowerE(p, g150) == 0', '');
const TEXT = lines.join('\n');
const EDIT_LINE = lines.indexOf('gamble g150 on X = (150, 0, 1)');

let server: StdioServer;
const diagnostics = new PublishedDiagnostics(URI);

beforeAll(async () => {
    server = await startStdioServer({
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
        handlers: (connection) => diagnostics.listen(connection)
    });
}, 120_000);

afterAll(() => server?.stop());

const status = (): Promise<AnalysisStatusResult> => server.connection.sendRequest<AnalysisStatusResult>(AnalysisStatusRequestMethod,
    { textDocument: { uri: URI } } satisfies AnalysisStatusParams);

/** Replaces `[character, character + length)` of `line` by `text`, as version `version`. */
async function change(version: number, line: number, character: number, length: number, text: string): Promise<void> {
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character: character + length } }, text }]
    });
}

/** Saves the note and waits for the worker's save-time diagnostics (the failed assert), then reads the status. */
async function save(): Promise<AnalysisStatusResult> {
    const before = diagnostics.published.length;
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: URI } });
    await diagnostics.first(before, (found) => found.some((code) => code.startsWith('E-ASSERT')));
    return status();
}

describe('credal/analysisStatus', () => {
    it('reports the note and its versions, a keystroke spliced in and re-evaluating a few statements', async () => {
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'credal',
            version: 1, text: TEXT } });
        await diagnostics.first(0, (codes) => codes.length === 0);
        const opened = await status();
        expect(opened).toMatchObject({ uri: URI, version: 1, statements: COUNT + 4 });

        // A digit inside g150's tuple: only g150 and the eval that reads it are evaluated again.
        await change(2, EDIT_LINE, 'gamble g150 on X = (150'.length, 0, '7');
        const typed = await status();
        expect(typed).toMatchObject({ version: 2, statements: COUNT + 4, lastParse: 'incremental', incrementalParses: 1,
            fullParses: opened.fullParses });
        expect(typed.lastBuildEvaluations).toBeGreaterThan(0);
        expect(typed.lastBuildEvaluations).toBeLessThanOrEqual(4);

        // Saved, the worker checks the whole note once; after another digit, a save re-checks g150, the eval and the assert.
        expect((await save()).lastWorkerJob).toMatchObject({ kind: 'save', version: 2 });
        await change(3, EDIT_LINE, 'gamble g150 on X = (150'.length, 0, '1');
        const resaved = (await save()).lastWorkerJob!;
        expect(resaved).toMatchObject({ kind: 'save', version: 3 });
        expect(resaved.evaluations).toBeGreaterThan(0);
        expect(resaved.evaluations).toBeLessThanOrEqual(4);

        // An opening bracket that the rest of the note cannot close: the whole note is parsed again.
        await change(4, EDIT_LINE, 'gamble g150 on X = '.length, 0, '{');
        const broken = await status();
        expect(broken).toMatchObject({ version: 4, lastParse: 'full', incrementalParses: 2, fullParses: typed.fullParses + 1 });
    }, 120_000);
});
