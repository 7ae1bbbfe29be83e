import { afterEach, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/evaluation/facts/index.js';
import type { CredalValue, DdtValue, DecisionValue, Value } from '../../src/evaluation/values.js';
import type { Rational } from '../../src/math/rational.js';
import { evaluationKit } from './evaluation-kit.js';

const kit = evaluationKit();
afterEach(async () => {
    kit.evaluator.updateSettings({ maxSteps: 2_000_000, timeoutMs: 10_000 });
    await kit.clear();
});

const coin = 'set Coin = {heads, tails}\n';
const text = (points: readonly (readonly Rational[])[]): string[] => points.map(p => `(${p.join(', ')})`);

function value<T>(fact: Fact<T>): T {
    if (!fact.ok) throw new Error(`${fact.error.code}: ${fact.error.message}`);
    return fact.value;
}

async function declaration<K extends Value['kind']>(note: string, name: string, kind: K): Promise<{ value: Extract<Value,
    { kind: K }>; node: import('langium').AstNode }> {
    const document = await kit.parse(note);
    const node = document.parseResult.value.statements.find(s => (s as { name?: string }).name === name)!;
    const result = kit.evaluator.valueOf(node);
    expect(result.kind).toBe(kind);
    return { value: result as Extract<Value, { kind: K }>, node };
}

describe('credal facts', () => {
    it('vertices, element bounds, dimension and the flags, exactly', async () => {
        const { value: K } = await declaration(`${coin}credal K on Coin = { P({heads}) in [1/4, 3/4] }`, 'K', 'credal');
        const facts = kit.evaluator.facts.credalFacts(K as CredalValue);
        const limits = kit.evaluator.facts.limits();
        expect(text(value(facts.vertices(limits)))).toEqual(['(1/4, 3/4)', '(3/4, 1/4)']);
        expect(value(facts.elementBounds(limits)).map(b => `[${b.lower}, ${b.upper}]`)).toEqual(['[1/4, 3/4]', '[1/4, 3/4]']);
        expect(value(facts.dimension(limits))).toBe(1);
        expect([value(facts.precise(limits)), value(facts.vacuous(limits)), value(facts.coherent(limits))]).toEqual([false, false, true]);
    });

    it('coherence counts only the bounds the author wrote', async () => {
        // The implicit upper bound 1 of heads is not tight (tails ≥ 1/2 forces heads ≤ 1/2), but nobody wrote it.
        const implicit = await declaration(`${coin}credal K on Coin = { P({heads}) >= 1/4, P({tails}) >= 1/2 }`, 'K', 'credal');
        expect(value(kit.evaluator.facts.credalFacts(implicit.value).coherent(kit.evaluator.facts.limits()))).toBe(true);
        await kit.clear();
        const written = await declaration(`${coin}credal K on Coin = { P({heads}) >= 1/4, P({tails}) >= 1/2, P({heads}) <= 3/5 }`, 'K',
            'credal');
        expect(value(kit.evaluator.facts.credalFacts(written.value).coherent(kit.evaluator.facts.limits()))).toBe(false);
    });

    it('is remembered with the value, and an over-budget enumeration says so', async () => {
        const { value: K } = await declaration(`${coin}credal K on Coin = { P({heads}) in [1/4, 3/4] }`, 'K', 'credal');
        expect(kit.evaluator.facts.credalFacts(K)).toBe(kit.evaluator.facts.credalFacts(K));
        const box = `set X = {${Array.from({ length: 12 }, (_, i) => `x${i}`).join(', ')}}\n`
            + `credal B on X = { ${Array.from({ length: 11 }, (_, i) => `P({x${i}}) + P({x${i + 1}}) <= 1/2`).join(', ')} }`;
        await kit.clear();
        kit.evaluator.updateSettings({ maxSteps: 50, timeoutMs: 10_000 });
        const { value: B } = await declaration(box, 'B', 'credal');
        const vertices = kit.evaluator.facts.credalFacts(B).vertices(kit.evaluator.facts.limits());
        expect(vertices).toMatchObject({ ok: false, overBudget: true, error: { code: 'E-BUDGET' } });
    });
});

describe('decision facts', () => {
    const problem = `${coin}credal K on Coin = { P({heads}) in [1/4, 3/4] }
decision D on Coin { belief K acts { bet = {heads: 1, tails: -1}  safe = 0 } }\n`;

    it('the per-act table and every rule, with Hurwicz only when the note uses an α', async () => {
        const { value: D, node } = await declaration(problem, 'D', 'decision');
        const summary = value(kit.evaluator.facts.decisionFacts(D as DecisionValue, node).summary(kit.evaluator.facts.limits()));
        expect(summary.bounds.map(b => `${b.act} [${b.lower}, ${b.upper}]`)).toEqual(['bet [-1/2, 1/2]', 'safe [0, 0]']);
        const chosen = Object.fromEntries(summary.results.map(r => [r.rule.kind, r.chosen.join(' ')]));
        expect(chosen).toEqual({
            maximin: 'safe', maximax: 'bet', intervalDominance: 'bet safe', maximality: 'bet safe',
            eAdmissibility: 'bet safe', minimaxRegret: 'bet safe', admissibility: 'bet safe'
        });
        expect(summary.results.find(r => r.rule.kind === 'maximin')!.rejected).toMatchObject([{ act: 'bet', witness: { kind: 'score',
            by: 'safe' } }]);
        await kit.clear();
        const withAlpha = await declaration(`${problem}eval choose(D, hurwicz(1/3))\neval choose(D, hurwicz(3/4))`, 'D', 'decision');
        const results = value(kit.evaluator.facts.decisionFacts(withAlpha.value,
            withAlpha.node).summary(kit.evaluator.facts.limits())).results;
        const hurwicz = results.filter(r => r.rule.kind === 'hurwicz');
        expect(hurwicz.map(r => `${(r.rule as { alpha: Rational }).alpha}: ${r.chosen.join(' ')}`)).toEqual(['1/3: safe', '3/4: bet']);
    });

    it('where each act is optimal on a two-element set, exactly, beside the belief', async () => {
        const { value: D, node } = await declaration(problem, 'D', 'decision');
        const regions = value(kit.evaluator.facts.decisionFacts(D, node).regions(kit.evaluator.facts.limits()));
        expect(regions.acts.map(a => `${a.act}: ${text(a.vertices).join(' ')}`)).toEqual(['bet: (1/2, 1/2) (1, 0)',
            'safe: (0, 1) (1/2, 1/2)']);
        expect(text(regions.belief)).toEqual(['(1/4, 3/4)', '(3/4, 1/4)']);
    });

    it('losses are minimised in the regions too; sets of four elements get no regions', async () => {
        const losses = `${coin}credal K on Coin = vacuous\ndecision L on Coin { belief K losses { a = {heads: 1, tails: 0}  b = {heads: 0, tails: 3} } }`;
        const { value: L, node } = await declaration(losses, 'L', 'decision');
        const regions = value(kit.evaluator.facts.decisionFacts(L, node).regions(kit.evaluator.facts.limits()));
        // a loses p(heads), b loses 3·p(tails): a is better where p ≤ 3(1 − p), i.e. p(heads) ≤ 3/4.
        expect(regions.acts.map(a => `${a.act}: ${text(a.vertices).join(' ')}`)).toEqual(['a: (0, 1) (3/4, 1/4)', 'b: (3/4, 1/4) (1, 0)']);
        await kit.clear();
        const four = 'set W = {a, b, c, d}\ncredal K on W = vacuous\ndecision D on W { belief K acts { x = 1  y = 2 } }';
        const wide = await declaration(four, 'D', 'decision');
        expect(kit.evaluator.facts.decisionFacts(wide.value, wide.node).regions(kit.evaluator.facts.limits())).toMatchObject({ ok: false,
            error: { code: 'I-SKIPPED' } });
    });
});

describe('DDT facts', () => {
    it('solves the problem once for every reader', async () => {
        const note = `set Worlds = {11, 12, 21, 22}
credal T on Worlds = { P({11, 22}) >= 9/10, P({12}) = P({21}) }
gamble U on Worlds = (1000000, 1001000, 0, 1000)
ddt N on Worlds { belief T policies { onebox consistent {11, 21} twobox consistent {12, 22} } utility U semantics nirvana0 top 1001000 }`;
        const { value: N } = await declaration(note, 'N', 'ddt');
        const facts = kit.evaluator.facts.ddtFacts(N as DdtValue);
        const solution = value(facts.solution(kit.evaluator.facts.limits()));
        expect(solution.policies.map(p => `${p.policy} ${p.value}`)).toEqual(['onebox 950050', 'twobox 1000']);
        expect(solution.optimal).toEqual(['onebox']);
        expect(facts.solution(kit.evaluator.facts.limits())).toBe(facts.solution(kit.evaluator.facts.limits()));
    });
});
