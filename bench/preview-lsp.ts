/**
 * `node esbuild.mjs && node scripts/run-bundled.mjs bench/preview-lsp.ts [--rounds N] [--file samples/x.cred]`:
 * `credal/preview` as the panel sees it, over stdio from the bundled server (out/language-server.cjs).
 * - "no change": the same version asked again (the JSON of the whole answer included);
 * - after an edit: didChange, then the preview request right away (the panel asks 80 ms after a
 *   keystroke; the server answers once the new version is validated). The time is from didChange to the
 *   answer; "settled" is until an answer has no pending (background) result left.
 * Each round makes a new text, so nothing comes from an earlier round by accident.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';
import { PreviewRequestMethod, type PreviewParams, type PreviewResult } from '../language-server/src/protocol.js';
import { EDITS, previewOptions, summary } from './preview-rounds.js';

const { rounds, file, original } = previewOptions(process.argv.slice(2));
const uri = pathToFileURL(path.resolve('bench', '.build', path.basename(file))).toString();
const PENDING_TEXT = 'Being computed in the background';

const server = spawn(process.execPath, ['out/language-server.cjs', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout!), new rpc.StreamMessageWriter(server.stdin!));
connection.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.listen();
await connection.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: {} });
await connection.sendNotification(rpc.InitializedNotification.type, {});

let version = 1;
await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'credal', version,
    text: original } });

const ask = (): Promise<PreviewResult> => connection.sendRequest<PreviewResult>(PreviewRequestMethod,
    { textDocument: { uri } } satisfies PreviewParams);
const pending = (result: PreviewResult): number => result.blocks.filter(block => block.html.includes(PENDING_TEXT)).length;

async function settle(): Promise<number> {
    const started = performance.now();
    for (let result = await ask(); pending(result) > 0; result = await ask()) await new Promise(resolve => setTimeout(resolve, 20));
    return performance.now() - started;
}

const firstMs = await settle();
const first = await ask();
console.log(`${file} over LSP: ${first.blocks.length} blocks, ${(JSON.stringify(first).length / 1024).toFixed(0)} KB of JSON; first settled preview ${firstMs.toFixed(0)} ms`);

const again: number[] = [];
for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await ask();
    again.push(performance.now() - started);
}
console.log(`no change: ${summary(again)}`);

for (const [name, edit] of Object.entries(EDITS)) {
    const answered: number[] = [];
    const settled: number[] = [];
    for (let n = 0; n < rounds; n++) {
        const started = performance.now();
        await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version },
            contentChanges: [{ text: edit(original, n) }] });
        const result = await ask();
        answered.push(performance.now() - started);
        if (result.version !== version) throw new Error(`answer for version ${result.version}, expected ${version}`);
        if (pending(result) > 0) await settle();
        settled.push(performance.now() - started);
    }
    console.log(`${name}: answered ${summary(answered)}; settled ${summary(settled)}`);
}

connection.dispose();
server.kill();
