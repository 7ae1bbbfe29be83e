import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHarness } from './exercise.js';
import { FIXTURE_FOLDER, runFuzz } from './fuzz-run.js';

// The bounded fuzzing run of the test suite (seeded, so a failure reproduces with
// `npm run fuzz -- --runs 200 --seed 20261126`), and the replay of every case fuzzing ever failed on.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.join(ROOT, FIXTURE_FOLDER);
const SEED = 20261126;
const RUNS = Number(process.env.CREDAL_FUZZ_RUNS ?? 200);

describe('fuzz regressions', () => {
    const harness = createHarness();
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.cred')).sort();

    it.each(files)('%s runs clean through every request', async (name) => {
        const problems = await harness.exercise(readFileSync(path.join(FIXTURES, name), 'utf8'), [0, 0.37, 0.71, 1]);
        expect(problems).toEqual([]);
    }, 60_000);
});

describe('fuzzing', () => {
    it(`${RUNS} random and mutated notes: no exception, every request within its budget`, async () => {
        const report = await runFuzz({ runs: RUNS, seed: SEED, root: ROOT });
        expect(report.failures.map((f) => ({ text: f.text.slice(0, 2000), problems: f.problems }))).toEqual([]);
        expect(report.cases).toBe(RUNS);
    }, 600_000);
});
