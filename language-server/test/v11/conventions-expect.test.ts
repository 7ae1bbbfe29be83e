import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { lspTestKit } from '../lsp/lsp-test-kit.js';

const kit = lspTestKit();
afterEach(async () => {
    kit.configure({});
    await kit.clear();
});

const lines = (diagnostics: readonly Diagnostic[] | undefined): string[] => (diagnostics ?? []).map((d) =>
    `${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1]} ${(d.data as { code?: string }).code} ${d.range.start.line + 1}: ${d.message}`);

const ZERO = 'set X = {a, b, c}\ncredal K on X = hull{(1, 0, 0), (0, 0, 1), (1/2, 1/2, 0)}\neval lowerP(K | {a, b}, {a})\n';

describe('§8.5 conventions', () => {
    it('the note wins over the setting; `condition(K, B, rule)` wins over both', async () => {
        kit.configure({ conditioning: { zeroLowerProbability: 'regular' } });
        const document = await kit.build(`conventions { conditioning natural }\n${ZERO}eval lowerP(condition(K, {a, b}, regular), {a})`);
        const evaluator = kit.credal.evaluation.Evaluator;
        const evals = document.parseResult.value.statements.filter((s) => s.$type === 'Eval');
        expect(evals.map((e) => String((evaluator.valueOf(e) as { value?: unknown }).value))).toEqual(['0', '1/2']);
        const warning = lines(document.diagnostics).find((l) => l.includes('W-ZERO-COND'));
        expect(warning).toContain("natural extension (vacuous on the event: a lower expectation is the minimum over it), from the note's `conventions`");
    });

    it('without a block the setting is used, and the warning says so', async () => {
        kit.configure({ conditioning: { zeroLowerProbability: 'natural' } });
        const document = await kit.build(ZERO);
        expect(lines(document.diagnostics).find((l) => l.includes('W-ZERO-COND'))).toContain('default from setting `credal.conditioning.zeroLowerProbability` (CLI `--zero-conditioning`)');
    });

    it("a problem's own clause wins over the block; the block over the setting", async () => {
        kit.configure({ ddt: { defaultInconsistent: 'error' } });
        const text = 'conventions { inconsistent exclude, ddt strict }\nset W = {11, 12, 21, 22}\ncredal T on W = vacuous({11, 22})\n'
            + 'ddt N on W { belief T\n policies { one consistent {11, 21} two consistent {12, 22} three consistent {21} }\n utility (1000000, 1001000, 0, 1000) }\n'
            + 'ddt M on W { belief T\n policies { one consistent {11, 21} three consistent {21} }\n utility (1000000, 1001000, 0, 1000)\n inconsistent error }\n'
            + 'eval choose(N)';
        const document = await kit.build(text);
        const found = lines(document.diagnostics);
        expect(found.filter((l) => l.startsWith('error'))).toEqual([expect.stringContaining('E-DDT-EMPTY 8: the belief rules out policy three')]);
        expect(found).toContain('info E-DDT-EMPTY 5: Θ_three is empty; three is excluded');
    });

    it('at most one block, each key once, each key with its own words', async () => {
        const document = await kit.build('conventions { conditioning strict, ddt nirvana0, ddt strict }\nconventions { inconsistent exclude }');
        expect(lines(document.diagnostics).sort()).toEqual([
            'error E-TYPE 1: `conditioning` takes `regular` or `natural`, not `strict`',
            'error E-TYPE 1: `ddt` is given twice in this block; the first one is in force',
            'error E-TYPE 2: a note has at most one `conventions` block; the one on line 1 is in force: merge the two'
        ]);
    });
});

describe('§8.6 expect', () => {
    const SURE_LOSS = 'set Y = {0, 1, 2, 3}\ncredal K on Y = { E[(1, 2, 3, 0)] >= 5/2, E[(3, 2, 1, 0)] >= 5/2 }\n';

    it('an expected E-EMPTY is information with the full message and certificate; the note has no error', async () => {
        const document = await kit.build(`${SURE_LOSS}expect E-EMPTY in K\neval lowerP(K, {0})`);
        const found = lines(document.diagnostics);
        expect(found.filter((l) => l.startsWith('error'))).toEqual([]);
        const expected = (document.diagnostics ?? []).find((d) => (d.data as { code?: string }).code === 'E-EMPTY')!;
        expect(expected.severity).toBe(3);
        expect(expected.message).toMatch(/^expected: K is empty: the assessments incur sure loss\. .*\(-1, -1, -1, -5\)/);
        expect((expected.data as { certificate?: unknown }).certificate).toBeDefined();
        expect(found.some((l) => l.includes('I-DEPENDS') && l.includes('depends on K'))).toBe(true);
    });

    it('E-EXPECT when K is fine, and for a code outside §A.9', async () => {
        const document = await kit.build('set Y = {h, t}\ncredal K on Y = { P({h}) >= 1/2 }\nexpect E-EMPTY in K\nexpect E-SYNTAX in K\nexpect W-ZERO-COND in K');
        expect(lines(document.diagnostics)).toEqual([
            'error E-EXPECT 3: `K` was expected to raise E-EMPTY but is fine',
            'error E-EXPECT 4: only the codes of SEMANTICS.md §A.9 can be expected, and `E-SYNTAX` is not one of them (E-EMPTY, W-ZERO-COND, I-REDUNDANT, …)',
            'error E-EXPECT 5: `K` was expected to raise W-ZERO-COND but is fine'
        ]);
    });

    it('expects a cheap code of any declaration kind (a distribution that does not sum to 1)', async () => {
        const document = await kit.build('set Y = {h, t}\ndist p on Y = {h: 1/2, t: 1/4}\nexpect E-DIST-SUM in p');
        expect(lines(document.diagnostics)).toEqual(['info E-DIST-SUM 2: expected: sums to 3/4; 1/4 missing']);
    });
});
