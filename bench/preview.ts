/**
 * `node bench/run.mjs bench/preview.ts [--rounds N] [--file samples/x.cred]`: how long the server takes
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
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCredalServices } from '../language-server/src/credal-module.js';
import { isAssert, isDeclaration, isEval } from '../language-server/src/generated/ast.js';
import { previewOf } from '../language-server/src/render/note-renderer.js';
import { BlockHtmlCache } from '../language-server/src/render/preview/block-html-cache.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
};
const rounds = Number(option('--rounds') ?? 7);
const file = option('--file') ?? 'samples/contamination-vs-tv.cred';
const original = readFileSync(file, 'utf8');
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

/** The n-th edit of each kind: always a text this run has not rendered before. */
const EDITS: Record<string, (text: string, n: number) => string> = {
    'prose word': (text, n) => text.replace('has two standard neighbourhoods', `has two standard neighbourhoods${' x'.repeat(n + 1)}`),
    'declaration used by others (p0)': (text, n) => text.replace('dist p0 on Three = {a: 1/2, b: 1/3, c: 1/6}', `dist p0 on Three = {a: 1/2, b: ${n + 1}/${3 * n + 4}, c: rest}`),
    'eval appended at the end': (text, n) => `${text}\neval lowerE(C, (${n}, 1, 2))\n`
};

function summary(values: number[]): string {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    return `median ${median.toFixed(0)} ms (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)})`;
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
