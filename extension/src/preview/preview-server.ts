// What the preview needs from the language server, behind an interface (the LanguageClient in the
// extension; a stub in tests).
import type { PreviewInvalidatedParams } from '../../../language-server/src/protocol.js';

export interface PreviewServer {
    /** `credal/preview` for a document, by its URI as the editor spells it. */
    requestPreview(uri: string): Promise<unknown>;
}

export type InvalidationListener = (params: PreviewInvalidatedParams) => void;
