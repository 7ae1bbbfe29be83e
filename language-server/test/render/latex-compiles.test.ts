import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { latexDocument } from '../../src/render/export/latex-export.js';
import { latexText } from '../../src/render/export/latex-text.js';
import { sampleModel } from './render-kit.js';
import { PDFLATEX, toolInstalled } from '../support/required-tool.js';

const samples = readdirSync(fileURLToPath(new URL('../../../samples', import.meta.url))).filter(f => f.endsWith('.cred')).sort();

/** What pdflatex with `[utf8]{inputenc}` and `[T1]{fontenc}` typesets without extra declarations. */
function untypesettable(tex: string): string[] {
    const known = new Set(['–', '—', '‘', '’', '“', '”', '„', '‚', '‹', '›', '•', '†', '‡', '‰', '€']);
    return [...new Set([...tex].filter(ch => {
        const code = ch.codePointAt(0)!;
        return code >= 0x80 && !(code >= 0xa0 && code <= 0x17f) && !known.has(ch);
    }))];
}

describe('LaTeX export compiles with standard packages', () => {
    it('writes symbols from prose as math and unknown characters as code points', () => {
        expect(latexText('I ≻ II and P̲ ≤ P̄ ⊛')).toBe('I $\\succ$ II and P $\\le$ P \\texttt{U+229B}');
    });

    it.each(samples)('%s uses only characters pdflatex knows', async (file) => {
        expect(untypesettable(latexDocument(await sampleModel(file)))).toEqual([]);
    });

    // CI installs TeX before the tests; elsewhere a missing pdflatex skips these and names the install command.
    it.runIf(toolInstalled(PDFLATEX)).each(samples)('%s compiles with pdflatex', async (file) => {
        const dir = mkdtempSync(join(tmpdir(), 'credal-tex-'));
        writeFileSync(join(dir, 'note.tex'), latexDocument(await sampleModel(file)));
        const run = () => execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'note.tex'], { cwd: dir,
            encoding: 'utf8', timeout: 60000 });
        expect(run).not.toThrow();
    });
});
