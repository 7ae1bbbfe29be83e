import { readdirSync } from 'node:fs';
import { beforeAll, describe as group, expect, it } from 'vitest';
import { runCredal } from '../cli/run-cli.js';
import { REPO_ROOT, ensureFreshBundles } from '../support/bundle.js';

// The samples are fixtures: through the real CLI, every one checks clean (information only) with every
// check including the expensive ones, and every assert in it holds.

// Notes and Markdown posts with credal fences (samples/post.md).
const SAMPLES = readdirSync(new URL('../../../samples/', import.meta.url)).filter((name) => /\.(cred|md)$/.test(name)).sort();

interface EvalJson {
    diagnostics: Array<{ severity: string; code: string; message: string; line: number }>;
    results: Array<{ kind: string; line: number; source: string; ok?: boolean; value: { type: string } }>;
}

beforeAll(async () => {
    await ensureFreshBundles();
}, 180_000);

group('samples', () => {
    it('`credal check samples` reports no error and no warning', () => {
        const run = runCredal(['check', 'samples'], REPO_ROOT);
        const serious = run.lines.filter((line) => / (error|warning) [A-Z]-/.test(line));
        expect(serious, run.stdout + run.stderr).toEqual([]);
        expect(run.status).toBe(0);
        expect(run.lines.at(-1)).toBe(`${SAMPLES.length} files, 0 errors, 0 warnings`);
    });

    it.each(SAMPLES)('%s: `credal eval --json` holds every assert and evaluates every eval', (name) => {
        const run = runCredal(['eval', `samples/${name}`, '--json'], REPO_ROOT);
        expect(run.status, run.stderr).toBe(0);
        const json = JSON.parse(run.stdout) as EvalJson;
        expect(json.diagnostics.filter((d) => d.severity !== 'information' && d.severity !== 'info' && d.severity !== 'hint')).toEqual([]);
        const asserts = json.results.filter((r) => r.kind === 'assert');
        expect(asserts.filter((r) => r.ok !== true).map((r) => `${r.line}: ${r.source}`)).toEqual([]);
        expect(json.results.filter((r) => r.value.type === 'error').map((r) => `${r.line}: ${r.source}`)).toEqual([]);
        expect(json.results.length).toBeGreaterThan(0);
    });
});
