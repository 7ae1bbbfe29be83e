import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Cell, NoteModel, Part } from '../../src/render/model/parts.js';
import { noteModel } from './render-kit.js';

type Table = Extract<Part, { type: 'table' }>;

function block(model: NoteModel, name: string): Part[] {
    const found = model.blocks.find(b => b.name === name);
    expect(found, `block ${name}`).toBeDefined();
    return found!.parts;
}

function tables(parts: Part[]): Table[] {
    return parts.filter((part): part is Table => part.type === 'table');
}

/** The cell of an act's row under a column, by the column's title. */
function cellOf(table: Table, act: string, column: string): Cell {
    const col = table.head.findIndex(cell => cell.text?.replace(/\u00AD/g, '') === column);
    expect(col, `column ${column} in ${table.head.map(c => c.text ?? c.tex).join(' | ')}`).toBeGreaterThan(0);
    const row = table.rows.find(r => r[0].tex === act);
    expect(row, `row ${act}`).toBeDefined();
    return row![col];
}

const CHOICE = `set X = {x1, x2}
credal K on X = { P({x1}) >= 1/4, P({x1}) <= 3/4 }
decision Choice on X {
  belief K
  acts {
    d1 = (4, 0)
    d2 = (0, 4)
    d3 = (19/10, 19/10)
    d7 = (1, 0.5)
  }
}
`;

describe('decision blocks', () => {
    it('mark chosen acts and give each rejected act the act that beats it with the exact margin', async () => {
        const [table] = tables(block(await noteModel(CHOICE), 'Choice'));
        expect(table.style).toBe('decision');
        expect(cellOf(table, 'd_{3}', 'Γ-maximin')).toMatchObject({ text: '✓', mark: true });
        // E̲[d3] − E̲[d1] = 19/10 − 1.
        expect(cellOf(table, 'd_{1}', 'Γ-maximin')).toMatchObject({ tex: '{\\prec}d_{3}\\,\\tfrac{9}{10}', muted: true });
        // The strongest dominator: E̲[d3 − d7] = min over p(x1) ∈ [1/4, 3/4] of 9/10 p + 7/5 (1 − p) = 41/40.
        expect(cellOf(table, 'd_{7}', 'maximality').tex).toBe('{\\prec}d_{3}\\,\\tfrac{41}{40}');
        expect(cellOf(table, 'd_{3}', 'E-admissibility').tex).toBe('\\text{no }p\\in\\mathcal{K}');
        // d3 ≥ d7 everywhere, by at most 7/5.
        expect(cellOf(table, 'd_{7}', 'admissibility').tex).toBe('{\\prec}d_{3}\\,\\tfrac{7}{5}');
    });

    it('explain the margin of every rule that rejects an act, in the declared orientation', async () => {
        const legend = tables(block(await noteModel(CHOICE), 'Choice'))[1];
        expect(legend.rows.map(row => row[0].text)).toEqual(['Γ-maximin', 'Γ-maximax', 'interval dominance', 'maximality',
            'E-admissibility', 'minimax regret', 'admissibility']);
        expect(legend.rows[3][1].tex).toBe('a\\prec b:\\ \\underline{E}[b-a]>0');
        const losses = await noteModel(CHOICE.replace('acts {', 'losses {'));
        expect(tables(block(losses, 'Choice'))[1].rows.find(row => row[0].text === 'maximality')![1].tex).toBe('a\\prec b:\\ \\underline{E}[a-b]>0');
    });

    it('have a Hurwicz column for each α the note uses and none when it uses none', async () => {
        const without = tables(block(await noteModel(CHOICE), 'Choice'))[0];
        expect(without.head.some(cell => cell.text?.startsWith('Hurwicz'))).toBe(false);
        const withAlphas = tables(block(await noteModel(`${CHOICE}eval choose(Choice, hurwicz(1/3))\neval choose(Choice, hurwicz(1))\n`),
            'Choice'))[0];
        expect(withAlphas.head.filter(cell => cell.text?.startsWith('Hurwicz')).map(cell => cell.text)).toEqual(['Hurwicz α\u00A0=\u00A01/3', 'Hurwicz α\u00A0=\u00A01']);
        // H_{1/3}(d3) − H_{1/3}(d1) = 19/10 − (1/3·3 + 2/3·1).
        expect(cellOf(withAlphas, 'd_{1}', 'Hurwicz α\u00A0=\u00A01/3').tex).toBe('{\\prec}d_{3}\\,\\tfrac{7}{30}');
    });
});

describe('credal set blocks', () => {
    it('give the lower and upper probability of each element', async () => {
        const model = await noteModel(`set X = {a, b, c}\ncredal K on X = { P({a}) in [1/5, 1/2], P({b}) >= 1/4 }\n`);
        const [bounds] = tables(block(model, 'K'));
        expect(bounds.head.map(cell => cell.tex)).toEqual(['x', 'a', 'b', 'c']);
        expect(bounds.rows.map(row => row.map(cell => cell.tex))).toEqual([
            ['\\underline{P}(\\{x\\})', '\\tfrac{1}{5}', '\\tfrac{1}{4}', '0'],
            ['\\overline{P}(\\{x\\})', '\\tfrac{1}{2}', '\\tfrac{4}{5}', '\\tfrac{11}{20}']
        ]);
    });

    it('list larger sets one element per row, and leave the table out for a precise set', async () => {
        const model = await noteModel(`set N = {1..10}\ncredal V on N = vacuous\ndist u on N = (1/10, 1/10, 1/10, 1/10, 1/10, 1/10, 1/10, 1/10, 1/10, 1/10)\ncredal U = {u}\n`);
        const [bounds] = tables(block(model, 'V'));
        expect(bounds.rows).toHaveLength(10);
        expect(bounds.rows[9].map(cell => cell.tex)).toEqual(['10', '0', '1']);
        expect(tables(block(model, 'U'))).toEqual([]);
    });
});

describe('the renderer computes nothing', () => {
    it('imports only types from the engine', () => {
        const root = fileURLToPath(new URL('../../src/render/', import.meta.url));
        const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.ts'));
        expect(files.length).toBeGreaterThan(20);
        const engineImports = files.flatMap(file => readFileSync(path.join(root, file), 'utf8').split('\n')
            .filter(line => /from '(\.\.\/)+math\//.test(line))
            .map(line => `${file}: ${line.trim()}`));
        expect(engineImports.length).toBeGreaterThan(0);
        expect(engineImports.filter(line => !/^\S+: import type /.test(line))).toEqual([]);
    });
});
