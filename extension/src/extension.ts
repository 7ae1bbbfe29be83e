// The VS Code side: starts the Credal language server and connects it to `credal` documents.
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExportCommands } from './export/export-commands.js';
import { credalFencePlugin } from './markdown/markdown-it-plugin.js';
import { registerMarkdownFences } from './markdown/register-markdown.js';
import { registerPreview } from './preview/register-preview.js';
import { PREVIEW_COMMANDS } from './preview/preview-ids.js';
import { registerNoteCommands } from './notes/note-commands.js';
import { registerAnalysisStatusCommand } from './status/analysis-status-command.js';
import { NOTE_COMMANDS } from './notes/note-ids.js';
import type { MarkdownIt } from 'markdown-it';

/** The client id: VS Code reads the `credal.trace.server` setting because of it. */
export const CLIENT_ID = 'credal';
export const CLIENT_NAME = 'Credal Language Server';
/** The bundled server, relative to the extension root (see esbuild.mjs). */
export const SERVER_MODULE = 'out/language-server.cjs';

/** The only commands a hover's Markdown may run. */
const TRUSTED_HOVER_COMMANDS: readonly string[] = [NOTE_COMMANDS.openReference, PREVIEW_COMMANDS.showTreeRule];

let client: LanguageClient | undefined;

/** What `activate` returns: the markdown-it plugin of VS Code's Markdown preview (`markdown.markdownItPlugins`). */
interface CredalExtensionApi {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export async function activate(context: ExtensionContext): Promise<CredalExtensionApi> {
    const module = context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        // Saved notes and new unsaved ones; other schemes (git, diff views, output) are not sent to the server.
        // Markdown files too: their ```credal fences are a note, and the server answers nothing outside them.
        documentSelector: [
            { scheme: 'file', language: 'credal' },
            { scheme: 'untitled', language: 'credal' },
            { scheme: 'file', language: 'markdown' },
            { scheme: 'untitled', language: 'markdown' }
        ],
        // Hovers link to the language reference (keywords) and to a tree's rule in the preview: these two commands only.
        markdown: { isTrusted: { enabledCommands: [...TRUSTED_HOVER_COMMANDS] }, supportHtml: false }
    };
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    // Before start: the preview serializer must exist when VS Code restores panels (onWebviewPanel activation).
    const fences = registerMarkdownFences(context, client);
    const previews = registerPreview(context, client, uri => fences.invalidated(uri));
    registerExportCommands(context, client, () => previews.current()?.resource);
    registerNoteCommands(context);
    registerAnalysisStatusCommand(context, client);
    // The Markdown preview may load the plugin before the server is up: fences show a placeholder until then.
    const api: CredalExtensionApi = { extendMarkdownIt: credalFencePlugin(fences) };
    await client.start();
    return api;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
