import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification,
    DocumentSymbolRequest, HoverRequest, InlayHintRequest, PublishDiagnosticsNotification,
    type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { startStdioServer, type StdioServer } from '../support/stdio-server.js';

// The bundled server over stdio with its evaluation worker (CREDAL_TRACE_WORKER=1 makes it log each
// job to stderr): heavy evaluation runs in the worker while requests are answered, a newer version
// cancels the older job, results arrive for the right version; hostile bytes and foreign documents
// do not take the server down.

const HEAVY = 'file:///robustness/heavy.cred';
// 200 elements, 100 pair constraints: vertex enumeration explodes (stopped by the time budget below);
// lowerE is one LP with an exact answer.
const pairs = Array.from({ length: 100 }, (_, k) => `P({${2 * k + 1}, ${2 * k + 2}}) <= 3/200`).join(',\n  ');
const HEAVY_TEXT = `set S = {1 .. 200}\ncredal K on S = {\n  ${pairs}\n}\n` +
    `gamble f on S = (${Array.from({ length: 200 }, (_, i) => i + 1).join(', ')})\n` +
    'eval vertices(K)\neval lowerE(K, f)\nassert lowerE(K, f) == 1\n';
const BUDGET_MS = 4000;
const lineOf = (prefix: string) => HEAVY_TEXT.split('\n').findIndex((line) => line.startsWith(prefix));

let stdio: StdioServer;
let connection: ProtocolConnection;
const trace: { at: number; line: string }[] = [];
const published = new Map<string, PublishDiagnosticsParams[]>();
let inlayRefreshes = 0;

beforeAll(async () => {
    stdio = await startStdioServer({
        env: { CREDAL_TRACE_WORKER: '1' },
        onStderr: (chunk) => {
            for (const line of chunk.split('\n')) {
                if (line.startsWith('Credal worker trace: ')) trace.push({ at: performance.now(), line: line.slice(21) });
            }
        },
        handlers: (client) => {
            client.onNotification(PublishDiagnosticsNotification.type, (params) => {
                published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
            });
            client.onRequest('workspace/configuration', (params: { items?: { section?: string }[] }) =>
                (params.items ?? []).map((item) => (item.section === 'credal' ? { evaluation: { timeoutMs: BUDGET_MS, maxSteps: 1e12 } }
                    : null)));
            client.onRequest('workspace/inlayHint/refresh', () => { inlayRefreshes++; return null; });
            client.onRequest('workspace/codeLens/refresh', () => null);
        },
        capabilities: {
            workspace: { configuration: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
            textDocument: { publishDiagnostics: {}, synchronization: { didSave: true } }
        }
    });
    connection = stdio.connection;
}, 120_000);

afterAll(() => stdio?.stop());

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
        const value = probe();
        if (value !== undefined && value !== false) return value;
        if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; trace: ${trace.map((t) => t.line).join(' / ')}; stderr: ${stdio.stderr().slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

const traced = (pattern: RegExp, after = 0) => trace.find((t) => t.at >= after && pattern.test(t.line));
const jobId = (line: string) => Number(/^job (\d+)/.exec(line)![1]);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

describe('heavy evaluation in the worker', () => {
    it('answers hover, completion and symbols while the worker computes', async () => {
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: HEAVY, languageId: 'credal',
            version: 1, text: HEAVY_TEXT } });
        const posted = await waitFor('a values job for version 1', () => traced(/^job \d+ posted: file:\/\/\/robustness\/heavy\.cred v1$/));
        const id = jobId(posted.line);
        // On the gamble: a hover on K itself would enumerate K's vertices for the hover's own picture
        // (up to the hover's 2 s fact budget, on the main thread: see docs/performance.md).
        const position = { line: lineOf('gamble'), character: 'gamble '.length };
        const started = performance.now();
        const [hover, completion, symbols] = await Promise.all([
            connection.sendRequest(HoverRequest.type, { textDocument: { uri: HEAVY }, position }),
            connection.sendRequest(CompletionRequest.type, { textDocument: { uri: HEAVY }, position: { line: lineOf('eval lowerE'),
                character: 'eval '.length } }),
            connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: HEAVY } })
        ]);
        const answeredAt = performance.now();
        // Every answer came while the job was still running: nothing waited for the enumeration.
        expect(traced(new RegExp(`^job ${id} (finished|stopped)`))).toBeUndefined();
        expect(answeredAt - started).toBeLessThan(BUDGET_MS);
        expect(JSON.stringify(hover)).toContain('gamble');
        expect(completion).toBeTruthy();
        expect(Array.isArray(symbols) && symbols.length).toBeGreaterThan(0);
    }, 60_000);

    it('cancels the job of an older version when the note changes', async () => {
        const running = trace.filter((t) => /posted: .*heavy\.cred v1$/.test(t.line)).at(-1)!;
        const id = jobId(running.line);
        const changedAt = performance.now();
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: HEAVY, version: 2 },
            contentChanges: [{ text: HEAVY_TEXT.replace('assert lowerE(K, f) == 1', 'assert lowerE(K, f) == 2') }]
        });
        await waitFor('the cancellation', () => traced(new RegExp(`^job ${id} cancelled$`), changedAt));
        const stopped = await waitFor('the old job to stop', () => traced(new RegExp(`^job ${id} stopped after its cancellation`)));
        // The worker noticed the flag between two steps of the enumeration, long before its budget ran out.
        expect(stopped.at - changedAt).toBeLessThan(BUDGET_MS);
        await waitFor('a job for version 2', () => traced(/posted: .*heavy\.cred v2$/, changedAt));
    }, 60_000);

    it('on save, publishes the worker\'s expensive diagnostics for that version, and shows the values', async () => {
        const savedAt = performance.now();
        await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: HEAVY } });
        await waitFor('an expensive job', () => traced(/posted: .*heavy\.cred v2 \(expensive\)$/, savedAt));
        // While the save's validation waits for the worker, requests are answered.
        const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: HEAVY } });
        expect(Array.isArray(symbols)).toBe(true);
        const diagnostics = await waitFor('the expensive diagnostics', () => {
            const latest = published.get(HEAVY)?.at(-1)?.diagnostics;
            return latest && codes(latest).includes('E-ASSERT') ? latest : undefined;
        }, 60_000);
        const assertion = diagnostics.find((d) => d.code === 'E-ASSERT')!;
        expect(assertion.message).toMatch(/6667\/100/);
        expect(assertion.range.start.line).toBe(lineOf('assert'));
        expect(codes(diagnostics).some((c) => c === 'E-BUDGET' || c === 'I-ENUM-LIMIT')).toBe(true);
        expect(inlayRefreshes).toBeGreaterThan(0);
        const hints = await connection.sendRequest(InlayHintRequest.type, {
            textDocument: { uri: HEAVY }, range: { start: { line: 0, character: 0 }, end: { line: lineOf('assert') + 1, character: 0 } }
        });
        expect(hints?.map((hint) => String(hint.label)).some((label) => /^= (6667\/100|66\.67)/.test(label))).toBe(true);
    }, 90_000);
});

describe('hostile input over the wire', () => {
    it('survives invalid UTF-8 bytes inside a didOpen message', async () => {
        const uri = 'file:///robustness/bytes.cred';
        const body = JSON.stringify({
            jsonrpc: '2.0', method: 'textDocument/didOpen',
            params: { textDocument: { uri, languageId: 'credal', version: 1, text: 'set Coin = {heads, tails}\nlet x = @@BAD@@\n' } }
        });
        const [before, after] = body.split('@@BAD@@');
        const bytes = Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
            Buffer.from(after!, 'utf8')]);
        stdio.process.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
        const diagnostics = await waitFor('diagnostics of the note with bad bytes', () => published.get(uri)?.at(-1)?.diagnostics);
        expect(codes(diagnostics)).toContain('E-SYNTAX');
        const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        expect(Array.isArray(symbols)).toBe(true);
    }, 30_000);

    it('ignores a large document of another language and keeps serving', async () => {
        const uri = 'file:///robustness/script.py';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'python', version: 1, text: 'def f(x):\n    return ((((x))))\n'.repeat(50_000) }
        });
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 4 } })
            .catch((error: Error) => error);
        expect(hover === null || hover instanceof Error).toBe(true);
        const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: HEAVY } });
        expect(Array.isArray(symbols)).toBe(true);
        expect(published.has(uri)).toBe(false);
        expect(stdio.process.exitCode).toBeNull();
        expect(stdio.stderr()).not.toMatch(/uncaught|unhandled/i);
    }, 30_000);
});
