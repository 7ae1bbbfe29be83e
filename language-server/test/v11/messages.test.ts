import { afterEach, describe, expect, it } from 'vitest';
import { describeIssues, evaluationKit } from '../evaluation/evaluation-kit.js';

const kit = evaluationKit();
afterEach(() => kit.clear());

describe('§8.9 messages and conventions: the old behaviour is gone', () => {
    it('lowerE(K, D.d1) parses and evaluates: no `unknown name lowerE`, no cascade of syntax errors', async () => {
        const text = 'set X = {x1, x2}\ncredal K on X = vacuous\ndecision D on X { belief K\n acts { d1 = (4, 0)\n d2 = (0, 4) } }\neval lowerE(K, D.d1)\neval upperE(K, D.d1 + D.d2)';
        const document = await kit.parse(text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(await kit.values(text)).toEqual(['0', '4']);
        expect(describeIssues(await kit.issues(text)).filter((l) => l.includes('lowerE'))).toEqual([]);
    });

    it('a wrong token after a dot is one syntax error at that token', async () => {
        const document = await kit.parse('set X = {x1, x2}\ncredal K on X = vacuous\neval lowerE(K, D.)\neval 1\ndecision D on X { belief K\n acts { d1 = 0 } }');
        expect(document.parseResult.parserErrors).toEqual([]);
        await kit.services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1);
        expect(errors.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`))
            .toEqual(['3:18 expected the name of an act or policy after `D.`, found `)`']);
    });

    it('W-ZERO-COND is not raised where regular and natural extension agree (a singleton event)', async () => {
        const text = 'set X = {a, b, c}\ncredal K on X = hull{(0, 0, 1), (1/2, 1/2, 0), (1, 0, 0)}\ncredal G = K | {a}\ncredal H = K | {a, b}\neval vertices(G)\neval vertices(H)';
        const issues = describeIssues(await kit.issues(text));
        expect(issues.filter((l) => l.includes('W-ZERO-COND')).map((l) => l.slice(0, 18))).toEqual(['W-ZERO-COND 4:14 {']);
        expect(await kit.values(text)).toEqual(['{(1, 0, 0)}', '{(1/2, 1/2, 0), (1, 0, 0)}']);
    });

    it('I-REDUNDANT on several constraints each implied by the others says any one, not all, can go', async () => {
        const text = 'set Y = {a, b}\ncredal K on Y = { P({a}) >= 1/2, P({b}) <= 1/2, E[(1, 0)] >= 1/2, 2 * P({a}) >= 1 }';
        const redundant = (await kit.issues(text)).filter((i) => i.code === 'I-REDUNDANT');
        expect(redundant).toHaveLength(4);
        expect(new Set(redundant.map((i) => i.message))).toEqual(new Set(['this constraint is implied by the others; any one of these four can be removed, not all']));
        expect(redundant.every((i) => i.data['deleteRange'] !== undefined && i.related.length === 3)).toBe(true);
    });

    it('pointwise admissibility compares acts only on states of positive upper probability', async () => {
        const text = 'set X = {x1, x2, x3}\ncredal K on X = vacuous({x1, x2})\n'
            + 'decision D on X { belief K\n acts { d1 = (1, 1, 0)\n d2 = (1, 1, 5)\n d3 = (0, 1, 0) } }\neval choose(D, admissibility)';
        expect(await kit.values(text)).toEqual(['{d1, d2}']);
    });
});
