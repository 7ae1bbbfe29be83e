import type { Connection, TextDocumentItem } from 'vscode-languageserver';
import { withVisibleCode } from './diagnostics/diagnostic-code.js';

// Adjustments to the LSP connection, made before Langium registers its handlers on it.

interface CredalDocumentKind {
    languageId: string;
    fileExtensions: readonly string[];
}

/** A document is ours if the client calls it Credal, or, whatever the client calls it, it is a `.cred` file. */
export function isCredalDocument(item: Pick<TextDocumentItem, 'uri' | 'languageId'>, kind: CredalDocumentKind): boolean {
    if (item.languageId === kind.languageId) {
        return true;
    }
    const path = item.uri.replace(/[?#].*$/, '').toLowerCase();
    return kind.fileExtensions.some(extension => path.endsWith(extension.toLowerCase()));
}

/**
 * Drops `didOpen` for documents of other languages before Langium sees them. Langium would otherwise add
 * them to the workspace, fail to find services for them on every build, and stop building Credal notes
 * too. Change, save and close notifications need no filter: Langium ignores them for documents it never
 * saw opened. Must run before `startLanguageServer`, which registers the handler.
 */
export function ignoreForeignDocuments(connection: Connection, kind: CredalDocumentKind): void {
    const registerOpenHandler = connection.onDidOpenTextDocument.bind(connection);
    connection.onDidOpenTextDocument = handler => registerOpenHandler((params) => {
        if (isCredalDocument(params.textDocument, kind)) {
            return handler(params);
        }
    });
}

/** Publishes every diagnostic with its stable code in `Diagnostic.code`, where the Problems view shows it. */
export function publishCodes(connection: Connection): void {
    const sendDiagnostics = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => sendDiagnostics({ ...params, diagnostics: params.diagnostics.map(withVisibleCode) });
}
