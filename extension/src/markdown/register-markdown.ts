/**
 * Credal in Markdown files on the VS Code side: the fence renderings for the built-in Markdown preview,
 * fetched with `credal/markdownFences` and refreshed when the server validates the document again.
 */
import { commands, Uri, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    MarkdownFencesRequestMethod, type MarkdownFencesParams, type MarkdownFencesResult
} from '../../../language-server/src/protocol.js';
import { FencePreviews } from './fence-previews.js';

/** VS Code's own command that re-renders every Markdown preview. */
const REFRESH_MARKDOWN_PREVIEW = 'markdown.preview.refresh';

export function registerMarkdownFences(context: ExtensionContext, client: LanguageClient): FencePreviews {
    const previews = new FencePreviews({
        request: async uri => {
            if (!client.isRunning()) return undefined;
            const params: MarkdownFencesParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(Uri.parse(uri)) } };
            return client.sendRequest<MarkdownFencesResult | null>(MarkdownFencesRequestMethod, params);
        },
        versionOf: uri => workspace.textDocuments.find(document => document.uri.toString() === uri)?.version,
        refreshPreviews: () => void commands.executeCommand(REFRESH_MARKDOWN_PREVIEW)
    });
    context.subscriptions.push(workspace.onDidCloseTextDocument(document => previews.forget(document.uri.toString())));
    return previews;
}
