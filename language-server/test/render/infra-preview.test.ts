import { describe, expect, it } from 'vitest';
import { markdownDocument } from '../../src/render/export/markdown-export.js';
import { latexDocument } from '../../src/render/export/latex-export.js';
import { noteModel } from './render-kit.js';

// LANGUAGE §7.5: the preview and every export show an infradistribution's minimal generators as a table,
// and the preview draws each generator's normalised measure m/m(X), labelled with its b, on 2 or 3 elements.
const three = `set X = {x1, x2, x3}
infra H on X = hull{ (m: {x1: 1/2, x2: 1/4}, b: 1/4), (m: (0, 1/2, 1/2), b: 0) }
infra U = ibupdate(H, {x1, x2}, 1/2)
`;

describe('infradistributions in the preview and exports', () => {
    it('tabulates the generators (one column per element, then b) and draws m/m(X) labelled with b', async () => {
        const model = await noteModel(three);
        const block = model.blocks.find(b => b.name === 'H')!;
        const table = block.parts.find(p => p.type === 'table');
        expect(table && table.type === 'table' && table.head.map(c => c.tex)).toEqual(['x_{1}', 'x_{2}', 'x_{3}', 'b']);
        const figure = block.parts.find(p => p.type === 'figure');
        expect(figure && figure.type === 'figure' && figure.svg).toContain('b = 1/4');
        // (1/2, 1/4, 0) / (3/4) = (2/3, 1/3, 0): the exact normalised point is in the dot's title.
        expect(figure && figure.type === 'figure' && figure.svg).toContain('(2/3, 1/3, 0), b = 1/4');
        const update = model.blocks.find(b => b.name === 'U')!;
        expect(update.parts.some(p => p.type === 'math' && p.tex === 'P^{g}_{\\mathcal{U}}(L)=\\tfrac{1}{2}')).toBe(true);
    });

    it('a two-element infradistribution is drawn on the segment; a crisp one as its credal set', async () => {
        const model = await noteModel('set C = {h, t}\ninfra H on C = hull{ (m: {h: 1}, b: 0), (m: {t: 1/2}, b: 1/2) }\ninfra K on C = hull{ (m: (1/4, 3/4), b: 0), (m: (1/2, 1/2), b: 0) }\n');
        const svgOf = (name: string) => model.blocks.find(b => b.name === name)!.parts.find(p => p.type === 'figure');
        expect(svgOf('H')).toBeDefined();
        expect(JSON.stringify(svgOf('H'))).toContain('b = 1/2');
        expect(JSON.stringify(svgOf('K'))).not.toContain('b = ');
    });

    it('Markdown and LaTeX exports carry the generator table', async () => {
        const model = await noteModel(three);
        expect(markdownDocument(model)).toContain('| $x_{1}$ | $x_{2}$ | $x_{3}$ | $b$ |');
        expect(latexDocument(model)).toContain('minimal generators (m, b)');
    });

    it('a decision under a non-crisp infradistribution has one value column, E_H, and no optimality regions', async () => {
        const model = await noteModel(`${three}decision D on X {\n  belief H\n  acts { a = (1, 0, 1/2)  c = (0, 1, 0) }\n}\n`);
        const parts = model.blocks.find(b => b.name === 'D')!.parts;
        const table = parts.find(p => p.type === 'table');
        if (table?.type !== 'table') throw new Error('no decision table');
        expect(table.head.map(c => c.tex ?? c.text)).toEqual(['act', 'E_{\\mathcal{H}}[U]', 'Γ-maximin']);
        expect(table.rows.map(row => row.slice(0, 2).map(c => c.tex))).toEqual([['a', '\\tfrac{1}{4}'], ['c', '\\tfrac{1}{2}']]);
        expect(parts.some(p => p.type === 'figure')).toBe(false);
    });
});
