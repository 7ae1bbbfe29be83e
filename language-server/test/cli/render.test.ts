import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundles, REPO_ROOT } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

const SAMPLE = path.join(REPO_ROOT, 'samples', 'knightian-coin.cred');
const work = mkdtempSync(path.join(tmpdir(), 'credal-render-cli-'));

beforeAll(async () => {
    await ensureFreshBundles();
    copyFileSync(SAMPLE, path.join(work, 'coin.cred'));
}, 180_000);

describe('credal render', () => {
    it('writes the page next to the note by default', () => {
        const run = runCredal(['render', 'coin.cred'], work);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.lines).toEqual(['wrote coin.html']);
        const html = readFileSync(path.join(work, 'coin.html'), 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('<title>Betting on a Knightian coin</title>');
        expect(html).toContain("default-src 'none'");
        expect(html).toContain('data:font/woff2;base64,');
        expect(html).not.toMatch(/<script|url\(fonts\/|https?:\/\/(?!www\.w3\.org)/);
        expect(html).toContain('<svg class="credal-figure"');
    });

    it('writes where -o says', () => {
        const run = runCredal(['render', 'coin.cred', '-o', 'out/../page.html'], work);
        expect(run.status).toBe(0);
        expect(existsSync(path.join(work, 'page.html'))).toBe(true);
    });

    it('exits 2 on a missing file, a directory or no file', () => {
        expect(runCredal(['render', 'missing.cred'], work).status).toBe(2);
        expect(runCredal(['render', '.'], work).status).toBe(2);
        const none = runCredal(['render'], work);
        expect(none.status).toBe(2);
        expect(none.stderr).toContain('render needs a file');
    });

    it('still writes a note with errors, and exits 1', () => {
        const broken = path.join(work, 'broken.cred');
        const text = readFileSync(SAMPLE, 'utf8').replace('dist fair on Coin = {heads: 1/2, tails: 1/2}',
            'dist fair on Coin = {heads: 1/2, tails: 1/4}');
        writeFileSync(broken, text);
        const run = runCredal(['render', 'broken.cred'], work);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/broken\.cred: \d+ errors?/);
        expect(readFileSync(path.join(work, 'broken.html'), 'utf8')).toContain('E-DIST-SUM');
    });
});

describe('credal export', () => {
    it('prints Markdown on stdout', () => {
        const run = runCredal(['export', 'coin.cred', '--to', 'markdown'], work);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^# Betting on a Knightian coin\n/);
        expect(run.stdout).toContain('$$\\mathcal{K}=\\{p\\in\\Delta \\mathrm{Coin}:\\ \\tfrac{1}{3}\\le p(\\{\\mathrm{heads}\\})\\le \\tfrac{2}{3}\\}$$');
        expect(run.stdout).not.toContain('<svg');
    });

    it('writes a LaTeX document with its preamble', () => {
        const run = runCredal(['export', 'coin.cred', '--to=latex', '-o', 'coin.tex'], work);
        expect(run.status).toBe(0);
        const tex = readFileSync(path.join(work, 'coin.tex'), 'utf8');
        expect(tex).toMatch(/^\\documentclass\[11pt\]\{article\}/);
        expect(tex).toContain('\\usepackage{amsmath,amssymb}');
        expect(tex).toContain('\\begin{document}');
        expect(tex.trimEnd().endsWith('\\end{document}')).toBe(true);
        expect(tex).toContain('\\section*{Betting on a Knightian coin}');
    });

    it('exports the standalone page as html', () => {
        const run = runCredal(['export', 'coin.cred', '--to', 'html'], work);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    });

    it('rejects a missing or unknown format with exit 2', () => {
        const missing = runCredal(['export', 'coin.cred'], work);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('export needs --to markdown|latex|html');
        const unknown = runCredal(['export', 'coin.cred', '--to', 'pdf'], work);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain("unknown format 'pdf'");
    });

    it('is listed in the usage text', () => {
        const run = runCredal(['--help'], work);
        expect(run.stdout).toContain('credal render <file> [-o out.html]');
        expect(run.stdout).toContain('credal export <file> --to markdown|latex|html [-o out]');
    });
});
