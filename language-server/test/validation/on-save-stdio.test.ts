import { afterAll, beforeAll, describe as group, expect, it } from 'vitest';
import {
    CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification,
    type CodeAction, type InitializeResult, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { codes, PublishedDiagnostics, startStdioServer, type StdioServer } from '../support/stdio-server.js';

// The bundled server over stdio, as VS Code drives it: opening and typing give the cheap diagnostics
// only; saving adds the expensive ones (W-NOT-COHERENT, E-ASSERT); they survive edits elsewhere and
// vanish when their declaration is edited. Quick fixes come back for published diagnostics.

const NOTE = 'file:///notes/oil.cred';
const TEXT = [
    'set W = {0, 1, 2}',
    'credal K on W = { P({0}) in [0.5, 0.666], P({1}) in [0.222, 0.272], P({2}) in [0.125, 0.181] }',
    'dist q on W = {0: 1/2, 1: 1/2}',
    'assert lowerP(K, {0}) == 1/2'
].join('\n');

let server: StdioServer;
let connection: ProtocolConnection;
let initialize: InitializeResult;
const publications = new PublishedDiagnostics(NOTE, () => server?.stderr() ?? '');
const published = publications.published;
const publication = (from: number, accept: (codes: string[]) => boolean) => publications.first(from, accept);

beforeAll(async () => {
    server = await startStdioServer({
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {}, synchronization: { didSave: true } } },
        handlers: (client) => publications.listen(client)
    });
    ({ connection, initializeResult: initialize } = server);
}, 180_000);

afterAll(() => server?.stop());

group('validation on save, over stdio', () => {
    it('asks the client for save notifications', () => {
        const sync = initialize.capabilities.textDocumentSync as { save?: unknown };
        expect(sync.save).toBeTruthy();
    });

    it('didOpen publishes the cheap diagnostics only', async () => {
        const before = published.length;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: NOTE, languageId: 'credal',
            version: 1, text: TEXT } });
        await publication(before, (c) => c.includes('I-IMPLICIT-ZERO@3'));
        // Opening may publish more than once (open, then content change); give it time, then look at all.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(published.slice(before).flat().filter((d) => d.code !== 'I-IMPLICIT-ZERO')).toEqual([]);
    });

    it('didSave adds W-NOT-COHERENT and E-ASSERT', async () => {
        const before = published.length;
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: NOTE } });
        const diagnostics = await publication(before, (c) => c.includes('W-NOT-COHERENT@2'));
        expect(codes(diagnostics)).toEqual(['E-ASSERT@4', 'I-IMPLICIT-ZERO@3', 'W-NOT-COHERENT@2']);
        const warning = diagnostics.find((d) => d.code === 'W-NOT-COHERENT')!;
        expect(warning.message).toContain('the other assessments force P({0}) ≥ 547/1000');
    });

    it('a quick fix is offered for the published warning', async () => {
        const warning = published.at(-1)!.find((d) => d.code === 'W-NOT-COHERENT')!;
        const actions = await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: NOTE }, range: warning.range, context: { diagnostics: [warning] }
        }) as CodeAction[];
        expect(actions.map((a) => a.title)).toEqual(['Tighten to the natural extension [547/1000, 653/1000]']);
    });

    it('typing elsewhere keeps them, moved with their text', async () => {
        const before = published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: NOTE, version: 2 }, contentChanges: [{ text: `// a new first line\n${TEXT}` }]
        });
        const after = await publication(before, (c) => c.includes('I-IMPLICIT-ZERO@4'));
        expect(codes(after)).toEqual(['E-ASSERT@5', 'I-IMPLICIT-ZERO@4', 'W-NOT-COHERENT@3']);
    });

    it('editing the assessment drops its warning and the assert that reads it until the next save', async () => {
        const edited = TEXT.replace('[0.5, 0.666]', '[0.547, 0.653]');
        let before = published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: NOTE, version: 3 }, contentChanges: [{ text: edited }]
        });
        expect(codes(await publication(before, (c) => c.includes('I-IMPLICIT-ZERO@3')))).toEqual(['I-IMPLICIT-ZERO@3']);
        before = published.length;
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: NOTE } });
        const saved = await publication(before, (c) => c.includes('E-ASSERT@4'));
        expect(codes(saved)).toEqual(['E-ASSERT@4', 'I-IMPLICIT-ZERO@3']);
        expect(saved.find((d) => d.code === 'E-ASSERT')!.message).toContain('is 547/1000');
    });
});
