/**
 * The document factory of the language: a changed open document is parsed incrementally, statement by
 * statement (statement-splice.ts), and parsed whole only when the splice is not safe; after a whole parse
 * its unchanged statements take back their old nodes (statement-reuse.ts). Everything else (initial
 * parses, files read from disk) is Langium's default.
 */
import { DefaultLangiumDocumentFactory, DocumentState, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { Emitter, type CancellationToken, type Event } from 'vscode-languageserver';
import { spliceParse } from './statement-splice.js';
import { reuseUnchangedStatements } from './statement-reuse.js';

/**
 * How updates were parsed (read by the tests that check the splice is really used), and how many statements
 * whole parses took back from the previous tree (statement-reuse.ts).
 */
interface ParseCounts { spliced: number; full: number; reused: number }

export class IncrementalDocumentFactory extends DefaultLangiumDocumentFactory {
    readonly counts: ParseCounts = { spliced: 0, full: 0, reused: 0 };
    private readonly parsedEmitter = new Emitter<LangiumDocument>();
    /** Fired after a changed document is parsed again, spliced or whole: caches keyed by nodes must drop answers. */
    readonly onReparsed: Event<LangiumDocument> = this.parsedEmitter.event;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends import('langium').AstNode = import('langium').AstNode>(
        document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        if (oldText !== undefined && textDocument) {
            const text = textDocument.getText();
            if (text !== oldText) {
                const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
                const spliced = spliceParse(document.parseResult, oldText, text, (fragment) => parser.parse(fragment));
                if (spliced) {
                    Object.defineProperty(document, 'textDocument', { value: textDocument, configurable: true });
                    document.parseResult = spliced as typeof document.parseResult;
                    document.state = DocumentState.Parsed;
                    this.counts.spliced++;
                    this.parsedEmitter.fire(document);
                    return document;
                }
            }
        }
        this.counts.full++;
        const previous = document.parseResult;
        const updated = await super.update(document, cancellationToken);
        const newText = updated.parseResult.value.$cstNode?.root.fullText;
        if (oldText !== undefined && newText !== undefined && updated.parseResult !== previous) {
            this.counts.reused += reuseUnchangedStatements(previous, oldText, updated.parseResult, newText);
        }
        this.parsedEmitter.fire(updated);
        return updated;
    }
}
