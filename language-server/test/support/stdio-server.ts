import { spawn, type ChildProcess } from 'node:child_process';
import {
    createProtocolConnection, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, StreamMessageReader,
    StreamMessageWriter, type ClientCapabilities, type Diagnostic, type InitializeResult, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, SERVER_BUNDLE, ensureFreshBundles } from './bundle.js';

// The bundled language server as VS Code starts it (node out/language-server.cjs --stdio), initialized
// over JSON-RPC with no editor. Process tests start it here and drive `connection` themselves.

export interface StdioServerOptions {
    /** What the client says it supports in `initialize` (none by default). */
    capabilities?: ClientCapabilities;
    /** Extra environment variables for the server process. */
    env?: Record<string, string>;
    /** Each chunk the server writes to stderr, from the first one on. */
    onStderr?: (chunk: string) => void;
    /**
     * Client-side handlers, registered before the connection listens so nothing sent early is lost.
     * They may replace the defaults, which answer configuration with nulls and accept registrations.
     */
    handlers?: (connection: ProtocolConnection) => void;
}

export interface StdioServer {
    process: ChildProcess;
    connection: ProtocolConnection;
    initializeResult: InitializeResult;
    /** Everything the server has written to stderr so far. */
    stderr(): string;
    /** Closes the connection and kills the server if it is still running. */
    stop(): void;
}

export async function startStdioServer(options: StdioServerOptions = {}): Promise<StdioServer> {
    await ensureFreshBundles();
    const server = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], {
        cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {})
    });
    let stderr = '';
    server.stderr!.on('data', (chunk) => {
        stderr += String(chunk);
        options.onStderr?.(String(chunk));
    });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    options.handlers?.(connection);
    connection.listen();
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: options.capabilities ?? {}
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return {
        process: server,
        connection,
        initializeResult,
        stderr: () => stderr,
        stop: () => {
            connection.dispose();
            if (server.exitCode === null) server.kill();
        }
    };
}

/** A diagnostic as the stdio tests compare them: its code and 1-based line, e.g. `E-ASSERT@4`. */
export const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

/** Every diagnostics publication for one document, in arrival order, with a way to wait for one. */
export class PublishedDiagnostics {
    readonly published: Diagnostic[][] = [];
    private readonly listeners: Array<() => void> = [];

    constructor(private readonly uri: string, private readonly stderr: () => string = () => '') {}

    /** Records this document's publications on `connection` (call from `handlers`). */
    listen(connection: ProtocolConnection): void {
        connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
            if (params.uri !== this.uri) return;
            this.published.push(params.diagnostics);
            this.listeners.forEach((listener) => listener());
        });
    }

    /** The first publication from index `from` on whose codes satisfy `accept`. */
    first(from: number, accept: (codes: string[]) => boolean, timeoutMs = 30_000): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const check = () => {
                const found = this.published.slice(from).find((diagnostics) => accept(codes(diagnostics)));
                if (!found) return;
                clearTimeout(timer);
                this.listeners.splice(this.listeners.indexOf(check), 1);
                resolve(found);
            };
            const timer = setTimeout(() => {
                this.listeners.splice(this.listeners.indexOf(check), 1);
                reject(new Error(`no matching diagnostics; published: ${JSON.stringify(this.published.slice(from).map(codes))}; stderr: ${this.stderr()}`));
            }, timeoutMs);
            this.listeners.push(check);
            check();
        });
    }
}
