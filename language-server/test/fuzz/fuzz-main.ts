// `npm run fuzz -- --runs N [--seed S] [--no-save]`: the fuzzer as a command (bundled by
// scripts/run-bundled.mjs). Exit code 1 when a case failed; its shrunk text is saved as a fixture.
import '../../../scripts/node20-polyfills.mjs';
import * as path from 'node:path';
import { FIXTURE_FOLDER, runFuzz } from './fuzz-run.js';

function option(name: string): string | undefined {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
}

const replay = option('--replay');
if (replay) {
    // Run one note (e.g. a saved fixture) and print each step's time and any problem.
    const { readFileSync } = await import('node:fs');
    const { createHarness } = await import('./exercise.js');
    const timings = new Map<string, number>();
    const problems = await createHarness().exercise(readFileSync(replay, 'utf8'), [0.25, 0.5, 0.75], timings);
    for (const [request, ms] of timings) console.log(`${request.padEnd(16)} ${ms.toFixed(0).padStart(7)} ms`);
    for (const problem of problems) console.log(`${problem.request} ${problem.kind}: ${problem.detail}`);
    process.exit(problems.length > 0 ? 1 : 0);
}
const runs = Number(option('--runs') ?? 200);
const seed = Number(option('--seed') ?? Date.now() % 1_000_000);
const root = process.cwd();
if (!Number.isSafeInteger(runs) || runs <= 0 || !Number.isSafeInteger(seed)) {
    console.error('usage: npm run fuzz -- --runs N [--seed S] [--no-save]');
    process.exit(2);
}
console.log(`credal fuzz: ${runs} cases, seed ${seed}`);
const report = await runFuzz({
    runs, seed, root,
    saveTo: process.argv.includes('--no-save') ? undefined : path.join(root, FIXTURE_FOLDER),
    log: (line) => console.log(line)
});
console.log(`credal fuzz: ${report.cases} cases in ${(report.ms / 1000).toFixed(1)} s, ${report.failures.length} failing (seed ${seed})`);

// The differential run: many random edits typed into a long-lived server against a fresh one.
const { differentialRun } = await import('./differential.js');
const { generatedNote } = await import('../../../bench/lsp/generated-note.js');
const { readdirSync, readFileSync } = await import('node:fs');
const notes = [
    ...readdirSync(path.join(root, 'samples')).filter((name) => name.endsWith('.cred'))
        .map((name) => ({ name, text: readFileSync(path.join(root, 'samples', name), 'utf8') })),
    { name: 'generated', text: generatedNote(150) }
];
const editsPerNote = Math.max(10, Math.round(runs / 4));
let differentialFailures = 0;
for (const note of notes) {
    const result = await differentialRun(note.text, seed + note.name.length, editsPerNote);
    for (const mismatch of result.mismatches) {
        differentialFailures++;
        console.log(`credal fuzz: differential ${note.name}, edit ${mismatch.step} ${mismatch.edit}: ${mismatch.what} differs from a fresh one`);
    }
}
console.log(`credal fuzz: differential, ${notes.length} notes × ${editsPerNote} edits, ${differentialFailures} mismatches`);
process.exit(report.failures.length > 0 || differentialFailures > 0 ? 1 : 0);
