// The VS Code side: starts the Credal language server and connects it to `credal` documents.
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExportCommands } from './export/export-commands.js';
import { registerPreview } from './preview/register-preview.js';

/** The client id: VS Code reads the `credal.trace.server` setting because of it. */
export const CLIENT_ID = 'credal';
export const CLIENT_NAME = 'Credal Language Server';
/** The bundled server, relative to the extension root (see esbuild.mjs). */
export const SERVER_MODULE = 'out/language-server.cjs';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const module = context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        // Saved notes and new unsaved ones; other schemes (git, diff views, output) are not sent to the server.
        documentSelector: [
            { scheme: 'file', language: 'credal' },
            { scheme: 'untitled', language: 'credal' }
        ]
    };
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    // Before start: the preview serializer must exist when VS Code restores panels (onWebviewPanel activation).
    const previews = registerPreview(context, client);
    registerExportCommands(context, client, () => previews.current()?.resource);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
