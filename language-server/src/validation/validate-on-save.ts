import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Runs the expensive checks when a note is saved. Langium validates only the cheap categories on a change
 * ('built-in', 'fast'); a save rebuilds the saved note with every category, which the diagnostics handler
 * then publishes. It goes through the workspace write lock like every update, so the next keystroke
 * cancels a save-time validation still in progress (its budget honours the cancellation): typing never
 * waits for an LP. Declaring `didSaveDocument` also makes the server ask the client for save notifications.
 */
export class ValidateOnSaveUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const { LangiumDocuments, DocumentBuilder, WorkspaceLock, WorkspaceManager } = this.shared.workspace;
        WorkspaceManager.ready
            .then(() => WorkspaceLock.write(async (token) => {
                // Finish what an interrupted update left undone (cheap checks), then the full run on this note.
                await DocumentBuilder.update([], [], token);
                const document = LangiumDocuments.getDocument(uri);
                if (document && this.shared.ServiceRegistry.hasServices(uri)) {
                    await DocumentBuilder.build([document], { validation: true }, token);
                }
            }))
            .catch((error) => console.error(`Credal server: validation on save of ${uri.toString()} failed:`, error));
    }
}
