import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { MAX_DEFINITION_DEPTH, MAX_EXPRESSION_DEPTH } from '../../src/evaluation/context.js';
import { codeOf, credalTestKit, summarize } from '../grammar/credal-test-kit.js';
import { describeIssues, evaluationKit } from './evaluation-kit.js';

const kit = credalTestKit();
const evaluation = evaluationKit();
let logged: MockInstance;
beforeEach(() => {
    logged = vi.spyOn(console, 'error');
});
afterEach(async () => {
    logged.mockRestore();
    await kit.clear();
    await evaluation.clear();
});

const coin = 'set Coin = {heads, tails}\n';

describe('one cause, one report: the evaluator is silent where linking already reported', () => {
    it('an event literal with no set is reported once, at the element linking could not resolve', async () => {
        expect(summarize(await kit.diagnose(`${coin}event A = {heads}`))).toEqual([
            'E-UNRESOLVED 2:12 cannot resolve `heads`: the set this literal lives on is unknown; add `on <set>` to the declaration'
        ]);
    });

    it('likewise for mappings, constraint blocks, point(…), compl(…) and constants beside such a literal', async () => {
        const notes = [
            'dist d = {heads: 1/2, tails: 1/2}', 'gamble g = {heads: 1, else: 0}', 'credal K = { P({heads}) >= 1/2 }',
            'dist d = point(heads)', 'event B = compl({heads})', 'credal V = vacuous({heads})',
            'eval lowerP(vacuous, {heads})', 'eval P(uniform, {heads})'
        ];
        for (const note of notes) {
            // Linking reports the element it cannot resolve; the evaluator adds nothing.
            expect((await kit.diagnose(coin + note)).map(codeOf), note).toContain('E-UNRESOLVED');
            expect(describeIssues(await evaluation.issues(coin + note)), note).toEqual([]);
            await kit.clear();
            await evaluation.clear();
        }
    });

    it('still says it cannot tell the set when nothing else was reported', async () => {
        expect(summarize(await kit.diagnose(`${coin}event A = all`))).toEqual([
            'E-TYPE 2:11 cannot tell which set `all` is on; add `on <set>` to the declaration'
        ]);
    });

    it('unknown names, elements, acts and `on` sets are reported by linking only', async () => {
        const notes = [
            'credal K = tvball(fiar, 1/10)', 'dist d on Coin = point(hed)', 'credal K on Con = vacuous', 'event A on Con = {heads}',
            'credal K on Coin = {P({hed}) >= 1/2}', 'credal K on Coin = vacuous\neval lowerP(K, {heads, hed})',
            'credal K on Coin = vacuous\ndecision D on Coin { belief K acts {a = 1 b = 2} }\neval value(D, c, maximin)',
            'credal K on Coin = vacuous\ndecision D on Con { belief K acts {a = 1} }', 'let x = y + 1'
        ];
        for (const note of notes) {
            const linking = (await kit.diagnose(coin + note)).map(codeOf);
            expect(linking.length, note).toBeGreaterThan(0);
            expect(linking.every(code => code === 'E-UNRESOLVED' || code === 'E-ELEM-UNKNOWN'), note).toBe(true);
            expect(describeIssues(await evaluation.issues(coin + note)), note).toEqual([]);
            await kit.clear();
            await evaluation.clear();
        }
    });
});

describe('depth: nothing overflows the stack', () => {
    it('a chain of 1000 definitions evaluates exactly, without recursing through it', async () => {
        const n = 1000;
        const lines = Array.from({ length: n }, (_, i) => (i === n - 1 ? `let x${i} = 0` : `let x${i} = x${i + 1} + 1`));
        const text = `${lines.join('\n')}\neval x0`;
        expect(await evaluation.values(text)).toEqual([String(n - 1)]);
        expect(describeIssues(await evaluation.issues(text))).toEqual([]);
        expect(logged).not.toHaveBeenCalled();
    });

    it('a definition used beyond the nesting limit is E-BUDGET at the use, not a stack overflow', async () => {
        const document = await evaluation.parse('let a = 1\nlet b = a + 1');
        const b = document.parseResult.value.statements[1]!;
        evaluation.evaluator.nesting.definitions = MAX_DEFINITION_DEPTH;
        try {
            const value = evaluation.evaluator.valueOf(b);
            expect(value).toMatchObject({ kind: 'error', code: 'E-BUDGET' });
            expect(describeIssues(evaluation.evaluator.declarationResult(b).issues, b)).toEqual([
                `E-BUDGET 2:9 definitions nested deeper than ${MAX_DEFINITION_DEPTH} levels: \`a\` is not evaluated here`
            ]);
        } finally {
            evaluation.evaluator.nesting.definitions = 0;
        }
        // Depth-dependent results are not cached: at the top level the same declaration is fine.
        expect(evaluation.evaluator.valueOf(b)).toMatchObject({ kind: 'number' });
    });

    it('an expression nested deeper than the limit is E-BUDGET; one within it evaluates', async () => {
        const sum = (terms: number) => Array.from({ length: terms }, () => '1').join(' + ');
        expect(await evaluation.values(`eval ${sum(MAX_EXPRESSION_DEPTH - 10)}`)).toEqual([String(MAX_EXPRESSION_DEPTH - 10)]);
        const issues = await evaluation.issues(`let x = ${sum(1500)}\neval x`);
        // Once at the over-deep part of x, and the use says what it depends on.
        expect(issues.map(issue => issue.code)).toEqual(['E-BUDGET', 'I-DEPENDS']);
        expect(issues[0]!.message).toBe(`expression nested deeper than ${MAX_EXPRESSION_DEPTH} levels; split it into named parts with \`let\``);
        expect(logged).not.toHaveBeenCalled();
    });

    it('10,000 nested parentheses and long unions give diagnostics, never an internal error', async () => {
        const notes = [
            `let x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}`,
            `${coin}credal K on Coin = vacuous\ncredal H on Coin = hull(${Array.from({ length: 1200 }, () => 'K').join(' ∪ ')})`,
            `${coin}credal K on Coin = { ${Array.from({ length: 1200 }, () => 'P({heads})').join(' + ')} >= 0 }`
        ];
        for (const note of notes) {
            const codes = (await kit.diagnose(note)).map(codeOf);
            expect(codes, note.slice(0, 40)).not.toContain('E-INTERNAL');
            await kit.clear();
        }
        expect(logged).not.toHaveBeenCalled();
    });
});

describe('error recovery: missing parts never reach the evaluator as exceptions', () => {
    it('a constraint with no right side is a syntax error only', async () => {
        const diagnostics = await kit.diagnose('set X = {a, b}\ncredal K on X = { P({a}) >= ');
        expect(diagnostics.map(codeOf)).not.toContain('E-INTERNAL');
        expect(diagnostics.map(codeOf)).toContain('E-SYNTAX');
        expect(logged).not.toHaveBeenCalled();
    });
});
