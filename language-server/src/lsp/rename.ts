import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import {
    ResponseError, ErrorCodes, type PrepareRenameParams, type RenameParams, type WorkspaceEdit, type Range
} from 'vscode-languageserver';
import { isAct, isElement, isPolicy, type Model } from '../generated/ast.js';
import { actsOf } from '../linking/credal-scope-provider.js';
import { CredalTerminals } from '../generated/ast.js';
import { declarationKindOf, KIND_WORD } from './declaration-kinds.js';
import { isKeywordWord, isNameKeyword } from './keywords.js';
import { failed } from './guarded.js';

/**
 * Rename for declarations, elements, acts and policies (declaration and every reference, integer
 * element names included). prepareRename refuses anything that is not a name the user declared:
 * keywords, builtin functions and rules, numbers. A new name is checked before any edit: it must be a
 * name the grammar reads back as the same kind of token and must not collide with another name in
 * the same scope. A refusal reaches the user as the rename request's error message (LSP's way).
 */
export class CredalRenameProvider extends DefaultRenameProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        try {
            return this.targetAt(document, params.position) ? this.renameNodeRange(document, params.position) : undefined;
        } catch (error) {
            return failed('rename', error, undefined);
        }
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        let target: AstNode | undefined;
        try {
            target = this.targetAt(document, params.position);
        } catch (error) {
            return failed('rename', error, undefined);
        }
        if (!target) {
            return undefined;
        }
        const problem = renameProblem(target, params.newName, document.parseResult.value as Model);
        if (problem) {
            throw new ResponseError(ErrorCodes.InvalidParams, problem);
        }
        try {
            return await super.rename(document, params);
        } catch (error) {
            return failed('rename', error, undefined);
        }
    }

    /** The declared node whose name, or a reference to which, is at the position. */
    private targetAt(document: LangiumDocument, position: { line: number; character: number }): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf) {
            return undefined;
        }
        const declarations = this.references.findDeclarations(leaf);
        const target = declarations[0] ?? (this.isNameNode(leaf) ? leaf.astNode : undefined);
        return declarationKindOf(target) ? target : undefined;
    }
}

const ID = new RegExp(`^(?:${CredalTerminals.ID.source})$`, 'u');
const INTEGER = /^(?:0|[1-9][0-9]*)$/;

/** Why `newName` cannot replace the name of `target`, or undefined when it can. */
function renameProblem(target: AstNode, newName: string, model: Model): string | undefined {
    const kind = declarationKindOf(target)!;
    const oldName = nameOf(target);
    if (newName === oldName) {
        return undefined;
    }
    const integerElement = isElement(target) && INTEGER.test(newName);
    if (!integerElement && !ID.test(newName)) {
        return isElement(target)
            ? `\`${newName}\` is not a valid element name: use letters, digits, _ and ' (starting with a letter or _), or a non-negative integer.`
            : `\`${newName}\` is not a valid name: use letters (Greek too), digits, _ and ' , starting with a letter or _.`;
    }
    if (isKeywordWord(newName) && !isNameKeyword(newName)) {
        return `\`${newName}\` is a keyword of Credal and cannot be used as a name.`;
    }
    const clash = siblingsOf(target, model).find(node => node !== target && nameOf(node) === newName);
    if (clash) {
        const clashKind = declarationKindOf(clash);
        return `\`${newName}\` is already the name of ${clashKind ? `the ${KIND_WORD[clashKind]}` : 'another declaration'} in this ${scopeWord(kind)}.`;
    }
    return undefined;
}

/** The names that share a scope with `target`: the set's elements, the problem's acts, or the file's declarations. */
function siblingsOf(target: AstNode, model: Model): AstNode[] {
    if (isElement(target)) {
        return [...target.$container.elements];
    }
    if (isAct(target) || isPolicy(target)) {
        return actsOf(target.$container.$container);
    }
    return (model.statements ?? []).filter(statement => nameOf(statement) !== '');
}

function scopeWord(kind: ReturnType<typeof declarationKindOf>): string {
    switch (kind) {
        case 'element': return 'set';
        case 'act': case 'policy': return 'problem';
        default: return 'note';
    }
}

function nameOf(node: AstNode): string {
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' ? name : '';
}
