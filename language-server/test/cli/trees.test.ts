import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureFreshBundles } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// Decision trees (LANGUAGE.md §9) through `credal` as a process: every new diagnostic, the queries,
// and the three samples' exact answers.
beforeAll(ensureFreshBundles, 120_000);

interface JsonDiagnostic { severity: string; code: string; message: string; line: number; column: number }
interface JsonResult { line: number; kind: string; source: string; ok?: boolean; value: { type: string; names?: string[]; exact?: string; code?: string; message?: string } }
interface JsonReport { diagnostics: JsonDiagnostic[]; results: JsonResult[] }

function evalJson(file: string, cwd?: string): JsonReport {
    const run = runCredal(['eval', file, '--json'], cwd);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as JsonReport;
}
const codesAt = (report: JsonReport): string[] => report.diagnostics.map(d => `${d.line}:${d.column} ${d.code}`);

describe('E-TREE-PARTITION', () => {
    let report: JsonReport;
    beforeAll(() => { report = evalJson('trees/partition.cred'); });
    it('is raised at each bad observe node and nowhere else', () => {
        expect(codesAt(report)).toEqual(['11:12 E-TREE-PARTITION', '21:12 E-TREE-PARTITION', '29:13 E-TREE-PARTITION']);
    });
    it('names the elements missing and those covered twice', () => {
        const [missing, twice, inner] = report.diagnostics.map(d => d.message);
        expect(missing).toContain('(closed, soak), (closed, wet), (closed, dry) are in no branch');
        expect(twice).toContain('(noStructure, dry), (open, dry) are in no branch');
        expect(twice).toContain('(noStructure, soak), (open, soak), (closed, soak) are in more than one branch');
        // Only the event reaching the inner node counts: (closed, dry) lies outside it.
        expect(inner).toBe('the branches of this observe node must partition the event reaching it: (open, wet) is in no branch');
    });
    it('makes check exit 1', () => {
        const run = runCredal(['check', 'trees/partition.cred']);
        expect(run.status).toBe(1);
        expect(run.lines.at(-1)).toBe('1 files, 3 errors, 0 warnings');
    });
});

describe('names and factors', () => {
    let report: JsonReport;
    beforeAll(() => { report = evalJson('trees/names.cred'); });
    it('clashing strategy names are E-DUP-NAME; observe on a non-factor is E-TYPE; a misspelt strategy is E-UNRESOLVED', () => {
        expect(codesAt(report)).toEqual(['6:6 E-DUP-NAME', '16:27 E-TYPE', '27:11 E-UNRESOLVED']);
        expect(report.diagnostics[0]!.message).toContain('both named `a_b_c`');
        expect(report.diagnostics[1]!.message).toContain('use `observe { event: … }` instead');
        expect(report.diagnostics[2]!.message).toContain('did you mean `look_bet_pass`?');
    });
    it('strategy names work in set literals', () => {
        const claim = report.results.find(r => r.kind === 'assert')!;
        expect(claim.ok).toBe(true);
        expect(claim.value.names).toEqual(['look_bet_bet', 'look_bet_pass']);
    });
});

describe('budget', () => {
    it('a tree past the strategy budget is E-BUDGET on each query, counted without enumerating', () => {
        const report = evalJson('trees/budget.cred');
        expect(report.results.map(r => r.value.code)).toEqual(['E-BUDGET', 'E-BUDGET']);
        expect(report.results[0]!.value.message).toContain('32768 strategies');
    });
});

describe('samples', () => {
    it.each(['samples/oil-wildcatter.cred', 'samples/lake-district.cred', 'samples/hedging-tree.cred'])('%s: every assert holds, no errors', (file) => {
        const report = evalJson(file, REPO_ROOT);
        expect(report.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        const asserts = report.results.filter(r => r.kind === 'assert');
        expect(asserts.length).toBeGreaterThan(2);
        expect(asserts.filter(r => !r.ok).map(r => r.source)).toEqual([]);
    });
    it('the hedging tree lists its strategies sorted, as names', () => {
        const report = evalJson('samples/hedging-tree.cred', REPO_ROOT);
        expect(report.results[0]!.value).toEqual({ type: 'names', names: ['play_bet_bet', 'play_bet_pass', 'play_pass_bet', 'play_pass_pass'] });
    });
});
