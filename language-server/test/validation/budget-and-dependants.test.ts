import { afterEach, describe as group, expect, it } from 'vitest';
import { describe, validationKit } from './validation-kit.js';

// E-BUDGET and I-ENUM-LIMIT under a deliberately small budget; errors reported once where they are,
// with dependants saying so instead of repeating them.

const BIG = [
    'set X = {1 .. 12}',
    'credal K on X = { P({1}) <= 1/4, P({2}) <= 1/4, P({3}) <= 1/4, P({4}) <= 1/4, P({5}) <= 1/4, P({6}) <= 1/4,',
    '                  P({7}) <= 1/4, P({8}) <= 1/4, P({9}) <= 1/4, P({10}) <= 1/4, P({11}) <= 1/4, P({12}) <= 1/4 }',
    'gamble f on X = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)',
    'eval vertices(K)',
    'eval lowerE(K, f)'
].join('\n');

group('budgets', () => {
    const kit = validationKit();
    kit.services.Credal.evaluation.Evaluator.updateSettings({ maxSteps: 50, timeoutMs: 10_000 });
    afterEach(() => kit.clear());

    it('a vertex enumeration over budget is E-BUDGET on the query; LP queries still answer', async () => {
        const { diagnostics } = await kit.validate(BIG);
        const budget = diagnostics.filter((d) => d.code === 'E-BUDGET');
        expect(budget.map((d) => [d.text, d.severity]), describe(diagnostics).join('\n')).toEqual([['vertices(K)', 'error']]);
        expect(budget[0]!.message).toMatch(/vertex enumeration of K stopped: over budget \(step budget of 50 exhausted\); LP-based queries .* still answer exactly/);
        expect(diagnostics.filter((d) => d.line === 6)).toEqual([]);
    });

    it('expensive checks over budget become I-ENUM-LIMIT (information) on the declaration', async () => {
        const { diagnostics } = await kit.validate(BIG.split('\n').slice(0, 3).join('\n'));
        const limit = diagnostics.filter((d) => d.code === 'I-ENUM-LIMIT');
        expect(limit.map((d) => [d.text, d.severity]), describe(diagnostics).join('\n')).toEqual([['K', 'info']]);
        expect(limit[0]!.message).toMatch(/stopped over budget: step budget of 50 exhausted/);
    });
});

group('errors are reported once, where they are', () => {
    const kit = validationKit();
    afterEach(() => kit.clear());

    it('dependants say "depends on p, which has errors" instead of repeating E-DIST-SUM', async () => {
        const { diagnostics } = await kit.validate([
            'set X = {a, b, c}',
            'dist p on X = {a: 0.2, b: 0.3, c: 0.4}',
            'credal K = contamination(p, 1/10)',
            'eval lowerP(K, {a})'
        ].join('\n'));
        expect(describe(diagnostics)).toEqual([
            'E-DIST-SUM error 2:15 «{a: 0.2, b: 0.3, c: 0.4}» sums to 9/10; 1/10 missing',
            'I-DEPENDS info 3:26 «p» depends on p, which has errors',
            'I-DEPENDS info 4:13 «K» depends on K, which has errors (through p)'
        ]);
        expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
    });

    it('a broken declaration does not hide the diagnostics of the others', async () => {
        const { diagnostics } = await kit.validate([
            'set X = {a, b}',
            'dist p on X = {a: 0.2, b: 0.3}',
            'dist q on X = {a: 0.7, b: 0.7}',
            'credal K on X = { P({a}) > 1/3 }'
        ].join('\n'));
        expect(diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual(['E-DIST-SUM@2', 'E-DIST-SUM@3', 'E-STRICT@4']);
    });
});
