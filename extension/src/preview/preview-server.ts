// What the preview needs from the language server, behind an interface (the LanguageClient in the
// extension; a stub in tests).

export interface PreviewServer {
    /** `credal/preview` for a document, by its URI as the editor spells it. */
    requestPreview(uri: string): Promise<unknown>;
}
