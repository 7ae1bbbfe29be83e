// How long `textDocument/documentSymbol` takes on its own and while a hostile note's preview renders, and
// which of the two answers first. Usage: npm run bench:hostile -- <note.cred> (the bundled server in out/).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, DidOpenTextDocumentNotification, DocumentSymbolRequest, InitializedNotification, InitializeRequest,
    StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

const file = path.resolve(process.argv[2] ?? '');
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).toString();
const server = spawn(process.execPath, [path.resolve('out/language-server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
connection.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.listen();
await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
await connection.sendNotification(InitializedNotification.type, {});
await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'credal', version: 1, text } });

const timed = async <T>(label: string, request: () => Promise<T>, order: string[]): Promise<number> => {
    const started = performance.now();
    await request();
    order.push(label);
    return performance.now() - started;
};
const symbols = () => connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
const warm: string[] = [];
const alone = await timed('symbols', symbols, warm);
const order: string[] = [];
const [preview, during] = await Promise.all([
    timed('preview', () => connection.sendRequest('credal/preview', { textDocument: { uri } }), order),
    timed('symbols', symbols, order)
]);
console.log(`documentSymbol alone: ${alone.toFixed(0)} ms; preview: ${preview.toFixed(0)} ms; documentSymbol during the preview: ${during.toFixed(0)} ms; answered first: ${order[0]}`);
connection.dispose();
server.kill();
