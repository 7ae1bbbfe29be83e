/**
 * The fuzzing loop shared by `npm run fuzz` and the bounded run in the test suite: random notes and
 * mutated samples go through `exercise`; a failing case is shrunk by fast-check and saved as a
 * regression fixture (test/fixtures/fuzz-regressions/*.cred, replayed by fuzz.test.ts); then the run
 * goes on with the next seed until the requested number of cases has run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createHarness, type Problem } from './exercise.js';
import { loadSamples, mutatedSample } from './mutations.js';
import { randomNote } from './note-arbitraries.js';

export interface FuzzOptions {
    readonly runs: number;
    readonly seed: number;
    /** The repository root (samples/ and the fixture folder are found from it). */
    readonly root: string;
    /** Where shrunk failing cases are written; undefined: not saved. */
    readonly saveTo?: string;
    readonly log?: (line: string) => void;
}

export interface FuzzFailure { readonly text: string; readonly problems: readonly Problem[]; readonly file?: string; readonly seed: number }
export interface FuzzReport { readonly cases: number; readonly failures: readonly FuzzFailure[]; readonly ms: number }

export const FIXTURE_FOLDER = path.join('language-server', 'test', 'fixtures', 'fuzz-regressions');

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const started = performance.now();
    const t0 = started;
    const harness = createHarness();
    const samples = loadSamples(options.root);
    const note = fc.oneof({ weight: 1, arbitrary: randomNote }, { weight: 1, arbitrary: mutatedSample(samples) });
    const offsets = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 });
    let lastProblems: Problem[] = [];
    let cases = 0;
    const property = fc.asyncProperty(note, offsets, async (text, at) => {
        cases++;
        const started = performance.now();
        lastProblems = await harness.exercise(text, at);
        const ms = performance.now() - started;
        if (ms > 5_000) {
            const file = options.saveTo ? save(path.join(options.root, 'out', 'fuzz-slow'), text) : undefined;
            options.log?.(`  slow case: ${Math.round(ms)} ms, ${text.length} chars${file ? ` (${file})` : ''}: ${JSON.stringify(text.slice(0, 100))}`);
        }
        if (cases % 50 === 0) options.log?.(`  ${cases} cases (shrinking runs included), ${Math.round((performance.now() - t0) / 1000)} s`);
        return lastProblems.length === 0;
    });
    const failures: FuzzFailure[] = [];
    let seed = options.seed;
    let remaining = options.runs;
    while (remaining > 0) {
        const casesBefore = cases;
        const details = await fc.check(property, { numRuns: remaining, seed });
        if (!details.failed || !details.counterexample) {
            remaining = 0;
            break;
        }
        const [text, at] = details.counterexample;
        const problems = await harness.exercise(text, at);
        const failure: FuzzFailure = { text, problems: problems.length > 0 ? problems : lastProblems, seed, file: options.saveTo
            ? save(options.saveTo, text) : undefined };
        failures.push(failure);
        options.log?.(`seed ${seed}: failing case (${text.length} chars) after shrinking${failure.file ? `, saved as ${failure.file}` : ''}:\n` +
            failure.problems.map((p) => `  ${p.request} ${p.kind}: ${p.detail.split('\n').slice(0, 4).join(' | ')}`).join('\n'));
        remaining -= details.numRuns;
        seed++;
        // The shrinking runs do not count as cases.
        cases = casesBefore + details.numRuns;
    }
    return { cases: options.runs, failures, ms: performance.now() - started };
}

function save(folder: string, text: string): string {
    mkdirSync(folder, { recursive: true });
    const name = `${createHash('sha256').update(text).digest('hex').slice(0, 12)}.cred`;
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
}
