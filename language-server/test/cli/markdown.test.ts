import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { credalFences } from '../../src/markdown/credal-fences.js';
import { ensureFreshBundles, REPO_ROOT } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// `credal check|eval|render|export` on Markdown files: the credal fences are the note, positions are
// those of the Markdown file, and `export --to markdown` rewrites the fences only.

const POST = path.join(REPO_ROOT, 'samples', 'post.md');
const work = mkdtempSync(path.join(tmpdir(), 'credal-md-cli-'));

const BROKEN = [
    '# A post with a mistake',
    '',
    'Prose is not checked: dist nonsense on Nowhere = {x: 2}',
    '',
    '```credal',
    'set Coin = {heads, tails}',
    'dist bad on Coin = {heads: 1/2, tails: 1/3}',
    '```',
    '',
    '```js',
    'const notCredal = {{{',
    '```',
    '',
    '  ```credal',
    '  eval P(bad, {heads})',
    '  ```'
].join('\n');

beforeAll(async () => {
    await ensureFreshBundles();
    copyFileSync(POST, path.join(work, 'post.md'));
    writeFileSync(path.join(work, 'broken.md'), BROKEN);
    mkdirSync(path.join(work, 'tree'));
    writeFileSync(path.join(work, 'tree', 'README.md'), '# No fences here\n\nset X = {\n');
    copyFileSync(POST, path.join(work, 'tree', 'post.md'));
}, 180_000);

describe('credal on Markdown files', () => {
    it('checks a post: diagnostics at Markdown positions, none for prose or other languages', () => {
        const run = runCredal(['check', 'broken.md'], work);
        expect(run.status).toBe(1);
        expect(run.lines[0]).toMatch(/^broken\.md:7:20: error E-DIST-SUM /);
        // The indented fence at the end is part of the note: its eval depends on the broken declaration.
        expect(run.lines[1]).toMatch(/^broken\.md:15:10: info I-DEPENDS /);
        expect(run.lines.filter(line => /^broken\.md:/.test(line)).map(line => line.split(':')[1])).toEqual(['7', '15']);
        expect(run.lines.at(-1)).toBe('1 files, 1 errors, 0 warnings');
    });

    it('takes Markdown files with credal fences from a directory, and skips the others', () => {
        const run = runCredal(['check', 'tree'], work);
        expect(run.status).toBe(0);
        expect(run.lines.at(-1)).toBe('1 files, 0 errors, 0 warnings');
    });

    it('evaluates a post with Markdown-file lines, also as JSON', () => {
        const text = runCredal(['eval', 'post.md'], work);
        expect(text.status).toBe(0);
        const lines = readFileSync(POST, 'utf8').split('\n');
        const evalLine = lines.findIndex(line => line.startsWith('eval buyingPrice')) + 1;
        expect(text.lines).toContain(`post.md:${evalLine}: buyingPrice = lowerE(K, bet) = -1/3 ≈ -0.3333`);
        const json = JSON.parse(runCredal(['eval', 'post.md', '--json'], work).stdout) as { results: Array<{ line: number; source: string }> };
        expect(json.results.find(r => r.source === 'lowerE(K, bet)')?.line).toBe(evalLine);
    });

    it('exports a post to Markdown: each fence rendered, every other line untouched', () => {
        const run = runCredal(['export', 'post.md', '--to', 'markdown'], work);
        expect(run.status).toBe(0);
        const source = readFileSync(POST, 'utf8');
        const exported = run.stdout;
        expect(exported).not.toContain('```credal');
        expect(exported).toContain('$$\\mathrm{buyingPrice}=\\underline{E}_{\\mathcal{K}}[\\mathrm{bet}]=-\\tfrac{1}{3}');
        // The lines outside the credal fences appear in the export in the same order, unchanged.
        const fences = credalFences(source);
        const outside = source.split('\n').filter((_, line) => !fences.some(f => line >= f.openLine && line <= f.closeLine));
        const exportedLines = exported.split('\n');
        let from = 0;
        for (const line of outside) {
            const found = exportedLines.indexOf(line, from);
            expect(found, `line ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(from);
            from = found + 1;
        }
        expect(exported).toContain('```python\nprint("lowerE(K, bet) is not evaluated here")\n```');
    });

    it('exports a post to LaTeX that pdflatex typesets, and to HTML with prose, formulas and pictures', () => {
        const tex = runCredal(['export', 'post.md', '--to', 'latex', '-o', 'post.tex'], work);
        expect(tex.status).toBe(0);
        const latex = readFileSync(path.join(work, 'post.tex'), 'utf8');
        expect(latex).toContain('\\section*{Knightian uncertainty changes what you would pay for a bet}');
        expect(latex).toContain('Ambiguity does not tell us what to do');
        if (hasPdflatex()) {
            expect(() => execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'post.tex'], { cwd: work, encoding: 'utf8', timeout: 60_000 })).not.toThrow();
        }
        const render = runCredal(['render', 'post.md'], work);
        expect(render.lines).toEqual(['wrote post.html']);
        const html = readFileSync(path.join(work, 'post.html'), 'utf8');
        expect(html).toContain('<title>Knightian uncertainty changes what you would pay for a bet</title>');
        expect(html).toContain('Ambiguity does not tell us what to do');
        expect(html).toContain('<svg class="credal-figure"');
        expect(html).not.toMatch(/<script/i);
    });
});

function hasPdflatex(): boolean {
    try {
        execFileSync('pdflatex', ['--version'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
}
