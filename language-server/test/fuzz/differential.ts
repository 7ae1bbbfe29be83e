/**
 * The differential guarantee of incremental analysis: a note typed into one long-lived server
 * (incremental parsing, results carried across versions) answers exactly as a fresh server given the
 * same text. After every random edit, the diagnostics, hovers, inlay hints and preview blocks of both
 * are compared. Used by the test suite (a few edits per sample) and by `npm run fuzz` (many more).
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken } from 'vscode-languageserver';
import { createCredalServices, type CredalServices } from '../../src/credal-module.js';
import { previewOf } from '../../src/render/note-renderer.js';
import { applyEdit, randomEdit, seededRandom, type TextEdit } from '../support/random-edits.js';

type Services = ReturnType<typeof createCredalServices>;

export interface DifferentialReport {
    readonly mismatches: Mismatch[];
    /** How many edits the long-lived server parsed by splicing statements rather than whole. */
    readonly spliced: number;
}

export interface Mismatch {
    readonly step: number; readonly edit: string; readonly what: string; readonly incremental: unknown; readonly fresh: unknown
}

/** Evaluation budgets that keep each step short; both servers get the same. */
const SETTINGS = { credal: { evaluation: { timeoutMs: 4_000, maxSteps: 400_000 } } };

function services(): Services {
    const created = createCredalServices(EmptyFileSystem);
    created.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: SETTINGS });
    return created;
}

/** What a client sees of a note: diagnostics, hovers at `offsets`, inlay hints, preview blocks. */
async function observe(credal: CredalServices, document: LangiumDocument, offsets: readonly number[]): Promise<Record<string, unknown>> {
    const textDocument = document.textDocument;
    const id = { uri: document.uri.toString() };
    const token = CancellationToken.None;
    const hovers: unknown[] = [];
    for (const offset of offsets) {
        const position = textDocument.positionAt(Math.min(offset, textDocument.getText().length));
        hovers.push(await credal.lsp.HoverProvider?.getHoverContent(document, { textDocument: id, position }, token));
    }
    const whole = { start: { line: 0, character: 0 }, end: textDocument.positionAt(textDocument.getText().length) };
    const hints = await credal.lsp.InlayHintProvider?.getInlayHints(document, { textDocument: id, range: whole }, token);
    const { title, blocks } = previewOf(credal, document, token);
    const preview = { title, blocks };
    return { diagnostics: document.diagnostics ?? [], hovers, hints, preview };
}

/**
 * Types `edits` random edits into `text` on a long-lived server and compares it after each with a
 * fresh server on the same text; returns the differences found (none when the guarantee holds).
 */
export async function differentialRun(text: string, seed: number, edits: number): Promise<DifferentialReport> {
    const random = seededRandom(seed);
    const hoverAt = (current: string): number[] => Array.from({ length: 4 }, () => Math.floor(random() * (current.length + 1)));
    return compareAfterEdits(text, seed, edits, (current) => randomEdit(current, random), hoverAt);
}

/**
 * The same comparison after each of the given edits, in order (each against the text the previous ones
 * left), with hovers on every name of the note.
 */
export async function scriptedRun(text: string, edits: readonly TextEdit[]): Promise<DifferentialReport> {
    const hoverAt = (current: string): number[] => [...current.matchAll(/\b[A-Za-z_]\w*/g)].map((match) => match.index! + 1);
    return compareAfterEdits(text, 1, edits.length, (_current, step) => edits[step]!, hoverAt);
}

async function compareAfterEdits(text: string, seed: number, edits: number, nextEdit: (current: string, step: number) => TextEdit,
    hoverAt: (current: string) => number[]): Promise<DifferentialReport> {
    const incremental = services();
    const uri = URI.parse(`file:///differential/note-${seed}.cred`);
    const textDocument = TextDocument.create(uri.toString(), 'credal', 1, text);
    const documents = incremental.shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void };
    documents.set(textDocument);
    const document = incremental.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument, uri);
    incremental.shared.workspace.LangiumDocuments.addDocument(document);
    await incremental.shared.workspace.DocumentBuilder.build([document], incremental.shared.workspace.DocumentBuilder.updateBuildOptions);
    const fresh = services();
    const mismatches: Mismatch[] = [];
    let current = text;
    for (let step = 0; step < edits && mismatches.length === 0; step++) {
        const edit = nextEdit(current, step);
        current = applyEdit(current, edit);
        TextDocument.update(textDocument, [{
            range: { start: textDocument.positionAt(edit.offset), end: textDocument.positionAt(edit.offset + edit.length) }, text: edit.text
        }], textDocument.version + 1);
        await incremental.shared.workspace.DocumentBuilder.update([uri], []);
        const offsets = hoverAt(current);
        const seen = await observe(incremental.Credal, document, offsets);
        const expected = await observeFresh(fresh, uri, current, offsets);
        for (const what of Object.keys(expected)) {
            if (JSON.stringify(seen[what]) !== JSON.stringify(expected[what])) {
                mismatches.push({ step, edit: JSON.stringify(edit).slice(0, 300), what, incremental: seen[what], fresh: expected[what] });
            }
        }
    }
    const counts = (incremental.shared.workspace.LangiumDocumentFactory as unknown as { counts?: { spliced: number } }).counts;
    return { mismatches, spliced: counts?.spliced ?? 0 };
}

async function observeFresh(fresh: Services, uri: URI, text: string, offsets: readonly number[]): Promise<Record<string, unknown>> {
    const workspace = fresh.shared.workspace;
    if (workspace.LangiumDocuments.hasDocument(uri)) await workspace.DocumentBuilder.update([], [uri]);
    const document = workspace.LangiumDocumentFactory.fromTextDocument(TextDocument.create(uri.toString(), 'credal', 1, text), uri);
    workspace.LangiumDocuments.addDocument(document);
    await workspace.DocumentBuilder.build([document], workspace.DocumentBuilder.updateBuildOptions);
    return observe(fresh.Credal, document, offsets);
}
