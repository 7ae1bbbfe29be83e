import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { CredalGeneratedModule, CredalGeneratedSharedModule } from './generated/module.js';
import { CredalLinker } from './linking/credal-linker.js';
import { CredalScopeProvider } from './linking/credal-scope-provider.js';
import { SetInference } from './linking/set-inference.js';
import { CredalLexerErrorMessageProvider } from './syntax/lexer-messages.js';
import { CredalParserErrorMessageProvider } from './syntax/parser-messages.js';
import { CredalValueConverter } from './syntax/value-converter.js';
import { CredalDocumentValidator } from './validation/credal-document-validator.js';
import { LinkingValidator } from './validation/linking-validator.js';

/** Services this language adds to Langium's defaults. Later features add their groups here. */
export type CredalAddedServices = {
    parser: {
        ValueConverter: CredalValueConverter
        ParserErrorMessageProvider: CredalParserErrorMessageProvider
        LexerErrorMessageProvider: CredalLexerErrorMessageProvider
    }
    linking: {
        /** "What set does this live on?" — shared by linking and the evaluator. */
        SetInference: SetInference
    }
    validation: {
        LinkingValidator: LinkingValidator
    }
};

export type CredalServices = LangiumServices & CredalAddedServices;

export const CredalModule: Module<CredalServices, PartialLangiumServices & CredalAddedServices> = {
    parser: {
        ValueConverter: () => new CredalValueConverter(),
        ParserErrorMessageProvider: () => new CredalParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new CredalLexerErrorMessageProvider()
    },
    references: {
        ScopeProvider: (services) => new CredalScopeProvider(services),
        Linker: (services) => new CredalLinker(services)
    },
    linking: {
        SetInference: () => new SetInference()
    },
    validation: {
        DocumentValidator: (services) => new CredalDocumentValidator(services),
        LinkingValidator: () => new LinkingValidator()
    }
};

/**
 * The shared services and the Credal language services. `context` is `{ ...NodeFileSystem }` (CLI,
 * node tests), `{ connection, ...NodeFileSystem }` (server) or `EmptyFileSystem` (unit tests).
 */
export function createCredalServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Credal: CredalServices } {
    const shared = inject(createDefaultSharedModule(context), CredalGeneratedSharedModule);
    const Credal = inject(createDefaultModule({ shared }), CredalGeneratedModule, CredalModule);
    shared.ServiceRegistry.register(Credal);
    const linkingChecks = Credal.validation.LinkingValidator;
    Credal.validation.ValidationRegistry.register(linkingChecks.checks(), linkingChecks);
    if (!context.connection) {
        // Without a client nobody sends `initialized`; configuration reads would otherwise wait forever.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Credal };
}
