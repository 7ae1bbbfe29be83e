import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureFreshBundles } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// `credal check` as a process, on real files; see LANGUAGE.md §6 for the contract.
beforeAll(ensureFreshBundles, 120_000);

const DIAGNOSTIC_LINE = /^(?<path>[^:]+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|info|hint) (?<code>[A-Z]-[A-Z0-9-]+) (?<message>.+)$/;

describe('credal check on clean notes', () => {
    it('exits 0 with no errors or warnings for clean files', () => {
        const run = runCredal(['check', 'good/coin.cred', 'good/die.cred']);
        expect(run.stderr).toBe('');
        expect(run.lines.filter(line => / (error|warning) /.test(line))).toEqual([]);
        expect(run.lines.at(-1)).toBe('2 files, 0 errors, 0 warnings');
        expect(run.status).toBe(0);
    });

    it('checks every sample clean', () => {
        const run = runCredal(['check', 'samples'], REPO_ROOT);
        expect(run.stdout.trim().split('\n').filter(line => / error /.test(line))).toEqual([]);
        expect(run.lines.at(-1)).toMatch(/^[1-9]\d* files, 0 errors, \d+ warnings$/);
        expect(run.status).toBe(0);
    });
});

describe('credal check on a broken note', () => {
    it('exits 1 with a located, readable E-SYNTAX diagnostic', () => {
        const run = runCredal(['check', 'broken/unclosed-set.cred']);
        expect(run.status).toBe(1);
        const syntax = run.lines.map(line => DIAGNOSTIC_LINE.exec(line)?.groups).find(groups => groups?.code === 'E-SYNTAX');
        expect(syntax).toBeDefined();
        expect(syntax!.path).toBe('broken/unclosed-set.cred');
        expect(syntax!.severity).toBe('error');
        // The set is opened on line 3 and the parser notices at the next declaration (line 5) at the latest.
        expect(Number(syntax!.line)).toBeGreaterThanOrEqual(3);
        expect(Number(syntax!.line)).toBeLessThanOrEqual(5);
        expect(Number(syntax!.column)).toBeGreaterThanOrEqual(1);
        expect(syntax!.message.length).toBeGreaterThan(10);
        expect(run.lines.at(-1)).toMatch(/^1 files, [1-9]\d* errors, \d+ warnings$/);
    });

    it('prints every diagnostic line in the contract format, in position order', () => {
        const run = runCredal(['check', 'broken/unclosed-set.cred']);
        const diagnostics = run.lines.slice(0, -1);
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const line of diagnostics) {
            expect(line).toMatch(DIAGNOSTIC_LINE);
        }
        const positions = diagnostics.map(line => DIAGNOSTIC_LINE.exec(line)!.groups!).map(g => [Number(g.line), Number(g.column)]);
        expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    });
});

describe('credal check on a directory', () => {
    it('checks every .cred file below it, skipping hidden directories and other files, paths relative as given', () => {
        const run = runCredal(['check', 'tree']);
        const paths = new Set(run.lines.slice(0, -1).map(line => DIAGNOSTIC_LINE.exec(line)?.groups?.path));
        expect([...paths]).toEqual(['tree/sub/b.cred']);
        expect(run.lines.at(-1)).toMatch(/^2 files, [1-9]\d* errors, \d+ warnings$/);
        expect(run.status).toBe(1);
    });

    it('names a file given twice (directly and through its directory) once', () => {
        const run = runCredal(['check', 'good/coin.cred', 'good']);
        expect(run.lines.at(-1)).toBe('2 files, 0 errors, 0 warnings');
    });
});

describe('credal check on unreadable input', () => {
    it('exits 2 for a missing file, and still checks the others', () => {
        const run = runCredal(['check', 'good/coin.cred', 'no/such-note.cred']);
        expect(run.stderr).toContain('credal: no/such-note.cred: no such file or directory');
        expect(run.lines.at(-1)).toBe('1 files, 0 errors, 0 warnings');
        expect(run.status).toBe(2);
    });

    it('exits 2 for a file that is not a .cred note', () => {
        const run = runCredal(['check', 'tree/sub/readme.txt']);
        expect(run.stderr).toContain('tree/sub/readme.txt: not a Credal note');
        expect(run.status).toBe(2);
    });

    it('exits 2 for a directory without notes', () => {
        const run = runCredal(['check', 'no-notes']);
        expect(run.stderr).toContain('credal: no-notes: no .cred files in this directory');
        expect(run.lines.at(-1)).toBe('0 files, 0 errors, 0 warnings');
        expect(run.status).toBe(2);
    });
});

describe('credal check on worker threads', () => {
    it('prints the same lines in the same order with one job and with several', () => {
        const fixtures = 'language-server/test/cli/fixtures';
        const args = ['check', 'samples/die.cred', `${fixtures}/broken`, `${fixtures}/good`, 'missing.cred'];
        const one = runCredal([...args, '--jobs', '1'], REPO_ROOT);
        const several = runCredal([...args, '--jobs', '3'], REPO_ROOT);
        expect(one.lines.some(line => / error E-/.test(line))).toBe(true);
        expect(several.stdout).toBe(one.stdout);
        expect(several.stderr).toBe(one.stderr);
        expect(several.status).toBe(one.status);
        expect(one.status).toBe(2);
    }, 120_000);

    it('refuses a job count that is not a whole number of at least 1', () => {
        const run = runCredal(['check', 'good/coin.cred', '--jobs', '0']);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/--jobs/);
    });
});
