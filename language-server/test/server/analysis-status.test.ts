import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { AnalysisStatusRequestMethod, type AnalysisStatusParams, type AnalysisStatusResult } from '../../src/protocol.js';
import { PublishedDiagnostics, startStdioServer, type StdioServer } from '../support/stdio-server.js';

// `credal/analysisStatus` over stdio, as "Credal: Show Analysis Status" asks it: after a keystroke in one
// statement of a long note the change was spliced in, and only that statement and its dependents were
// evaluated again; a change that unbalances a bracket across statements is parsed whole.

const URI = 'file:///notes/long.cred';
const COUNT = 300;
const lines = ['set X = {a, b, c}', 'dist p on X = {a: 1/2, b: 1/4, c: 1/4}'];
for (let i = 0; i < COUNT; i++) lines.push(`gamble g${i} on X = (${i}, 0, 1)`);
lines.push('eval lowerE(p, g150)', '');
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

describe('credal/analysisStatus', () => {
    it('reports the note and its versions, a keystroke spliced in and re-evaluating a few statements', async () => {
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'credal',
            version: 1, text: TEXT } });
        await diagnostics.first(0, (codes) => codes.length === 0);
        const opened = await status();
        expect(opened).toMatchObject({ uri: URI, version: 1, statements: COUNT + 3 });

        // A digit inside g150's tuple: only g150 and the eval that reads it are evaluated again.
        await change(2, EDIT_LINE, 'gamble g150 on X = (150'.length, 0, '7');
        const typed = await status();
        expect(typed).toMatchObject({ version: 2, statements: COUNT + 3, lastParse: 'incremental', incrementalParses: 1,
            fullParses: opened.fullParses });
        expect(typed.lastBuildEvaluations).toBeGreaterThan(0);
        expect(typed.lastBuildEvaluations).toBeLessThanOrEqual(4);

        // An opening bracket that the rest of the note cannot close: the whole note is parsed again.
        await change(3, EDIT_LINE, 'gamble g150 on X = '.length, 0, '{');
        const broken = await status();
        expect(broken).toMatchObject({ version: 3, lastParse: 'full', incrementalParses: 1, fullParses: typed.fullParses + 1 });
    }, 120_000);
});
