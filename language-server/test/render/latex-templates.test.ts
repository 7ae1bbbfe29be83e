import { describe, expect, it } from 'vitest';
import { latexName } from '../../src/render/latex/names.js';
import { latexRational } from '../../src/render/latex/numbers.js';
import { Rational } from '../../src/math/rational.js';
import type { NoteModel } from '../../src/render/model/parts.js';
import { noteModel } from './render-kit.js';

/** The display formulas of a note, in order. */
function formulas(model: NoteModel): string[] {
    return model.blocks.flatMap(block => block.parts.flatMap(part => part.type === 'math' ? [part.tex] : []));
}

const HEAD = `set X = {a, b, c}
dist p0 on X = {a: 1/5, b: 3/10, c: rest}
dist p1 on X = (1/3, 1/3, 1/3)
gamble f on X = (1, 2, 3)
event B on X = {a, b}
`;

describe('LaTeX templates of SEMANTICS §A.10', () => {
    it.each([
        ['set', '', 'X=\\{a,b,c\\}'],
        ['distribution', '', 'p_{0}=\\{a\\mapsto \\tfrac{1}{5},\\ b\\mapsto \\tfrac{3}{10},\\ c\\mapsto \\text{rest}\\}=(\\tfrac{1}{5},\\tfrac{3}{10},\\tfrac{1}{2})'],
        ['hull', 'credal K on X = hull{p0, p1}', '\\mathcal{K}=\\operatorname{conv}\\{p_{0},\\ p_{1}\\}'],
        ['constraint form', 'credal K on X = { E[f] in [3/2, 5/2] }',
            '\\mathcal{K}=\\{p\\in\\Delta X:\\ \\tfrac{3}{2}\\le E_p[f]\\le \\tfrac{5}{2}\\}'],
        ['contamination', 'credal C = contamination(p0, 1/10)', '\\mathcal{C}=(1-\\tfrac{1}{10})\\,p_{0}+\\tfrac{1}{10}\\,\\Delta X'],
        ['TV ball', 'credal T = tvball(p0, 1/4)', '\\mathcal{T}=B^{\\mathrm{TV}}_{\\tfrac{1}{4}}(p_{0})'],
        ['conditioning', 'credal V on X = vacuous\ncredal G = V | B', '\\mathcal{G}=\\mathcal{V}\\,|\\,B'],
        ['lower expectation', 'credal V on X = vacuous\neval lowerE(V, f)', '\\underline{E}_{\\mathcal{V}}[f]=1'],
        ['upper probability', 'credal V on X = vacuous\neval upperP(V, B)', '\\overline{P}_{\\mathcal{V}}(B)=1']
    ])('%s', async (_label, extra, expected) => {
        expect(formulas(await noteModel(HEAD + extra))).toContain(expected);
    });

    it('strong product and marginal', async () => {
        const model = await noteModel(`set C = {h, t}\nset U = {r, b}\ncredal K1 on C = vacuous\ncredal K2 on U = vacuous\ncredal S = K1 ⊠ K2\ncredal M = marginal(S, C)\n`);
        expect(formulas(model)).toContain('\\mathcal{S}=\\mathcal{K}_{1}\\boxtimes \\mathcal{K}_{2}');
        expect(formulas(model)).toContain('\\mathcal{M}=\\operatorname{marg}_{C}\\mathcal{S}');
    });

    it('a false claim reads as its negation', async () => {
        const model = await noteModel(`${HEAD}credal V on X = vacuous\ncredal P = p0\nassert subset(V, P) == false\nassert contains(P, p1) == false`);
        expect(formulas(model)).toContain('\\mathcal{V}\\not\\subseteq \\mathcal{P}');
        expect(formulas(model)).toContain('p_{1}\\notin \\mathcal{P}');
    });

    it('a non-terminating value carries its decimal; a failed assert shows both sides', async () => {
        const model = await noteModel(`${HEAD}eval E(p1, f) / 3\nassert E(p1, f) == 3`);
        const parts = model.blocks.flatMap(block => block.parts);
        expect(parts).toContainEqual({ type: 'math', tex: 'E_{p_{1}}[f]/3=\\tfrac{2}{3}', approx: '0.6667' });
        expect(parts).toContainEqual({ type: 'math', tex: 'E_{p_{1}}[f]=3', claim: 'fails' });
        expect(parts).toContainEqual({ type: 'math', tex: 'E_{p_{1}}[f]=2,\\qquad 3=3' });
    });
});

describe('names and numbers', () => {
    it.each([
        ['K', 'credal', '\\mathcal{K}'], ['K1', 'credal', '\\mathcal{K}_{1}'], ["p0'", 'plain', "p'_{0}"],
        ['Θ', 'plain', '\\Theta'], ['ε', 'plain', '\\varepsilon'], ['Θt', 'credal', '\\Theta_{\\mathrm{t}}'],
        ['fair', 'plain', '\\mathrm{fair}'], ['my_set', 'plain', '\\mathrm{my\\_set}'], ["S''", 'credal', "\\mathcal{S}''"]
    ] as const)('%s', (name, style, tex) => {
        expect(latexName(name, style)).toBe(tex);
    });

    it('fractions and big integers', () => {
        expect(latexRational(Rational.of(-1, 3))).toBe('-\\tfrac{1}{3}');
        expect(latexRational(Rational.of(1001000))).toBe('1\\,001\\,000');
        expect(latexRational(Rational.of(47, 20))).toBe('\\tfrac{47}{20}');
    });
});
