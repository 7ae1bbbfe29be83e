import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCredalServices } from '../../src/credal-module.js';
import { generatedNote } from '../../../bench/lsp/generated-note.js';

// Results are kept per statement across edits (evaluation/value-carry.ts): an edit re-evaluates the
// statements it changed and those depending on them, and an edit in prose or a comment nothing at all.
// Counted through the evaluator's computations, not timed.

describe('what an edit re-evaluates', () => {
    let services: ReturnType<typeof createCredalServices>;
    let textDocument: TextDocument;
    let document: LangiumDocument;

    beforeEach(async () => {
        services = createCredalServices(EmptyFileSystem);
        const uri = URI.parse('file:///reevaluation/note.cred');
        textDocument = TextDocument.create(uri.toString(), 'credal', 1, generatedNote(120));
        (services.shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void }).set(textDocument);
        document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument, uri);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], services.shared.workspace.DocumentBuilder.updateBuildOptions);
    });

    /** Inserts `text` after the first occurrence of `after`, rebuilds as on a keystroke, returns the computations it took. */
    async function type(after: string, text: string, clean = true): Promise<number> {
        const offset = textDocument.getText().indexOf(after) + after.length;
        expect(offset).toBeGreaterThanOrEqual(after.length);
        const position = textDocument.positionAt(offset);
        TextDocument.update(textDocument, [{ range: { start: position, end: position }, text }], textDocument.version + 1);
        const evaluator = services.Credal.evaluation.Evaluator;
        const before = evaluator.computations;
        await services.shared.workspace.DocumentBuilder.update([document.uri], []);
        if (clean) expect(document.diagnostics?.filter((d) => d.severity === 1)).toEqual([]);
        return evaluator.computations - before;
    }

    it('a letter typed into a doc comment re-evaluates nothing', async () => {
        expect(await type('/** Our imprecise', 'r')).toBe(0);
    });

    it('a word typed into a prose block re-evaluates nothing', async () => {
        expect(await type('/*! # A generated', ' long')).toBe(0);
    });

    it('a line comment and blank lines added between statements re-evaluate nothing', async () => {
        expect(await type('let x4 = 4/7 + 1', '\n\n// a remark\n')).toBe(0);
    });

    it('a digit typed into a `let` re-evaluates it and what depends on it, nothing else', async () => {
        // `let x14` is used by `let y20` only.
        expect(await type('let x14 = 1', '9')).toBe(2);
    });

    it('an unclosed bracket (the note is parsed whole) re-evaluates only the broken statement and what depends on it', async () => {
        const counts = (services.shared.workspace.LangiumDocumentFactory as unknown as { counts: { full: number; reused: number } }).counts;
        const full = counts.full;
        // `let x14 = 1(4/7 + 1`: the statement no longer parses, so the splice is refused.
        expect(await type('let x14 = 1', '(', false)).toBeLessThanOrEqual(2);
        expect(counts.full).toBe(full + 1);
        expect(counts.reused).toBeGreaterThan(100);
        expect(document.diagnostics?.some((d) => d.severity === 1)).toBe(true);
    });

    /** Closes the note and opens it again with `text` (new nodes throughout), returns the computations the build took. */
    async function reopen(text: string): Promise<number> {
        const workspace = services.shared.workspace;
        await workspace.DocumentBuilder.update([], [document.uri]);
        textDocument = TextDocument.create(document.uri.toString(), 'credal', textDocument.version + 1, text);
        (workspace.TextDocuments as unknown as { set(document: TextDocument): void }).set(textDocument);
        const evaluator = services.Credal.evaluation.Evaluator;
        const before = evaluator.computations;
        document = workspace.LangiumDocumentFactory.fromTextDocument(textDocument, document.uri);
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], workspace.DocumentBuilder.updateBuildOptions);
        return evaluator.computations - before;
    }

    it('a note closed and opened again evaluates nothing: results are kept by text, not by node', async () => {
        const diagnostics = document.diagnostics;
        expect(await reopen(textDocument.getText())).toBe(0);
        expect(document.diagnostics).toEqual(diagnostics);
    });

    it('reopened with one statement changed, it evaluates that statement and what depends on it', async () => {
        expect(await reopen(textDocument.getText().replace('let x14 = 14/7 + 1', 'let x14 = 14/7 + 2'))).toBe(2);
    });

    it('a kept result placed somewhere else reports there: the same statements under a new first line', async () => {
        // A repeated generator: a warning whose quick fix carries a document range (issue-relocation.ts).
        const text = `${textDocument.getText()}credal Dup on S0 = hull{\n    p1, p1 }\n`;
        await reopen(text);
        const moved = `let moved = 1\n${text}`;
        expect(await reopen(moved)).toBe(1);
        const fresh = createCredalServices(EmptyFileSystem);
        const freshDocument = fresh.shared.workspace.LangiumDocumentFactory.fromString(moved, document.uri);
        fresh.shared.workspace.LangiumDocuments.addDocument(freshDocument);
        await fresh.shared.workspace.DocumentBuilder.build([freshDocument], fresh.shared.workspace.DocumentBuilder.updateBuildOptions);
        expect(document.diagnostics).toEqual(freshDocument.diagnostics);
        expect(document.diagnostics!.map((d) => [d.data?.code, d.range.start.line])).toEqual([['W-DUP-GEN', 135]]);
    });
});
