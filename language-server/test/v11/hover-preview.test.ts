import { expectHover } from 'langium/test';
import { afterEach, describe, expect, it } from 'vitest';
import { lspTestKit } from '../lsp/lsp-test-kit.js';
import { latexExpression } from '../../src/render/latex/expression.js';
import { isCredalDeclaration, type CredalDeclaration } from '../../src/generated/ast.js';

const kit = lspTestKit();
const hover = expectHover(kit.credal);
afterEach(() => kit.clear());

describe('v1.1 in hover', () => {
    it('a conditional assessment shows the linear form it stands for', async () => {
        await hover({
            text: 'set X = {a, b, c}\ncredal K on X = { <|>P({a} | {a, b}) in [1/4, 1/2] }', index: 0, disposeAfterCheck: true,
            hover: /stands for the linear constraints `P\(\{a\} ∩ \{a, b\}\) − 1\/4·P\(\{a, b\}\) ≥ 0` and `P\(\{a\} ∩ \{a, b\}\) − 1\/2·P\(\{a, b\}\) ≤ 0`/
        });
        await hover({
            text: 'set X = {a, b, c}\ngamble f on X = (0, 3, 6)\ncredal K on X = { <|>E[f | {a, b}] >= 1 }', index: 0, disposeAfterCheck: true,
            hover: /stands for the linear constraint `E\[\(f − 1\) · 1\[\{a, b\}\]\] ≥ 0`/
        });
    });

    it("a belief function's focal masses are a table; the conditioning convention is named", async () => {
        await hover({
            text: 'set X = {a, b, c}\ncredal <|>Bel on X = belief{ {a}: 3/10, {a, b}: 1/2, all: 1/5 }', index: 0, disposeAfterCheck: true,
            hover: /\| focal event \| mass \|\n\|---\|---\|\n\| `\{a, b, c\}` \| 1\/5 \|\n\| `\{a, b\}` \| 1\/2 \|\n\| `\{a\}` \| 3\/10 \|/
        });
        await hover({
            text: 'conventions { conditioning natural }\nset X = {a, b, c}\ncredal K on X = hull{(1, 0, 0), (0, 1/2, 1/2)}\ncredal <|>G = K | {b, c}', index: 0, disposeAfterCheck: true,
            hover: /Conditioning on a lower-probability-0 event:\*\* natural extension \(vacuous on the event\), from the note's `conventions`/
        });
    });
});

describe('v1.1 in the preview', () => {
    it('P(A | B) is typeset as a conditional inside a constraint block, K | B stays a conditioning', async () => {
        const document = await kit.build('set X = {a, b, c}\ncredal K on X = { P({a} | {a, b}) >= 1/2 }\ncredal G = K | {a, b}');
        const [K, G] = document.parseResult.value.statements.filter(isCredalDeclaration) as CredalDeclaration[];
        const constraint = latexExpression(K!.value, { setTex: () => 'X', constraints: true });
        expect(constraint).toBe('\\{p(\\{a\\}\\mid \\{a,\\ b\\})\\ge \\tfrac{1}{2}\\}');
        expect(latexExpression(G!.value, { setTex: () => 'X' })).toContain('\\,|\\,');
    });
});
