import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, LangiumServices } from 'langium/lsp';
import type { NameProvider } from 'langium';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import {
    isActsClause, isDdtDeclaration, isDecisionDeclaration, isEval, isPoliciesClause, isProse, isSetDeclaration,
    isSetLiteral, type Model
} from '../generated/ast.js';
import { declarationKindOf, KIND_SYMBOL, KIND_WORD } from './declaration-kinds.js';
import { failed } from './guarded.js';

/**
 * The outline: every declaration and named result with its kind, elements under their set, acts and
 * policies under their problem, and the headings of prose blocks (`/*! # Title`) so that a long note
 * can be navigated by its sections.
 */
export class CredalDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly names: NameProvider;

    constructor(services: LangiumServices) {
        this.names = services.references.NameProvider;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        try {
            const model = document.parseResult.value as Model;
            return (model.statements ?? []).flatMap(statement =>
                isProse(statement) ? this.headings(document, statement) : this.symbolOf(document, statement));
        } catch (error) {
            return failed('document symbols', error, []);
        }
    }

    private symbolOf(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const kind = declarationKindOf(node);
        const name = this.names.getName(node);
        const nameNode = this.names.getNameNode(node);
        if (!kind || !name || !node.$cstNode || !nameNode) {
            return [];
        }
        const onText = onClauseText(node);
        return [{
            name,
            kind: KIND_SYMBOL[kind],
            detail: isEval(node) ? 'eval' : `${KIND_WORD[kind]}${onText ? ` on ${onText}` : ''}`,
            range: node.$cstNode.range,
            selectionRange: nameNode.range,
            children: this.childrenOf(document, node)
        }];
    }

    private childrenOf(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const members: AstNode[] = [];
        if (isSetDeclaration(node)) {
            for (const literal of AstUtils.streamAst(node).filter(isSetLiteral)) {
                members.push(...literal.elements);
            }
        } else if (isDecisionDeclaration(node)) {
            members.push(...node.clauses.filter(isActsClause).flatMap(clause => clause.acts));
        } else if (isDdtDeclaration(node)) {
            members.push(...node.clauses.filter(isPoliciesClause).flatMap(clause => clause.policies));
        }
        return members.flatMap(member => this.symbolOf(document, member));
    }

    /** `# Title` lines of a prose block, as string symbols at their own lines. */
    private headings(document: LangiumDocument, prose: AstNode & { text: string }): DocumentSymbol[] {
        const cst = prose.$cstNode;
        if (!cst) {
            return [];
        }
        const symbols: DocumentSymbol[] = [];
        const pattern = /^[ \t]*(?:\/\*!)?[ \t]*(#{1,6})[ \t]+(.+?)[ \t]*(?:\*\/)?[ \t]*$/gm;
        for (const match of cst.text.matchAll(pattern)) {
            const start = cst.offset + (match.index ?? 0);
            const range: Range = {
                start: document.textDocument.positionAt(start),
                end: document.textDocument.positionAt(start + match[0].length)
            };
            symbols.push({ name: match[2], detail: `heading ${match[1].length}`, kind: SymbolKind.String, range, selectionRange: range });
        }
        return symbols;
    }
}

/** The text of an `on X` clause as written, if the declaration has one. */
function onClauseText(node: AstNode): string | undefined {
    const on = (node as { on?: AstNode }).on;
    return on?.$cstNode?.text.replace(/\s+/g, ' ');
}
