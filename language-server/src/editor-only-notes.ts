import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isMarkdownPath } from './markdown/credal-fences.js';

/**
 * Removes a note from the workspace when the editor closes it and nothing on disk stands behind it (an
 * untitled buffer, a file without the .cred extension). Langium keeps closed documents; it finds their
 * services by the open document's language id and, once closed, by file extension, so for such a note the
 * lookup fails and every later build fails with it: no note would get diagnostics any more. A closed
 * Markdown note goes too: its file on disk is Markdown, not the masked note the editor sent.
 */
export function forgetClosedEditorOnlyNotes(shared: LangiumSharedServices): void {
    const { TextDocuments, DocumentBuilder, WorkspaceLock, WorkspaceManager } = shared.workspace;
    TextDocuments.onDidClose(({ document }) => {
        const uri = URI.parse(document.uri);
        // The text document is already gone here, so this asks whether the file extension alone is enough.
        if (shared.ServiceRegistry.hasServices(uri) && !isMarkdownPath(uri.path)) {
            return;
        }
        WorkspaceManager.ready
            .then(() => WorkspaceLock.write(token => DocumentBuilder.update([], [uri], token)))
            .catch(error => console.error(`Credal server: could not forget ${uri.toString()}:`, error));
    });
}
