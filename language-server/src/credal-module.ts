import { createCompletionParser, createLangiumParser, inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { CredalGeneratedModule, CredalGeneratedSharedModule } from './generated/module.js';
import { CredalLinker } from './linking/credal-linker.js';
import { LazyReferenceIndex } from './linking/lazy-reference-index.js';
import { CredalScopeProvider } from './linking/credal-scope-provider.js';
import { SetInference } from './linking/set-inference.js';
import { LiveAstNodeDescriptionProvider, StatementScopeComputation } from './linking/statement-symbols.js';
import { CredalLexerErrorMessageProvider } from './syntax/lexer-messages.js';
import { CredalParserErrorMessageProvider } from './syntax/parser-messages.js';
import { CredalValueConverter } from './syntax/value-converter.js';
import { IncrementalDocumentFactory } from './syntax/incremental-document-factory.js';
import { guardCompletionParser, guardDocumentParser } from './robustness/guarded-parsers.js';
import { SaveAwareDocumentValidator } from './validation/save-aware-document-validator.js';
import { ValidateOnSaveUpdateHandler } from './validation/validate-on-save.js';
import { CredalCodeActionProvider } from './validation/quick-fixes/credal-code-actions.js';
import { EvaluationValidator } from './validation/evaluation-validator.js';
import { CredalEvaluator } from './evaluation/evaluator.js';
import { revalidateOnSettingsChange } from './validation/settings-revalidation.js';
import { LinkingValidator } from './validation/linking-validator.js';
import { CredalLspModule, type CredalLspAddedServices } from './lsp/lsp-module.js';
import { proseMathChecks } from './render/prose-math-check.js';
import { MarkdownAwareServiceRegistry, MarkdownSkippingWorkspaceManager } from './markdown/markdown-service-registry.js';

/** Services this language adds to Langium's defaults. Later features add their groups here. */
type CredalAddedServices = {
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
        /** Forwards the evaluator's issues: cheap ones as 'fast' checks, expensive ones as 'slow'. */
        EvaluationValidator: EvaluationValidator
    }
    evaluation: {
        /** The one evaluator: AST → engine values, cached per document, budgeted, never throwing. */
        Evaluator: CredalEvaluator
    }
};

export type CredalServices = LangiumServices & CredalAddedServices & CredalLspAddedServices;

const CredalModule: Module<CredalServices, PartialLangiumServices & CredalAddedServices> = {
    parser: {
        // Refuse nesting deeper than the parser's stack allows (robustness/nesting-guard.ts).
        LangiumParser: (services) => guardDocumentParser(createLangiumParser(services)),
        CompletionParser: (services) => guardCompletionParser(createCompletionParser(services)),
        ValueConverter: () => new CredalValueConverter(),
        ParserErrorMessageProvider: () => new CredalParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new CredalLexerErrorMessageProvider()
    },
    references: {
        ScopeProvider: (services) => new CredalScopeProvider(services),
        // Symbols are collected per statement and kept with its node (unchanged statements keep theirs).
        ScopeComputation: (services) => new StatementScopeComputation(services),
        Linker: (services) => new CredalLinker(services)
    },
    linking: {
        SetInference: () => new SetInference()
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new LiveAstNodeDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: (services) => new SaveAwareDocumentValidator(services),
        LinkingValidator: () => new LinkingValidator(),
        EvaluationValidator: (services) => new EvaluationValidator(() => services.evaluation.Evaluator)
    },
    evaluation: {
        Evaluator: (services) => new CredalEvaluator(services)
    },
    lsp: {
        CodeActionProvider: () => new CredalCodeActionProvider()
    }
};

/**
 * Shared services: incremental parsing; the expensive checks run on save (validation/validate-on-save.ts);
 * Markdown files are notes too (markdown/).
 */
const CredalSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    ServiceRegistry: (services) => new MarkdownAwareServiceRegistry(services),
    workspace: {
        // A changed note is re-parsed statement by statement (syntax/statement-splice.ts).
        LangiumDocumentFactory: (services) => new IncrementalDocumentFactory(services),
        // Reference descriptions (find references, rename) are built on first use, not per keystroke.
        IndexManager: (services) => new LazyReferenceIndex(services),
        WorkspaceManager: (services) => new MarkdownSkippingWorkspaceManager(services)
    },
    lsp: {
        DocumentUpdateHandler: (services) => new ValidateOnSaveUpdateHandler(services)
    }
};

/**
 * The shared services and the Credal language services. `context` is `{ ...NodeFileSystem }` (CLI,
 * node tests), `{ connection, ...NodeFileSystem }` (server) or `EmptyFileSystem` (unit tests).
 */
export function createCredalServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Credal: CredalServices } {
    const shared = inject(createDefaultSharedModule(context), CredalGeneratedSharedModule, CredalSharedModule);
    const Credal = inject(createDefaultModule({ shared }), CredalGeneratedModule, CredalModule, CredalLspModule);
    shared.ServiceRegistry.register(Credal);
    const linkingChecks = Credal.validation.LinkingValidator;
    Credal.validation.ValidationRegistry.register(linkingChecks.checks(), linkingChecks);
    const evaluationChecks = Credal.validation.EvaluationValidator;
    Credal.validation.ValidationRegistry.register(evaluationChecks.cheapChecks(), evaluationChecks, 'fast');
    Credal.validation.ValidationRegistry.register(evaluationChecks.expensiveChecks(), evaluationChecks, 'slow');
    Credal.validation.ValidationRegistry.register(proseMathChecks(), undefined, 'fast');
    revalidateOnSettingsChange(shared, Credal.evaluation.Evaluator);
    const factory = shared.workspace.LangiumDocumentFactory;
    if (factory instanceof IncrementalDocumentFactory) factory.onReparsed(() => Credal.linking.SetInference.forget());
    shared.workspace.DocumentBuilder.onUpdate(() => Credal.linking.SetInference.forget());
    if (!context.connection) {
        // Without a client nobody sends `initialized`; configuration reads would otherwise wait forever.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Credal };
}
