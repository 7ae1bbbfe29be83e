import { copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundles, REPO_ROOT } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// The reproductions of issue 16 through the CLI as a process: hostile notes exported, careless writes refused.
const HOSTILE = path.join(REPO_ROOT, 'language-server', 'test', 'fixtures', 'hostile');
const work = mkdtempSync(path.join(tmpdir(), 'credal-hostile-cli-'));

beforeAll(async () => {
    await ensureFreshBundles();
    for (const name of ['nested-defs.cred', 'latex-injection.cred', 'markdown-html.cred']) copyFileSync(path.join(HOSTILE, name), path.join(work, name));
    copyFileSync(path.join(REPO_ROOT, 'samples', 'knightian-coin.cred'), path.join(work, 'coin.cred'));
}, 180_000);

describe('hostile notes exported by the CLI', () => {
    it('renders nested \\def macros as refused source, not a megabyte of x', () => {
        const run = runCredal(['export', 'nested-defs.cred', '--to', 'html'], work);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Not typeset: it defines a macro with \\def');
        expect(run.stdout).not.toContain('x'.repeat(1000));
        const check = runCredal(['check', 'nested-defs.cred'], work);
        expect(check.stdout).toMatch(/nested-defs\.cred:3:\d+: warning W-MATH-REFUSED/);
    });

    it('writes no formula into LaTeX that would read files, run commands or close the display early', () => {
        const run = runCredal(['export', 'latex-injection.cred', '--to', 'latex'], work);
        expect(run.status).toBe(0);
        const tex = run.stdout;
        for (const banned of ['\\input', '\\write18', '\\openin', '\\csname', '\\immediate', '\\href', '\\def', '^^']) expect(tex).not.toContain(banned);
        // Every display opened is closed by its own \] before the next one opens.
        const displays = tex.match(/\\\[|\\\]/g) ?? [];
        displays.forEach((delimiter, index) => expect(delimiter).toBe(index % 2 === 0 ? '\\[' : '\\]'));
        expect(tex).toContain('$\\underline P(A) \\le 1/2$');
        expect(tex).toContain('\\texttt{\\$\\textbackslash{}immediate\\textbackslash{}write18\\{id\\}\\$}% formula not exported as math');
    });

    it('exports Markdown in which no renderer finds raw HTML or a javascript: link', () => {
        const run = runCredal(['export', 'markdown-html.cred', '--to', 'markdown'], work);
        expect(run.status).toBe(0);
        // The most permissive reading: raw HTML on, every link scheme allowed, images on.
        const permissive = new MarkdownIt({ html: true, linkify: true });
        permissive.validateLink = () => true;
        const html = permissive.render(run.stdout);
        expect(html).not.toMatch(/<(script|img|b|div)\b/i);
        expect(html).not.toMatch(/href="\s*(javascript|data|%6A)/i);
        expect(html).toContain('<a href="https://example.org">web</a>');
        expect(html).toContain('<code>&lt;code&gt;</code>');
        expect(run.stdout).toContain('$a < b$');
    });
});

describe('careful writes', () => {
    it('refuses to write over the input note, or over any .cred file, with exit code 2', () => {
        const before = readFileSync(path.join(work, 'coin.cred'), 'utf8');
        const overInput = runCredal(['export', 'coin.cred', '--to', 'markdown', '-o', 'coin.cred'], work);
        expect(overInput.status).toBe(2);
        expect(overInput.stderr).toContain('will not write coin.cred');
        const overOther = runCredal(['export', 'coin.cred', '--to', 'markdown', '-o', 'nested-defs.cred'], work);
        expect(overOther.status).toBe(2);
        expect(overOther.stderr).toContain('is a Credal note (.cred)');
        expect(readFileSync(path.join(work, 'coin.cred'), 'utf8')).toBe(before);
    });

    it('refuses the input under another name (a hard link)', async () => {
        const { linkSync } = await import('node:fs');
        linkSync(path.join(work, 'coin.cred'), path.join(work, 'coin-copy.txt'));
        const run = runCredal(['render', 'coin.cred', '-o', 'coin-copy.txt'], work);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('is the input note');
    });

    it('does not follow a symbolic link at the output path unless --force', () => {
        writeFileSync(path.join(work, 'elsewhere.md'), 'keep me');
        symlinkSync(path.join(work, 'elsewhere.md'), path.join(work, 'link.md'));
        const refused = runCredal(['export', 'coin.cred', '--to', 'markdown', '-o', 'link.md'], work);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('is a symbolic link; pass --force');
        expect(readFileSync(path.join(work, 'elsewhere.md'), 'utf8')).toBe('keep me');
        const forced = runCredal(['export', 'coin.cred', '--to', 'markdown', '-o', 'link.md', '--force'], work);
        expect(forced.status).toBe(0);
        expect(lstatSync(path.join(work, 'link.md')).isSymbolicLink()).toBe(true);
        expect(readFileSync(path.join(work, 'elsewhere.md'), 'utf8')).toMatch(/^# Betting on a Knightian coin/);
    });

    it('says what render wrote, and when it replaced a file', () => {
        expect(runCredal(['render', 'coin.cred', '-o', 'fresh.html'], work).lines).toEqual(['wrote fresh.html']);
        expect(runCredal(['render', 'coin.cred', '-o', 'fresh.html'], work).lines).toEqual(['wrote fresh.html (replacing the previous file)']);
        expect(existsSync(path.join(work, 'fresh.html'))).toBe(true);
    });
});

describe('the size cap', () => {
    it('refuses a note over 2,000,000 characters with exit code 2 and E-TOO-LARGE, without parsing it', () => {
        const lines = Array.from({ length: 120_000 }, (_, i) => `set S${i} = {a, b, c}`);
        writeFileSync(path.join(work, 'huge.cred'), lines.join('\n'));
        const run = runCredal(['check', 'huge.cred'], work);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/huge\.cred: this note is 2\.\d MB long; Credal reads notes of up to 2 MB .*\(E-TOO-LARGE\)/);
    });
});
