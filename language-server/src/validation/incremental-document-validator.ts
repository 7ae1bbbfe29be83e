/**
 * The checks of each statement's nodes, run again only when the statement was linked again.
 *
 * A check registered for a node inside a statement sees that statement and what its references resolve
 * to; the linker gives a statement a new generation whenever its links may have changed
 * (linking/statement-links.ts), and an edited statement is a new node. So a statement's diagnostics from
 * those checks are kept under (node, generation, categories) and reused while the statement starts at the
 * same line and column: text typed on a line leaves the statements below where they were, while a line
 * added or removed moves them and their checks run again (messages may name lines: "first declared on line 3").
 * Checks on the note itself (duplicate names, cycles, the evaluator's issues, which keeps its own
 * results per statement) run on every validation. A check on a node must therefore not read other
 * statements except through references; one that does belongs on `Model`.
 */
import { AstUtils, interruptAndCheck, type AstNode, type ValidationAcceptor, type ValidationOptions } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { CancellationToken, type Diagnostic, type Position } from 'vscode-languageserver';
import { isModel } from '../generated/ast.js';
import { CredalLinker } from '../linking/credal-linker.js';
import { cstStart } from '../syntax/cst-position.js';
import { CredalDocumentValidator } from './credal-document-validator.js';

/** One statement's diagnostics, and the links and place they were found with. */
interface Kept {
    readonly generation: number;
    readonly at: Position;
    readonly diagnostics: readonly Diagnostic[];
}

export class IncrementalDocumentValidator extends CredalDocumentValidator {
    /** Per statement node: per category list, the diagnostics of its last validation. */
    private readonly kept = new WeakMap<AstNode, Map<string, Kept>>();
    private readonly linker: () => CredalLinker | undefined;

    constructor(services: LangiumServices) {
        super(services);
        // Read once, on first use (the linker is made after this validator); a service lookup costs a little each time.
        let linker: CredalLinker | undefined | null = null;
        this.linker = () => {
            if (linker === null) linker = services.references.Linker instanceof CredalLinker ? services.references.Linker : undefined;
            return linker;
        };
    }

    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken = CancellationToken.None):
        Promise<Diagnostic[]> {
        if (!isModel(rootNode)) return super.validateAst(rootNode, options, cancelToken);
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => { items.push(this.toDiagnostic(severity, message, info)); };
        await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
        for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) {
            await check(rootNode, acceptor, cancelToken);
        }
        // Sorted: a full check and a keystroke list the same cheap categories in different orders.
        const categories = [...(options.categories ?? [])].sort().join(',');
        for (const [index, statement] of rootNode.statements.entries()) {
            // Kept diagnostics are read without a pause; a pause (a chance to cancel) every so many statements.
            if (index % 64 === 0) await interruptAndCheck(cancelToken);
            const kept = this.keptDiagnostics(statement, categories);
            items.push(...kept ?? await this.statementDiagnostics(statement, options, categories, cancelToken));
        }
        await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
        return items;
    }

    /** The statement's kept diagnostics (copies), when its links and place are those they were found with. */
    private keptDiagnostics(statement: AstNode, categories: string): Diagnostic[] | undefined {
        const kept = this.kept.get(statement)?.get(categories);
        if (!kept || kept.generation !== this.linker()?.generationOf(statement)) return undefined;
        const at = cstStart(statement.$cstNode);
        if (!at || kept.at.line !== at.line || kept.at.character !== at.character) return undefined;
        return kept.diagnostics.map((diagnostic) => ({ ...diagnostic }));
    }

    private async statementDiagnostics(statement: AstNode, options: ValidationOptions, categories: string,
        cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const generation = this.linker()?.generationOf(statement);
        const at = cstStart(statement.$cstNode);
        const found: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => { found.push(this.toDiagnostic(severity, message, info)); };
        const nodes = AstUtils.streamAst(statement).iterator();
        for (const node of nodes) {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                const checks = this.validationRegistry.getChecks(node.$type, options.categories);
                for (const check of checks) await check(node, acceptor, cancelToken);
            }
            if (!nodeOptions.validateChildren) nodes.prune();
        }
        if (generation !== undefined && at && !cancelToken.isCancellationRequested) {
            let byCategories = this.kept.get(statement);
            if (!byCategories) this.kept.set(statement, byCategories = new Map());
            byCategories.set(categories, { generation, at: { ...at }, diagnostics: found.map((diagnostic) => ({ ...diagnostic })) });
        }
        return found;
    }
}

