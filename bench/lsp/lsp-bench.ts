// `npm run bench:lsp [-- --quick] [--json FILE]`: the language server's costs on generated notes of 100,
// 1,000 and 5,000 declarations, in-process through the same services and build calls the server uses:
// parse only; the full build (parse, link, every validation category, every eval/assert evaluated);
// the rebuild after a one-character edit, as the server does on each keystroke (the touched statements are
// parsed again, what the edit may affect is linked and checked again; evals go to the worker); hover latency; heap;
// the evaluation worker's save job (expensive checks, every eval and assert) for the whole note, then after an edit.
// Bundled and run by scripts/run-bundled.mjs (no TypeScript runtime needed).
import '../../scripts/node20-polyfills.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCredalServices } from '../../language-server/src/credal-module.js';
import { isAssert, isEval, isModel } from '../../language-server/src/generated/ast.js';
import { generatedNote } from './generated-note.js';
import { DEFAULT_SETTINGS } from '../../language-server/src/evaluation/settings.js';
import { JobRunner } from '../../language-server/src/worker/job-runner.js';

interface SizeResult {
    declarations: number; lines: number; parse_ms: number; full_build_ms: number; overhead_ratio: number;
    first_keystroke_ms: number; warm_up_max_ms: number; keystroke_p50_ms: number; keystroke_p95_ms: number; prose_keystroke_p95_ms: number;
    hover_p50_ms: number; hover_p95_ms: number; heap_mb: number;
    /** The worker's save job on the whole note, then after a one-character edit (it keeps the note between saves). */
    worker_save_ms: number; worker_save_after_edit_p50_ms: number;
}

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const jsonAt = argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
const sizesAt = argv.indexOf('--sizes');
const sizes = sizesAt >= 0 ? argv[sizesAt + 1]!.split(',').map(Number) : [100, 1000, 5000];
const keystrokes = quick ? 15 : 40;
const WARM_UP = 5;
const hovers = quick ? 40 : 100;

const percentile = (values: number[], p: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const median = (values: number[]): number => percentile(values, 50);
const round = (ms: number): number => Math.round(ms * 100) / 100;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function measure(declarations: number): Promise<SizeResult> {
    const services = createCredalServices(EmptyFileSystem);
    const { shared, Credal } = services;
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder, TextDocuments } = shared.workspace;
    const text = generatedNote(declarations);
    const lines = text.split('\n').length;

    // Parse only (the parser is warmed up once on the same text).
    const parser = Credal.parser.LangiumParser;
    parser.parse(text);
    const parses: number[] = [];
    for (let k = 0; k < (quick ? 3 : 5); k++) {
        const started = performance.now();
        parser.parse(text);
        parses.push(performance.now() - started);
    }

    // The full build of a fresh document, then every eval and assert (already computed by the 'slow'
    // validation; reading them checks that nothing is left).
    const builds: number[] = [];
    let document: LangiumDocument | undefined;
    for (let k = 0; k < (quick || declarations >= 5000 ? 1 : 2); k++) {
        if (document) await DocumentBuilder.update([], [document.uri]);
        // Results are kept by statement text (evaluation/value-carry.ts): drop them, or a second build of the same text is free.
        Credal.evaluation.Evaluator.updateSettings({});
        const uri = URI.parse(`file:///bench/note-${declarations}-${k}.cred`);
        const textDocument = TextDocument.create(uri.toString(), 'credal', 1, text);
        (TextDocuments as unknown as { set(document: TextDocument): void }).set(textDocument);
        const started = performance.now();
        document = LangiumDocumentFactory.fromTextDocument(textDocument, uri);
        LangiumDocuments.addDocument(document);
        await DocumentBuilder.build([document], { validation: true });
        const model = document.parseResult.value;
        if (isModel(model)) {
            for (const statement of model.statements) {
                if (isEval(statement) || isAssert(statement)) Credal.evaluation.Evaluator.resultOf(statement);
            }
        }
        builds.push(performance.now() - started);
    }
    const errors = document!.diagnostics!.filter((d) => d.severity === 1);
    if (errors.length > 0) throw new Error(`generated note has errors: ${errors.slice(0, 3).map((d) => d.message).join('; ')}`);
    gc();
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

    // Keystrokes: insert or delete one digit in a `let` somewhere in the note, then the server's rebuild.
    // The first WARM_UP of each series run code the full build did not (the incremental paths) for the first
    // time: they are timed apart (`first_keystroke_ms` is the very first), not counted in the percentiles.
    const textDocument = document!.textDocument;
    const typeAt = async (offsets: number[], character: string): Promise<number[]> => {
        const times: number[] = [];
        let inserted: number | undefined;
        for (let k = 0; k < WARM_UP + keystrokes; k++) {
            const edit = inserted === undefined
                ? { range: rangeAt(textDocument, offsets[(k * 7919) % offsets.length]!, 0), text: character }
                : { range: rangeAt(textDocument, inserted, 1), text: '' };
            const at = textDocument.offsetAt(edit.range.start);
            TextDocument.update(textDocument, [edit], textDocument.version + 1);
            const started = performance.now();
            await DocumentBuilder.update([document!.uri], []);
            times.push(performance.now() - started);
            inserted = inserted === undefined ? at : undefined;
        }
        return times;
    };
    const allStrokes = await typeAt([...text.matchAll(/^let x\d+ = \d/gm)].map((m) => m.index! + m[0].length), '1');
    const strokes = allStrokes.slice(WARM_UP);
    // A letter typed into a doc comment: prose, on which no value depends.
    const proseStrokes = (await typeAt([...text.matchAll(/imprecise belief/g)].map((m) => m.index! + 'imprecise'.length), 'r'))
        .slice(WARM_UP);

    // Hover on declared names (values cached by the builds, as in the editor after typing pauses).
    const current = textDocument.getText();
    const names = [...current.matchAll(/^(?:dist|gamble|credal|let|event) (\w+)/gm)].map((m) => m.index! + m[0].length - 1);
    const hover = Credal.lsp.HoverProvider!;
    const hoverTimes: number[] = [];
    for (let k = 0; k < hovers; k++) {
        const position = textDocument.positionAt(names[(k * 104729) % names.length]!);
        const started = performance.now();
        await hover.getHoverContent(document!, { textDocument: { uri: document!.uri.toString() }, position });
        hoverTimes.push(performance.now() - started);
    }

    const saves = await workerSaves(text);
    const parseMs = median(parses);
    const fullMs = median(builds);
    return {
        declarations, lines, parse_ms: round(parseMs), full_build_ms: round(fullMs), overhead_ratio: round(fullMs / parseMs),
        first_keystroke_ms: round(allStrokes[0]!), warm_up_max_ms: round(Math.max(...allStrokes.slice(0, WARM_UP))),
        keystroke_p50_ms: round(median(strokes)), keystroke_p95_ms: round(percentile(strokes, 95)),
        prose_keystroke_p95_ms: round(percentile(proseStrokes, 95)),
        hover_p50_ms: round(median(hoverTimes)), hover_p95_ms: round(percentile(hoverTimes, 95)), heap_mb: Math.round(heapMb),
        worker_save_ms: round(saves.whole), worker_save_after_edit_p50_ms: round(median(saves.edits))
    };
}

/** The worker's save jobs, run in-process: the whole note once, then a digit added to a different `let` before each save. */
async function workerSaves(text: string): Promise<{ whole: number; edits: number[] }> {
    const runner = new JobRunner();
    let version = 0;
    const save = async (note: string): Promise<number> => {
        const result = await runner.run({ id: ++version, uri: 'file:///bench/saved.cred', version, text: note, expensive: true,
            settings: DEFAULT_SETTINGS, cancel: new SharedArrayBuffer(4) });
        if (result.error || result.cancelled) throw new Error(`worker save failed: ${result.error ?? 'cancelled'}`);
        return result.ms;
    };
    const whole = await save(text);
    const edits: number[] = [];
    let note = text;
    for (const match of [...text.matchAll(/^let x\d+ = \d/gm)].slice(0, quick ? 5 : 11)) {
        const at = match.index! + match[0].length + (note.length - text.length);
        note = `${note.slice(0, at)}1${note.slice(at)}`;
        edits.push(await save(note));
    }
    return { whole, edits: edits.slice(1) };
}

function rangeAt(document: TextDocument, offset: number, length: number) {
    return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

console.log(`credal bench:lsp${quick ? ' (quick)' : ''} on ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, node ${process.version}`);
const results: SizeResult[] = [];
for (const size of sizes) {
    const result = await measure(size);
    results.push(result);
    console.log(`${String(size).padStart(5)} declarations (${result.lines} lines): parse ${result.parse_ms} ms, full build ${result.full_build_ms} ms ` +
        `(×${result.overhead_ratio}), first keystroke ${result.first_keystroke_ms} ms (warm-up max ${result.warm_up_max_ms}), ` +
        `keystroke p50 ${result.keystroke_p50_ms} / p95 ${result.keystroke_p95_ms} ms, ` +
        `prose keystroke p95 ${result.prose_keystroke_p95_ms} ms, ` +
        `hover p50 ${result.hover_p50_ms} / p95 ${result.hover_p95_ms} ms, heap ${result.heap_mb} MB, ` +
        `worker save ${result.worker_save_ms} ms whole, p50 ${result.worker_save_after_edit_p50_ms} ms after an edit`);
}
for (const result of results.filter((r) => r.declarations >= 1000)) {
    console.log(`targets at ${result.declarations}: keystroke p95 ≤ 0.1 × full build (${round(0.1 * result.full_build_ms)} ms) and < parse ` +
        `(${result.parse_ms} ms) → ${result.keystroke_p95_ms}; overhead ≤ 3 → ${result.overhead_ratio}; prose keystroke p95 ≤ 0.05 × full ` +
        `build (${round(0.05 * result.full_build_ms)} ms) → ${result.prose_keystroke_p95_ms}; hover p95 ≤ 20 ms → ${result.hover_p95_ms}`);
}
const check = argv.includes('--no-check') ? undefined : checkRow();
if (check) console.log(`credal check on ${check.files} notes: one core ${check.one_core_ms} ms, all ${os.cpus().length} cores ${check.all_cores_ms} ms, ` +
    `ratio ${check.ratio}`);
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ sizes: results, check }, null, 2)}\n`);

/** `credal check` as a process on the samples, 20 copies each, with `--jobs 1` and with one job per core. */
function checkRow(): { files: number; one_core_ms: number; all_cores_ms: number; ratio: number } {
    const bundled = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    if (bundled.status !== 0) throw new Error('npm run bundle failed');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'credal-bench-check-'));
    try {
        const samples = readdirSync('samples').filter((name) => name.endsWith('.cred'));
        for (let copy = 0; copy < 20; copy++) {
            mkdirSync(path.join(folder, `copy-${copy}`));
            for (const name of samples) writeFileSync(path.join(folder, `copy-${copy}`, name), readFileSync(path.join('samples', name)));
        }
        const timed = (jobs: number): number => {
            const started = performance.now();
            const run = spawnSync(process.execPath, ['bin/credal.cjs', 'check', folder, '--jobs', String(jobs)], { encoding: 'utf8' });
            if (run.status !== 0) throw new Error(`credal check failed: ${run.stderr || run.stdout.slice(-500)}`);
            return performance.now() - started;
        };
        const one = timed(1);
        const all = timed(os.cpus().length);
        return { files: samples.length * 20, one_core_ms: Math.round(one), all_cores_ms: Math.round(all), ratio: round(one / all) };
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}
