import { afterEach, describe as group, expect, it } from 'vitest';
import { hasClosedFormBounds } from '../../src/evaluation/conditioning.js';
import type { CredalValue } from '../../src/evaluation/values.js';
import { evaluationKit } from '../evaluation/evaluation-kit.js';
import { ALL_CATEGORIES, TYPING_CATEGORIES, validationKit } from './validation-kit.js';

// `K | B` needs P̲(B) and P̄(B). Where the engine has them in closed form, conditioning is checked as
// you type; where they take an LP, typing does not run it to the end: W-ZERO-COND / E-COND-NULL come
// with the save (the expensive pass), and nothing in between says anything wrong.

const kit = validationKit();
const evaluation = evaluationKit();
afterEach(async () => {
    await kit.clear();
    await evaluation.clear();
});

const X = 'set X = {a, b}\n';

async function codes(note: string, categories: string[]): Promise<string[]> {
    const { diagnostics } = await kit.validate(note, categories);
    return diagnostics.map((d) => `${d.code}@${d.line}:${d.column} «${d.text}»`);
}

group('conditioning while typing and on save', () => {
    // W-ZERO-COND is raised only where the regular and the natural extension differ (LANGUAGE.md §8.9): on a
    // closed form whose regular extension is already vacuous on {b, c}, neither typing nor saving raises it.
    const X3 = 'set X = {a, b, c}\n';
    it.each([
        ['vacuous', 'credal K on X = vacuous', 0],
        ['a hull of listed distributions', 'dist p on X = {a: 1, b: 0, c: 0}\ndist q on X = {a: 1/2, b: 1/4, c: 1/4}\ncredal K = hull{p, q}', 1],
        ['probability intervals', 'credal K on X = { P({a}) in [1/2, 1], P({b}) in [0, 1/4], P({c}) in [0, 1/4] }', 0],
        ['ε-contamination', 'dist p on X = {a: 1, b: 0, c: 0}\ncredal K = contamination(p, 1/10)', 0],
        ['a TV ball', 'dist p on X = {a: 1, b: 0, c: 0}\ncredal K = tvball(p, 1/10)', 0]
    ] as const)('closed form (%s): W-ZERO-COND as you type, as on save', async (_name, declaration, expected) => {
        const note = `${X3}${declaration}\ncredal G = K | {b, c}`;
        const typing = await codes(note, TYPING_CATEGORIES);
        expect(typing.filter((c) => c.startsWith('W-ZERO-COND'))).toHaveLength(expected);
        expect((await codes(note, ALL_CATEGORIES)).filter((c) => c.startsWith('W-ZERO-COND'))).toHaveLength(expected);
    });

    it('closed form: E-COND-NULL as you type', async () => {
        expect(await codes(`${X}credal K on X = vacuous({a})\ncredal G = K | {b}`, TYPING_CATEGORIES)).toEqual(['E-COND-NULL@3:16 «{b}»']);
    });

    it('an LP (linear constraints): W-ZERO-COND only on save, and typing says nothing in between', async () => {
        const note = `set X = {a, b, c}\ncredal K on X = { P({b}) >= P({c}) }\ncredal G = K | {b, c}\ncredal H = G ∩ vacuous\n`
            + 'assert lowerP(G, {b}) == 1/2';
        expect(await codes(note, TYPING_CATEGORIES)).toEqual([]);
        expect(await codes(note, ALL_CATEGORIES)).toEqual(['W-ZERO-COND@3:14 «|»']);
    });

    it('an LP: E-COND-NULL only on save, with the declarations that depend on it', async () => {
        const note = `${X}credal K on X = { E[(1, -1)] >= 1 }\ncredal G = K | {b}\ncredal H = G ∩ vacuous`;
        expect(await codes(note, TYPING_CATEGORIES)).toEqual([]);
        expect(await codes(note, ALL_CATEGORIES)).toEqual(['I-PRECISE@2:8 «K»', 'E-COND-NULL@3:16 «{b}»', 'I-DEPENDS@4:12 «G»']);
    });

    it('beyond the typing bound the value is deferred, not computed; any other reader computes it', async () => {
        const n = 80;
        const chain = Array.from({ length: n - 1 }, (_, i) => `P({${i + 1}}) >= P({${i + 2}})`).join(', ');
        const note = `set X = {1 .. ${n}}\ncredal K on X = { ${chain} }\ncredal G = K | {${n - 1}, ${n}}`;
        expect(await evaluation.issues(note, false)).toEqual([]);
        const value = await evaluation.declaration(note, 'G');
        expect(value.kind).toBe('credal');
        expect(await codes(note, ALL_CATEGORIES)).toContain('W-ZERO-COND@3:14 «|»');
    });

    it('the closed-form test reads the structure the engine routes on', async () => {
        const closed = await evaluation.declaration(`${X}credal K on X = { P({a}) in [1/4, 3/4] }`, 'K');
        const lp = await evaluation.declaration(`${X}credal K on X = { P({a}) >= P({b}) }`, 'K');
        expect(hasClosedFormBounds((closed as CredalValue).credal)).toBe(true);
        expect(hasClosedFormBounds((lp as CredalValue).credal)).toBe(false);
    });
});
