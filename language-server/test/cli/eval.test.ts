import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundles } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// `credal eval --json` as a process on the worked examples of SEMANTICS.md Part C and B-1 (LANGUAGE.md §6).
beforeAll(ensureFreshBundles, 120_000);

const NOTES = fileURLToPath(new URL('../fixtures/notes/', import.meta.url));

interface Output {
    file: string;
    diagnostics: Array<{
        severity: string; code: string; message: string; line: number; column: number; endLine: number; endColumn: number;
    }>;
    results: Array<{ line: number; kind: string; source: string; name?: string | null; ok?: boolean; value: Record<string, unknown> }>;
}

function evalJson(file: string): { status: number | null; output: Output } {
    const run = runCredal(['eval', file, '--json'], NOTES);
    return { status: run.status, output: JSON.parse(run.stdout) as Output };
}

const num = (exact: string) => ({ type: 'number', exact, approx: evalApprox(exact) });
const points = (...rows: string[][]) => ({ type: 'points', points: rows });
const interval = (lower: string, upper: string) => ({ type: 'interval', lower, upper });
const names = (...list: string[]) => ({ type: 'names', names: list });
const bool = (value: boolean) => ({ type: 'boolean', value });

function evalApprox(exact: string): number {
    const [n, d] = exact.split('/');
    return Number(n) / (d === undefined ? 1 : Number(d));
}

/** Every eval's source and JSON value, in file order. */
const EXPECTED: Record<string, Array<[string, unknown]>> = {
    'c02-total-variation.cred': [['tv(p, q)', num('1/3')], ['P(p, {a, b}) - P(q, {a, b})', num('1/3')]],
    'c03-binary-interval.cred': [
        ['vertices(K)', points(['1/4', '3/4'], ['2/3', '1/3'])], ['lowerE(K, f)', num('-1/2')], ['upperE(K, f)', num('1/3')]
    ],
    'c04-vacuous.cred': [
        ['vertices(K)', points(['0', '0', '1'], ['0', '1', '0'], ['1', '0', '0'])], ['lowerE(K, f)', num('-1')], ['upperE(K, f)', num('3')],
        ['lowerP(K, A)', num('0')], ['upperP(K, A)', num('1')]
    ],
    'c05-triangle.cred': [
        ['vertices(K)', points(['1/10', '1/10', '4/5'], ['1/10', '4/5', '1/10'], ['4/5', '1/10', '1/10'])],
        ['lowerP(K, {0, 1})', num('1/5')], ['upperP(K, {0})', num('4/5')], ['lowerE(K, (0, 1, 2))', num('3/10')]
    ],
    'c06-pentagon.cred': [
        ['vertices(K)', points(['0', '1/2', '1/2'], ['0', '1', '0'], ['1/4', '0', '3/4'], ['1/2', '1/2', '0'], ['3/4', '0', '1/4'])],
        ['interval(K, {0})', interval('0', '3/4')], ['interval(K, {1})', interval('0', '1')], ['interval(K, {2})', interval('0', '3/4')],
        ['interval(K, f)', interval('3/2', '5/2')]
    ],
    'c07-probability-intervals.cred': [
        ['vertices(K)', points(['2/5', '2/5', '1/5'], ['1/2', '3/10', '1/5'])], ['lowerE(K, f)', num('2')], ['upperE(K, f)', num('16/5')]
    ],
    'c08-not-coherent.cred': [
        ['isEmpty(K)', bool(false)], ['interval(K, {0})', interval('547/1000', '653/1000')],
        ['interval(K, {1})', interval('111/500', '34/125')], ['interval(K, {2})', interval('1/8', '181/1000')],
        ['vertices(K)', points(['547/1000', '34/125', '181/1000'], ['597/1000', '111/500', '181/1000'], ['603/1000', '34/125', '1/8'],
            ['653/1000', '111/500', '1/8'])]
    ],
    'c09-sure-loss.cred': [['isEmpty(K)', bool(true)]],
    'c10-contamination.cred': [
        ['vertices(K)', points(['9/50', '27/100', '11/20'], ['9/50', '37/100', '9/20'], ['7/25', '27/100', '9/20'])],
        ['lowerP(K, {0})', num('9/50')], ['lowerP(K, {1})', num('27/100')], ['lowerP(K, {2})', num('9/20')],
        ['lowerE(K, f)', num('163/100')], ['upperE(K, f)', num('183/100')]
    ],
    'c11-tv-vs-contamination.cred': [
        ['interval(Ball, {0})', interval('2/5', '3/5')], ['interval(Cont, {0})', interval('9/20', '11/20')],
        ['vertices(B)', points(['1/4', '1/3', '5/12'], ['1/4', '7/12', '1/6'], ['5/12', '7/12', '0'], ['1/2', '1/12', '5/12'], ['3/4',
            '1/12', '1/6'], ['3/4', '1/4', '0'])],
        ['E(p0, f)', num('5/6')], ['lowerE(B, f)', num('1/4')], ['upperE(B, f)', num('19/12')], ['lowerP(B, {a})', num('1/4')]
    ],
    'c12-generalized-bayes.cred': [
        ['lowerP(K, B)', num('27/50')], ['lowerE(KB, f)', num('29/32')], ['upperE(KB, f)', num('79/32')], ['lowerE(K, f)', num('-1/2')],
        ['lowerE(K | {1, 3}, (-5, -5, 5, 5))', num('29/23')]
    ],
    'b01-newcomb.cred': [
        ['choose(Newcomb)', names('one')], ['value(Newcomb, one)', num('1000000')], ['value(Newcomb, two)', num('1000')],
        ['choose(NewcombN)', names('one')], ['value(NewcombN, one)', num('1000000')], ['value(NewcombN, two)', num('1000')],
        ['choose(Cartesian, maximin)', names('two')], ['value(Cartesian, one, maximin)', num('0')], ['value(Cartesian, two, maximin)',
            num('1000')]
    ]
};

describe('credal eval --json on SEMANTICS C-2…C-12 and B-1', () => {
    it.each(Object.keys(EXPECTED))('%s', (file) => {
        const { status, output } = evalJson(file);
        expect(output.file).toBe(file);
        const evals = output.results.filter(r => r.kind === 'eval');
        expect(evals.map(r => [r.source, r.value])).toEqual(EXPECTED[file]);
        expect(evals.every(r => r.name === null)).toBe(true);
        const asserts = output.results.filter(r => r.kind === 'assert');
        expect(asserts.filter(r => r.ok !== true)).toEqual([]);
        const errors = output.diagnostics.filter(d => d.severity === 'error');
        expect(status).toBe(errors.length > 0 ? 1 : 0);
    });

    it('C-1: E-DIST-SUM with the exact deficit, E-DIST-NEG at t and the mass above 1 named; exit 1', () => {
        const { status, output } = evalJson('c01-validating-distributions.cred');
        expect(status).toBe(1);
        expect(output.diagnostics.map(d => [d.code, d.line, d.column, d.message])).toEqual([
            ['E-DIST-SUM', 6, 16, 'sums to 9/10; 1/10 missing'],
            ['E-DIST-NEG', 7, 20, 'mass 6/5 at h exceeds 1'],
            ['E-DIST-NEG', 7, 25, 'negative mass -1/5 at t']
        ]);
        expect(output.diagnostics[2]).toMatchObject({ severity: 'error', endLine: 7, endColumn: 29 });
        expect(output.results.map(r => [r.line, r.kind, r.source, r.ok ?? null, r.value])).toEqual([
            [9, 'eval', 'P(p1, {a, b})', null, num('1/2')],
            [10, 'assert', '0.1 + 0.2 == 0.3', true, num('3/10')],
            [11, 'assert', 'P(p1, all) == 1', true, num('1')]
        ]);
    });

    it('C-8: W-NOT-COHERENT on P({0}) with the tight values', () => {
        const { status, output } = evalJson('c08-not-coherent.cred');
        expect(status).toBe(0);
        expect(output.diagnostics).toEqual([{
            severity: 'warning', code: 'W-NOT-COHERENT', line: 4, column: 3, endLine: 4, endColumn: 25,
            message: 'lower bound 1/2 is never attained: the other assessments force P({0}) ≥ 547/1000; upper bound 333/500 is never attained: the other assessments force P({0}) ≤ 653/1000'
        }]);
    });

    it('C-9: E-EMPTY with the Dutch book in words; exit 1', () => {
        const { status, output } = evalJson('c09-sure-loss.cred');
        expect(status).toBe(1);
        expect(output.diagnostics.map(d => [d.code, d.line, d.column, d.message])).toEqual([[
            'E-EMPTY', 3, 8,
            'K is empty: the assessments incur sure loss. Accepting 1 × (E[(1, 2, 3, 0)] ≥ 5/2) and 1 × (E[(3, 2, 1, 0)] ≥ 5/2) yields the gamble (-1, -1, -1, -5), which loses in every outcome (a Dutch book)'
        ]]);
    });
});

describe('credal eval output and exit codes', () => {
    it('prints one human line per result, asserts with ✓ / ✗ and the actual value', () => {
        const run = runCredal(['eval', 'failing-assert.cred'], NOTES);
        expect(run.status).toBe(1);
        expect(run.lines).toEqual([
            'failing-assert.cred:4: half = 1/2 = 1/2',
            'failing-assert.cred:5: ✓ half < 1',
            'failing-assert.cred:6: ✗ half == 1/3  (left side 1/2, right side 1/3 ≈ 0.3333)',
            'failing-assert.cred:7: ✗ isPrecise(K)  (actual: false)',
            'failing-assert.cred:6:8: error E-ASSERT the claim is false: `half` is 1/2, and `1/3` is 1/3 ≈ 0.3333',
            'failing-assert.cred:7:8: error E-ASSERT the claim is false: `isPrecise(K)` is false',
            '1 evals, 3 asserts (2 failed), 2 errors, 0 warnings'
        ]);
    });

    it('JSON for a named eval and asserts', () => {
        const { status, output } = evalJson('failing-assert.cred');
        expect(status).toBe(1);
        expect(output.results).toEqual([
            { line: 4, kind: 'eval', source: '1/2', name: 'half', value: num('1/2') },
            { line: 5, kind: 'assert', source: 'half < 1', ok: true, value: num('1/2') },
            { line: 6, kind: 'assert', source: 'half == 1/3', ok: false, value: num('1/2') },
            { line: 7, kind: 'assert', source: 'isPrecise(K)', ok: false, value: bool(false) }
        ]);
    });

    it('exits 2 on usage errors and unreadable input', () => {
        expect(runCredal(['eval'], NOTES).status).toBe(2);
        expect(runCredal(['eval', 'a.cred', 'b.cred'], NOTES).status).toBe(2);
        expect(runCredal(['eval', 'missing.cred'], NOTES).status).toBe(2);
        expect(runCredal(['eval', '.'], NOTES).status).toBe(2);
    });
});

describe('credal check runs full validation', () => {
    it('reports the expensive E-EMPTY and W-NOT-COHERENT', () => {
        const run = runCredal(['check', 'c09-sure-loss.cred', 'c08-not-coherent.cred'], NOTES);
        expect(run.status).toBe(1);
        expect(run.lines.some(line => line.startsWith('c09-sure-loss.cred:3:8: error E-EMPTY'))).toBe(true);
        expect(run.lines.some(line => line.startsWith('c08-not-coherent.cred:4:3: warning W-NOT-COHERENT'))).toBe(true);
    });
});
