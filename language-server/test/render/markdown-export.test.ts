import { describe, expect, it } from 'vitest';
import { markdownDocument, mathNotes, withoutBlankLinesInDisplayMath } from '../../src/render/export/markdown-export.js';
import type { NoteModel } from '../../src/render/model/parts.js';
import { noteModel, pandocFormulas, SAMPLE_FILES, sampleModel } from './render-kit.js';

/** Every formula the model holds, in order, as the Markdown export must carry it. */
function modelFormulas(model: NoteModel): string[] {
    return model.blocks.flatMap(block => block.parts.flatMap(part => {
        switch (part.type) {
            case 'markdown': return pandocFormulas(withoutBlankLinesInDisplayMath(part.text));
            case 'math': return [`${part.tex}${mathNotes(part)}`];
            case 'table': return [...part.head, ...part.rows.flat()].flatMap(cell => cell.tex !== undefined ? [cell.tex.replace(/\|/g, '\\mid ')] : []);
            default: return [];
        }
    }));
}

describe('Markdown export for LessWrong', () => {
    it.each(SAMPLE_FILES)('%s: parsed back with pandoc $ rules, it has the renderer\'s formulas', async file => {
        const model = await sampleModel(file);
        const markdown = markdownDocument(model);
        const formulas = pandocFormulas(markdown);
        expect(formulas.length).toBeGreaterThan(10);
        expect(formulas).toEqual(modelFormulas(model));
        // MathJax-2 and pandoc hazards: no blank line inside display math, no bare | in table cells.
        for (const formula of formulas) expect(formula).not.toMatch(/\n[ \t]*\n/);
        for (const row of markdown.split('\n').filter(line => line.startsWith('| '))) {
            for (const cell of pandocFormulas(row)) expect(cell).not.toContain('|');
        }
        expect(markdown).not.toMatch(/\\operatorname\*|\\htmlData|\\href|\\tag\b/);
    });

    it('escapes dollars and Markdown in plain text, and writes | as \\mid in table cells', async () => {
        const model: NoteModel = {
            title: 't',
            blocks: [{
                id: 'b', kind: 'declaration', startLine: 0, endLine: 0, parts: [
                    { type: 'text', text: 'costs $5 and $6 *now*' },
                    { type: 'table', caption: 'c', head: [{ text: 'x' }], rows: [[{ tex: '\\mathcal K\\,|\\,B' }]] }
                ]
            }]
        };
        const markdown = markdownDocument(model);
        expect(markdown).toContain('costs \\$5 and \\$6 \\*now\\*');
        expect(markdown).toContain('| $\\mathcal K\\,\\mid \\,B$ |');
        expect(pandocFormulas(markdown)).toEqual(['\\mathcal K\\,\\mid \\,B']);
    });

    it('drops blank lines an author left inside $$…$$', async () => {
        const model = await noteModel('/*! Before\n    $$a\n\n    b$$\n    after */\nset X = {a}\n');
        const markdown = markdownDocument(model);
        expect(markdown).toContain('$$a\nb$$');
    });
});
