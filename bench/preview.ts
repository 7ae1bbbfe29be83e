/**
 * `node scripts/run-bundled.mjs bench/preview.ts [--rounds N] [--file samples/x.cred]`: how long the server takes
 * to answer `credal/preview` (previewOf, the handler's body) for a note, in process:
 * - "no change": the same document version asked again;
 * - after an edit: the note is updated as the editor does (TextDocuments + DocumentBuilder.update, with
 *   the validation of a keystroke), then the preview is asked once. Each round makes a new edit (a new
 *   text never seen before), so no answer can come from an earlier round by accident.
 * Edits: a word typed into the first prose block; a number changed in a declaration that others use
 * (p0, on which most of contamination-vs-tv depends); a new `eval` appended at the end.
 * Prints the median and the range over the rounds, for the update (parse, link, validate) and the preview.
 * The server's block cache is on, as in the server; `--no-cache` renders every block every time.
 * `--evaluate-first`: evaluate every statement after the update (timed apart, as "evaluate"), so the
 * preview time is rendering alone (in the server, validation and the worker evaluate before it asks).
 */
import '../scripts/node20-polyfills.mjs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCredalServices } from '../language-server/src/credal-module.js';
import { isAssert, isDeclaration, isEval } from '../language-server/src/generated/ast.js';
import { previewOf } from '../language-server/src/render/note-renderer.js';
import { BlockHtmlCache } from '../language-server/src/render/preview/block-html-cache.js';
import { EDITS, previewOptions, summary } from './preview-rounds.js';

const args = process.argv.slice(2);
const { rounds, file, original } = previewOptions(args);
const cache = args.includes('--no-cache') ? undefined : new BlockHtmlCache();
const evaluateFirst = args.includes('--evaluate-first');

const { shared, Credal } = createCredalServices(EmptyFileSystem);
const uri = URI.file(path.resolve(file));
let version = 0;

async function setText(text: string): Promise<{ document: LangiumDocument; updateMs: number }> {
    const started = performance.now();
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'credal', ++version, text));
    if (!shared.workspace.LangiumDocuments.hasDocument(uri)) {
        shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(text, uri));
    }
    await shared.workspace.DocumentBuilder.update([uri], []);
    return { document: shared.workspace.LangiumDocuments.getDocument(uri)!, updateMs: performance.now() - started };
}

/** Evaluates every declaration, eval and assert of the note; the time taken. */
function evaluateAll(document: LangiumDocument): number {
    const started = performance.now();
    const evaluator = Credal.evaluation.Evaluator;
    for (const node of AstUtils.streamContents(document.parseResult.value)) {
        if (isDeclaration(node)) evaluator.declarationResult(node);
        else if (isEval(node) || isAssert(node)) evaluator.resultOf(node);
    }
    return performance.now() - started;
}

function timedPreview(document: LangiumDocument): { ms: number; blocks: number; chars: number } {
    const started = performance.now();
    const result = previewOf(Credal, document, undefined, cache);
    const ms = performance.now() - started;
    return { ms, blocks: result.blocks.length, chars: result.blocks.reduce((sum, block) => sum + block.html.length, 0) };
}

const first = await setText(original);
if (evaluateFirst) evaluateAll(first.document);
const cold = timedPreview(first.document);
console.log(`${file}${cache ? '' : ' (no cache)'}: ${cold.blocks} blocks, ${(cold.chars / 1024).toFixed(0)} KB of HTML; first preview ${cold.ms.toFixed(0)} ms (update ${first.updateMs.toFixed(0)} ms)`);

const again: number[] = [];
for (let i = 0; i < rounds; i++) again.push(timedPreview(first.document).ms);
console.log(`no change: preview ${summary(again)}`);

for (const [name, edit] of Object.entries(EDITS)) {
    const updates: number[] = [];
    const evaluations: number[] = [];
    const previews: number[] = [];
    for (let n = 0; n < rounds; n++) {
        const { document, updateMs } = await setText(edit(original, n));
        updates.push(updateMs);
        if (evaluateFirst) evaluations.push(evaluateAll(document));
        previews.push(timedPreview(document).ms);
    }
    console.log(`${name}: preview ${summary(previews)}; update ${summary(updates)}${evaluateFirst ? `; evaluate ${summary(evaluations)}` : ''}`);
}
