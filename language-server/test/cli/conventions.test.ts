import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundles } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// --ddt-semantics, --ddt-inconsistent and --zero-conditioning as a process: the same conventions as the
// editor settings, with the same defaults.
beforeAll(ensureFreshBundles, 120_000);

const DIR = fileURLToPath(new URL('./fixtures/conventions/', import.meta.url));

const results = (args: string[]) => {
    const run = runCredal(['eval', 'conventions.cred', '--json', ...args], DIR);
    const output = JSON.parse(run.stdout) as {
        diagnostics: Array<{ code: string; severity: string }>;
        results: Array<{ value: Record<string, unknown> }>;
    };
    return { status: run.status, values: output.results.map((r) => r.value['exact'] ?? r.value['names']),
        codes: output.diagnostics.map((d) => `${d.severity} ${d.code}`) };
};

describe('credal convention flags', () => {
    it('defaults: regular extension, strict semantics, inconsistent policies are errors', () => {
        const run = results([]);
        expect(run.values).toEqual(['2', '1', undefined]);
        expect(run.codes).toContain('error E-DDT-EMPTY');
        expect(run.status).toBe(1);
    });

    it('the flags change exactly the results that depend on them', () => {
        const run = results(['--zero-conditioning', 'natural', '--ddt-semantics=nirvana0', '--ddt-inconsistent', 'exclude']);
        // natural: min over {0, 2} of f = -5; nirvana0: V(p) = max(1, 1/2·4) = 2, and R's belief δx
        // gives q loss 0 (all its mass is inconsistent with q), so q wins instead of being ruled out.
        expect(run.values).toEqual(['-5', '2', ['q']]);
        expect(run.codes).not.toContain('error E-DDT-EMPTY');
        const exclude = results(['--ddt-inconsistent', 'exclude']);
        expect(exclude.values).toEqual(['2', '1', ['p']]);
        expect(exclude.codes).not.toContain('error E-DDT-EMPTY');
        expect(exclude.status).toBe(0);
    });

    it('check, render and export take them too; --help documents them', () => {
        expect(runCredal(['check', 'conventions.cred', '--ddt-inconsistent', 'exclude'], DIR).status).toBe(0);
        expect(runCredal(['check', 'conventions.cred'], DIR).status).toBe(1);
        expect(runCredal(['export', 'conventions.cred', '--to', 'markdown', '--ddt-inconsistent', 'nirvana'], DIR).status).toBe(0);
        for (const command of ['check', 'eval', 'render', 'export']) {
            const help = runCredal([command, '--help'], DIR).stdout;
            expect(help).toContain('--ddt-semantics strict|nirvana0');
            expect(help).toContain('--ddt-inconsistent error|exclude|nirvana');
            expect(help).toContain('--zero-conditioning regular|natural');
        }
    });

    it('a bad value exits 2 with a usage message', () => {
        for (const args of [['eval', 'conventions.cred', '--ddt-semantics', 'lenient'], ['check', 'conventions.cred',
            '--zero-conditioning=bayes'],
            ['render', 'conventions.cred', '--ddt-inconsistent', 'ignore'], ['export', 'conventions.cred', '--to', 'html',
                '--ddt-semantics']]) {
            const run = runCredal(args, DIR);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr).toMatch(/^credal: (option )?--(ddt-semantics|zero-conditioning|ddt-inconsistent) (must be|needs a value)/);
            expect(run.stderr).toContain(`usage: credal ${args[0]}`);
        }
    });
});
