import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureFreshBundles } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// Arguments, help and version of the `credal` process; exit code 2 for every kind of bad usage.
beforeAll(ensureFreshBundles, 120_000);

const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

describe('credal help and version', () => {
    it('--help lists the commands on stdout and exits 0', () => {
        const run = runCredal(['--help']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('credal check <file|dir>...');
        expect(run.stdout).toContain('--version');
        expect(run.stderr).toBe('');
    });

    it('check --help explains output and exit codes', () => {
        for (const args of [['check', '--help'], ['help', 'check'], ['check', '-h']]) {
            const run = runCredal(args);
            expect(run.status).toBe(0);
            expect(run.stdout).toMatch(/^usage: credal check <file\|dir>\.\.\./);
            expect(run.stdout).toContain('path:line:col: severity CODE message');
            expect(run.stdout).toMatch(/2 bad usage/);
        }
    });

    it('--version prints the package version', () => {
        const run = runCredal(['--version']);
        expect(run.status).toBe(0);
        expect(run.stdout.trim()).toBe(`credal ${version}`);
    });
});

describe('credal bad usage exits 2 with a hint on stderr', () => {
    it.each([
        ['no arguments', []],
        ['an unknown command', ['frobnicate']],
        ['an unknown top-level option', ['--frob']],
        ['check without files', ['check']],
        ['an unknown check option', ['check', '--frob', 'good']],
        ['help on an unknown command', ['help', 'frobnicate']]
    ])('%s', (_, args) => {
        const run = runCredal(args);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/credal|usage/i);
        expect(run.stderr).toMatch(/--help|usage:/);
    });

    it('names what was wrong', () => {
        expect(runCredal(['frobnicate']).stderr).toContain(`credal: unknown command 'frobnicate'`);
        expect(runCredal(['check', '--frob', 'good']).stderr).toContain(`credal: unknown option '--frob'`);
        expect(runCredal(['check']).stderr).toContain('usage: credal check <file|dir>...');
    });
});
