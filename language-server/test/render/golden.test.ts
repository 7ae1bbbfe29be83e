import { describe, expect, it } from 'vitest';
import { latexDocument } from '../../src/render/export/latex-export.js';
import { blockHtml } from '../../src/render/html/blocks-html.js';
import { collapseKatex, SAMPLE_FILES, sampleModel } from './render-kit.js';

describe('golden LaTeX and HTML of every sample', () => {
    it.each(SAMPLE_FILES)('%s', async file => {
        const model = await sampleModel(file);
        const base = file.replace(/\.cred$/, '');
        await expect(latexDocument(model)).toMatchFileSnapshot(`golden/${base}.tex`);
        const html = model.blocks
            .map(block => `<!-- ${block.id} (${block.kind}, lines ${block.startLine + 1}-${block.endLine + 1}) -->\n${collapseKatex(blockHtml(block))}`)
            .join('\n\n');
        await expect(html + '\n').toMatchFileSnapshot(`golden/${base}.html`);
    });
});
