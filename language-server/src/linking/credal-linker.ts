import {
    AstUtils, Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LinkingError, type ReferenceInfo
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { isModel } from '../generated/ast.js';
import { referencesOf } from './statement-dependencies.js';
import { isLinked, noteBindings, resetLink, statementsToRelink, type LinkState } from './statement-links.js';
import type { SetInference } from './set-inference.js';
import { explainUnresolved } from './unresolved-explanation.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

/**
 * A linking error that knows its diagnostic code and, when there is one, the name it most likely means;
 * `silent` marks an integer that is simply a number.
 */
export interface CredalLinkingError extends LinkingError {
    code?: DiagnosticCode;
    suggestion?: string;
    silent?: boolean;
}

/**
 * Langium's linker with messages a person understands and stable codes (E-UNRESOLVED, E-ELEM-UNKNOWN),
 * linking after an edit only the statements whose links may have changed (statement-links.ts).
 */
export class CredalLinker extends DefaultLinker {
    private readonly inference: () => SetInference;
    /** Per note, what its last complete link saw; absent while a link is under way or was cancelled. */
    private readonly states = new WeakMap<LangiumDocument, LinkState>();
    /** A number per statement that changes whenever the statement is linked again (read by validation caches). */
    private readonly generations = new WeakMap<AstNode, number>();
    private nextGeneration = 1;
    /** How many statements this linker has linked, in all (tests check that an edit links only what it changed). */
    linkedStatements = 0;

    constructor(services: LangiumServices & { linking: { SetInference: SetInference } }) {
        super(services);
        this.inference = () => services.linking.SetInference;
    }

    /** Links are dropped per statement by `link`, which knows which statements the edit left alone. */
    override unlink(document: LangiumDocument): void {
        if (!isModel(document.parseResult.value)) super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const model = document.parseResult.value;
        if (!isModel(model)) return super.link(document, cancelToken);
        const previous = this.states.get(document);
        this.states.delete(document);
        const statements = model.statements as AstNode[];
        const bindings = noteBindings(statements);
        const relink = statementsToRelink(statements, bindings, previous);
        // Reset every stale link first: linking one statement may resolve references of another on the way.
        for (const statement of relink) for (const reference of referencesOf(statement)) resetLink(reference);
        for (const statement of relink) {
            await interruptAndCheck(cancelToken);
            for (const node of AstUtils.streamAst(statement)) {
                AstUtils.streamReferences(node).forEach((info) => this.doLink(info, document));
            }
            this.generations.set(statement, this.nextGeneration++);
            this.linkedStatements++;
        }
        document.references = statements.flatMap((statement) => referencesOf(statement).filter(isLinked));
        this.states.set(document, { statements: new Set(statements), bindings });
    }

    /** Changes whenever `statement` is linked again; the same number means the same links. */
    generationOf(statement: AstNode): number | undefined {
        return this.generations.get(statement);
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error: CredalLinkingError = super.createLinkingError(refInfo, targetDescription);
        try {
            const explanation = explainUnresolved(refInfo, this.inference());
            if (explanation === 'silent') {
                error.silent = true;
                error.message = `\`${refInfo.reference.$refText}\` is a number here, not a reference`;
            } else {
                error.code = explanation.code;
                error.message = explanation.message;
                if (explanation.suggestion) error.suggestion = explanation.suggestion;
            }
        } catch {
            // Keep Langium's message rather than fail linking.
        }
        return error;
    }
}
