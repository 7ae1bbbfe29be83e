import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { CredalServices } from '../credal-module.js';
import { CredalCodeLensProvider } from './code-lenses.js';
import { CredalCompletionProvider } from './completion/credal-completion.js';
import { CredalDocumentSymbolProvider } from './document-symbols.js';
import { CredalFoldingRangeProvider } from './folding-ranges.js';
import { CredalFormatter } from './format/credal-formatter.js';
import { CredalHoverProvider } from './hover/credal-hover.js';
import { CredalInlayHintProvider } from './inlay-hints.js';
import { CredalRenameProvider } from './rename.js';
import { CredalSemanticTokenProvider } from './semantic-tokens.js';
import { CredalSettingsReader } from './settings.js';

/** Editor services this folder adds: the settings reader every provider consults. */
export type CredalLspAddedServices = {
    editor: {
        Settings: CredalSettingsReader
    }
};

/**
 * The editor features of Credal (issue 5): Langium registers none of the formatter, semantic tokens,
 * inlay hints or code lenses by default (LANGIUM-NOTES d17), and the outline, folding and rename
 * defaults do not know the language's kinds.
 */
export const CredalLspModule: Module<CredalServices, PartialLangiumServices & CredalLspAddedServices> = {
    lsp: {
        CodeLensProvider: (services) => new CredalCodeLensProvider(services),
        InlayHintProvider: (services) => new CredalInlayHintProvider(services),
        CompletionProvider: (services) => new CredalCompletionProvider(services),
        DocumentSymbolProvider: (services) => new CredalDocumentSymbolProvider(services),
        FoldingRangeProvider: () => new CredalFoldingRangeProvider(),
        Formatter: (services) => new CredalFormatter(services),
        HoverProvider: (services) => new CredalHoverProvider(services),
        RenameProvider: (services) => new CredalRenameProvider(services),
        SemanticTokenProvider: (services) => new CredalSemanticTokenProvider(services)
    },
    editor: {
        Settings: (services) => new CredalSettingsReader(services.shared.workspace.ConfigurationProvider)
    }
};
