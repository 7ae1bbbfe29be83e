import { TextDocument } from 'langium';
import type { Connection, Disposable, Position, TextDocumentItem } from 'vscode-languageserver';
import { credalFences, isFenceContentLine, isMarkdownPath, maskMarkdown, type CredalFence } from './credal-fences.js';
import { MARKDOWN_LANGUAGE_ID } from './markdown-service-registry.js';

/** The Markdown documents the editor has open: their real text and their credal fences. */
class MarkdownSources {
    private readonly documents = new Map<string, { source: TextDocument; fences: CredalFence[] }>();

    /** The credal fences of an open Markdown document, or undefined when `uri` is not one. */
    fencesOf(uri: string): readonly CredalFence[] | undefined {
        return this.documents.get(uri)?.fences;
    }

    /** Whether a request at `position` must be answered with nothing: it is in a Markdown file, outside its fences. */
    isOutsideFences(uri: string, position: Position): boolean {
        const fences = this.fencesOf(uri);
        return fences !== undefined && !isFenceContentLine(fences, position.line);
    }

    /** The Markdown text of an open Markdown document (Langium holds the masked note). */
    sourceOf(uri: string): string | undefined {
        return this.documents.get(uri)?.source.getText();
    }

    isMarkdown(uri: string): boolean {
        return this.documents.has(uri);
    }

    open(item: TextDocumentItem): string {
        return this.store(TextDocument.create(item.uri, item.languageId, item.version, item.text));
    }

    change(uri: string, version: number, changes: Parameters<typeof TextDocument.update>[1]): string | undefined {
        const known = this.documents.get(uri);
        return known ? this.store(TextDocument.update(known.source, changes, version)) : undefined;
    }

    close(uri: string): void {
        this.documents.delete(uri);
    }

    /** Remembers the real text and returns the masked one. */
    private store(source: TextDocument): string {
        const text = source.getText();
        const fences = credalFences(text);
        this.documents.set(source.uri, { source, fences });
        return maskMarkdown(text, fences);
    }
}

/** A Markdown document as the editor names it: the Markdown language id, or a .md/.markdown file. */
function isMarkdownDocument(item: Pick<TextDocumentItem, 'uri' | 'languageId'>): boolean {
    return item.languageId === MARKDOWN_LANGUAGE_ID || isMarkdownPath(item.uri);
}

/**
 * Serves the credal fences of Markdown documents as notes. Langium only ever sees the masked text
 * (credal-fences.ts) under the Credal language id, so parse, link, validation and every feature work
 * unchanged at Markdown-file positions; requests at positions outside the fences, and whole-document
 * features Markdown owns (formatting, outline, folding), get no answer. Must run before
 * `ignoreForeignDocuments` (a handler wrapped earlier runs first) and before `startLanguageServer`,
 * which registers the handlers it wraps.
 */
export function serveMarkdownNotes(connection: Connection, credalLanguageId: string): MarkdownSources {
    const sources = new MarkdownSources();
    const registerOpen = connection.onDidOpenTextDocument.bind(connection);
    connection.onDidOpenTextDocument = handler => registerOpen(params => {
        const item = params.textDocument;
        if (!isMarkdownDocument(item) || item.languageId === credalLanguageId) return handler(params);
        const text = sources.open(item);
        return handler({ textDocument: { ...item, languageId: credalLanguageId, text } });
    });
    const registerChange = connection.onDidChangeTextDocument.bind(connection);
    connection.onDidChangeTextDocument = handler => registerChange(params => {
        const { uri, version } = params.textDocument;
        const text = sources.change(uri, version, params.contentChanges);
        return handler(text === undefined ? params : { textDocument: { uri, version }, contentChanges: [{ text }] });
    });
    const registerClose = connection.onDidCloseTextDocument.bind(connection);
    connection.onDidCloseTextDocument = handler => registerClose(params => {
        sources.close(params.textDocument.uri);
        return handler(params);
    });
    gateRequests(connection, sources);
    return sources;
}

type AtPosition = { textDocument: { uri: string }; position: Position };
type InDocument = { textDocument: { uri: string } };

function gateRequests(connection: Connection, sources: MarkdownSources): void {
    const outside = (params: AtPosition) => sources.isOutsideFences(params.textDocument.uri, params.position);
    const markdown = (params: InDocument) => sources.isMarkdown(params.textDocument.uri);
    connection.onHover = gate(connection.onHover.bind(connection), outside);
    connection.onCompletion = gate(connection.onCompletion.bind(connection), outside);
    connection.onSignatureHelp = gate(connection.onSignatureHelp.bind(connection), outside);
    connection.onDefinition = gate(connection.onDefinition.bind(connection), outside);
    connection.onDeclaration = gate(connection.onDeclaration.bind(connection), outside);
    connection.onTypeDefinition = gate(connection.onTypeDefinition.bind(connection), outside);
    connection.onImplementation = gate(connection.onImplementation.bind(connection), outside);
    connection.onReferences = gate(connection.onReferences.bind(connection), outside);
    connection.onDocumentHighlight = gate(connection.onDocumentHighlight.bind(connection), outside);
    connection.onPrepareRename = gate(connection.onPrepareRename.bind(connection), outside);
    connection.onRenameRequest = gate(connection.onRenameRequest.bind(connection), outside);
    connection.onDocumentFormatting = gate(connection.onDocumentFormatting.bind(connection), markdown);
    connection.onDocumentRangeFormatting = gate(connection.onDocumentRangeFormatting.bind(connection), markdown);
    connection.onDocumentOnTypeFormatting = gate(connection.onDocumentOnTypeFormatting.bind(connection), markdown);
    connection.onDocumentSymbol = gate(connection.onDocumentSymbol.bind(connection), markdown);
    connection.onFoldingRanges = gate(connection.onFoldingRanges.bind(connection), markdown);
    connection.onDocumentLinks = gate(connection.onDocumentLinks.bind(connection), markdown);
}

/** A handler registration whose handler answers null (LSP's "nothing here") when `blocked` says so. */
function gate<P, R, Rest extends unknown[]>(
    register: (handler: (params: P, ...rest: Rest) => R) => Disposable,
    blocked: (params: P) => boolean
): (handler: (params: P, ...rest: Rest) => R) => Disposable {
    return handler => register((params, ...rest) => (blocked(params) ? null as R : handler(params, ...rest)));
}
