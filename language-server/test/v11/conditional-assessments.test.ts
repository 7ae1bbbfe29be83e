import { afterEach, describe, expect, it } from 'vitest';
import { describeIssues, evaluationKit } from '../evaluation/evaluation-kit.js';

const kit = evaluationKit();
afterEach(() => kit.clear());

const X = 'set X = {a, b, c}\n';

describe('§8.1 conditional assessments in constraint blocks', () => {
    it('P(A | B) >= l is P(A ∩ B) >= l·P(B): vertices and bounds by hand', async () => {
        // (1/2, −1/2, 0)·p ≥ 0 ⇔ p_a ≥ p_b: the triangle with vertices δa, δc and (1/2, 1/2, 0).
        const text = X + 'credal K on X = { P({a} | {a, b}) >= 1/2 }\neval vertices(K)\neval lowerP(K, {a})\neval upperP(K, {b})';
        expect(await kit.values(text)).toEqual(['{(0, 0, 1), (1/2, 1/2, 0), (1, 0, 0)}', '0', '1/2']);
    });

    it('every spelling of the bar and of the relation gives the same set', async () => {
        const spellings = ['P({a} | {a, b}) >= 1/2', 'P({a} \\mid {a, b}) \\ge 1/2', 'P({a} | {a, b}) ≥ 1/2', '1/2 <= P({a} | {a, b})',
            'P({a} | {a,b}) in [1/2, 1]'];
        for (const s of spellings) {
            expect(await kit.values(X + `credal K on X = { ${s} }\neval vertices(K)`)).toEqual(['{(0, 0, 1), (1/2, 1/2, 0), (1, 0, 0)}']);
        }
    });

    it('the bar binds loosest: P(C | A ∩ B) conditions on A ∩ B', async () => {
        const text = 'set Y = {a, b, c, d}\ncredal K on Y = { P({a} | {a, b} ∩ {a, b, c}) = 1/4 }\neval lowerP(K | {a, b}, {a})\neval upperP(K | {a, b}, {a})';
        // p_a = 1/4 (p_a + p_b) ⇔ 3 p_a = p_b; conditioned on {a, b} the ratio is exactly 1/4 (regular extension).
        expect(await kit.values(text)).toEqual(['1/4', '1/4']);
    });

    it('E[f | B] in [l, u] expands to both ends', async () => {
        // f = (0, 3, 6), B = {a, b}: 1 ≤ E[f | B] ≤ 2 ⇔ 1/3 ≤ p_b / (p_a + p_b) ≤ 2/3 where p(B) > 0.
        const text = X + 'gamble f on X = (0, 3, 6)\ncredal K on X = { E[f | {a, b}] in [1, 2], P({a, b}) >= 1/2 }\n'
            + 'eval lowerE(K | {a, b}, f)\neval upperE(K | {a, b}, f)\neval lowerP(K, {b})';
        expect(await kit.values(text)).toEqual(['1', '2', '1/6 ≈ 0.1667']);
    });

    it('P(A | B) with P(B) = 0 allowed: natural extension is vacuous on B, as in v1', async () => {
        const text = X + 'credal K on X = { P({a} | {a, b}) >= 1/2 }\neval lowerP(condition(K, {a, b}, natural), {a})\neval lowerP(condition(K, {a, b}, regular), {a})';
        expect(await kit.values(text)).toEqual(['0', '1/2']);
    });

    it('a conditional bound outside [0, 1] is E-BOUND-RANGE; against a non-number E-TYPE', async () => {
        const issues = await kit.issues(X + 'credal K on X = { P({a} | {a, b}) >= 3/2 }\ncredal L on X = { P({a} | {b, c}) >= P({b}) }',
            false);
        expect(describeIssues(issues)).toEqual([
            'E-BOUND-RANGE 2:38 probability bound 3/2 is outside [0, 1]',
            'E-TYPE 3:38 a conditional assessment compares P({a} | {b, c}) with a number, e.g. P({a} | {b, c}) >= 1/2'
        ]);
    });

    it('outside a constraint block a bar in P(…) / E[…] is E-TYPE pointing to lowerP(K | B, A) and K | B', async () => {
        const issues = await kit.issues(X
            + 'credal K on X = vacuous\ndist p on X = uniform\neval P(A | B) >= 1/2\neval lowerP(K, {a} | {b})\neval P(p, {a} | {b})\n'
            + 'event A on X = {a}\nevent B on X = {a, b}');
        const messages = describeIssues(issues);
        expect(messages).toHaveLength(3);
        expect(messages[0]).toContain('E-TYPE 4:6 P(A | B) is a conditional assessment, meaningful only inside a constraint block');
        expect(messages[0]).toContain('lowerP(K | B, A)');
        expect(messages[0]).toContain('K | B conditions K on B');
        expect(messages[1]).toContain('lowerP(K | {b}, {a})');
        expect(messages[2]).toContain('lowerP(K | {b}, {a})');
        expect(messages.every((m) => m.startsWith('E-TYPE'))).toBe(true);
    });
});

describe('§8.9 constraints without the unknown distribution', () => {
    it('P(none) <= 0 holds for every distribution: a warning, not E-TYPE', async () => {
        const issues = await kit.issues(X + 'credal K on X = { P(none) <= 0, P({a}) >= 1/2 }\neval lowerP(K, {a})', false);
        expect(describeIssues(issues)).toEqual(['W-TRIVIAL-CONSTRAINT 2:19 this constraint holds for every distribution (0 ≤ 0): it does not constrain the set and can be removed']);
        expect(issues.some((i) => i.code === 'E-TYPE')).toBe(false);
    });

    it('E[(0, 0)] >= 1/2 is sure loss: E-EMPTY, with the losing constant gamble', async () => {
        const issues = await kit.issues('set Y = {h, t}\ncredal K on Y = { E[(0, 0)] >= 1/2 }', false);
        expect(describeIssues(issues)).toEqual(['E-EMPTY 2:19 this constraint holds for no distribution (0 ≥ 1/2): the assessments incur sure loss; accepting it yields the constant gamble -1/2, which loses in every outcome']);
    });
});
