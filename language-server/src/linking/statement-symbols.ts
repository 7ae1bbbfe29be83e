/**
 * A note's symbols (the names its statements declare), computed per statement and kept with the
 * statement's node. An unchanged statement keeps its node across edits (syntax/statement-splice.ts), so a
 * keystroke collects the symbols of the statements it re-parsed only, not of every node of the note.
 *
 * Descriptions read their position (`path`, `selectionSegment`, `nameSegment`) from the node when asked:
 * a kept node moves when text before it changes, and a position taken when it was first seen would go stale.
 */
import {
    AstUtils, DefaultAstNodeDescriptionProvider, DefaultScopeComputation, stream,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type Stream
} from 'langium';
import { CstUtils } from 'langium';
import { isModel } from '../generated/ast.js';

/** Descriptions made once per node and name, whose positions are always the node's current ones. */
export class LiveAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    private readonly made = new WeakMap<AstNode, AstNodeDescription>();

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const uri = (document ?? AstUtils.getDocument(node)).uri;
        const named = name ?? this.nameProvider.getName(node);
        const kept = this.made.get(node);
        if (kept && kept.name === named && kept.documentUri.toString() === uri.toString()) return kept;
        if (!named) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        const locator = this.astNodeLocator;
        const names = this.nameProvider;
        const description: AstNodeDescription = {
            node,
            name: named,
            type: node.$type,
            documentUri: uri,
            get path() { return locator.getAstNodePath(node); },
            get nameSegment() { return CstUtils.toDocumentSegment(names.getNameNode(node) ?? node.$cstNode); },
            get selectionSegment() { return CstUtils.toDocumentSegment(node.$cstNode); }
        };
        this.made.set(node, description);
        return description;
    }
}

/** What one statement contributes: its own description (when named) and its nested names by container. */
interface StatementEntry { own: AstNodeDescription | undefined; nested: Map<AstNode, AstNodeDescription[]> }

/** The note's symbols: the statements' names under the note, nested names under their containers. */
class NoteSymbols implements LocalSymbols {
    constructor(private readonly model: AstNode, private readonly top: AstNodeDescription[],
        private readonly nested: Map<AstNode, AstNodeDescription[]>) {}

    has(node: AstNode): boolean {
        return node === this.model ? this.top.length > 0 : this.nested.has(node);
    }

    getStream(node: AstNode): Stream<AstNodeDescription> {
        return stream(node === this.model ? this.top : this.nested.get(node) ?? []);
    }
}

/** Langium's scope computation (same symbols, same order), with each statement's part kept per node. */
export class StatementScopeComputation extends DefaultScopeComputation {
    private readonly entries = new WeakMap<AstNode, StatementEntry>();

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        if (!isModel(root)) return super.collectExportedSymbols(document);
        return root.statements.flatMap((statement) => this.entryOf(statement, document).own ?? []);
    }

    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        if (!isModel(root)) return super.collectLocalSymbols(document);
        const top: AstNodeDescription[] = [];
        const nested = new Map<AstNode, AstNodeDescription[]>();
        for (const statement of root.statements) {
            const entry = this.entryOf(statement, document);
            if (entry.own) top.push(entry.own);
            for (const [container, descriptions] of entry.nested) nested.set(container, descriptions);
        }
        return new NoteSymbols(root, top, nested);
    }

    private entryOf(statement: AstNode, document: LangiumDocument): StatementEntry {
        let entry = this.entries.get(statement);
        if (entry) return entry;
        const nested = new Map<AstNode, AstNodeDescription[]>();
        for (const node of AstUtils.streamAllContents(statement)) {
            const name = this.nameProvider.getName(node);
            if (!name || !node.$container) continue;
            const descriptions = nested.get(node.$container);
            const description = this.descriptions.createDescription(node, name, document);
            if (descriptions) descriptions.push(description);
            else nested.set(node.$container, [description]);
        }
        const name = this.nameProvider.getName(statement);
        entry = { own: name ? this.descriptions.createDescription(statement, name, document) : undefined, nested };
        this.entries.set(statement, entry);
        return entry;
    }
}
