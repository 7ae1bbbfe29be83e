import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { createCredalServices } from '../../src/credal-module.js';
import type { Model } from '../../src/generated/ast.js';

/** Services as the server creates them, plus helpers to parse a note and change the `credal` settings. */
export function lspTestKit() {
    const services = createCredalServices(EmptyFileSystem);
    const parse = parseHelper<Model>(services.Credal);
    let counter = 0;
    /** A fully built (linked, indexed, validated) document. */
    const build = async (text: string, name?: string): Promise<LangiumDocument<Model>> => {
        const uri = URI.parse(`file:///lsp-test/${name ?? `note${++counter}`}.cred`);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return document;
    };
    return {
        services,
        credal: services.Credal,
        parse,
        build,
        /** The hover's Markdown at `needle` (see offsetOf) in a note built from `text`; '' when there is none. */
        async hover(text: string, needle: string, shift = 0, occurrence = 0): Promise<string> {
            const document = await build(text);
            const position = document.textDocument.positionAt(offsetOf(text, needle, shift, occurrence));
            const result = await services.Credal.lsp.HoverProvider!.getHoverContent(document,
                { textDocument: { uri: document.uri.toString() }, position });
            return (result?.contents as { value?: string } | undefined)?.value ?? '';
        },
        /** Replaces the `credal` settings section, as a client's didChangeConfiguration would. */
        configure(settings: Record<string, unknown>): void {
            services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { credal: settings } });
        },
        clear: () => clearDocuments(services.shared)
    };
}

/** The offset of the n-th occurrence (0-based) of `needle` in `text`, plus `shift`. */
export function offsetOf(text: string, needle: string, shift = 0, occurrence = 0): number {
    let index = -1;
    for (let k = 0; k <= occurrence; k++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) {
            throw new Error(`\`${needle}\` not found ${occurrence + 1} times`);
        }
    }
    return index + shift;
}
