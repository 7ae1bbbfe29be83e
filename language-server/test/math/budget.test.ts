import { describe, expect, it } from 'vitest';
import { Budget, BudgetExceeded, runBudgeted, runOutcome, ok } from '../../src/math/budget.js';

describe('Budget', () => {
    it('stops after the step limit with reason steps', () => {
        const b = new Budget({ maxSteps: 3 });
        b.spend(); b.spend(2);
        expect(b.stepsUsed).toBe(3);
        try { b.spend(); expect.unreachable(); } catch (e) {
            expect(e).toBeInstanceOf(BudgetExceeded);
            expect((e as BudgetExceeded).reason).toBe('steps');
        }
    });
    it('stops on cancellation and on the deadline', () => {
        let cancelled = false;
        const b = new Budget({ isCancelled: () => cancelled });
        b.spend();
        cancelled = true;
        expect(() => b.spend()).toThrow(BudgetExceeded);
        const t = new Budget({ timeMs: 0 });
        const start = performance.now();
        while (performance.now() === start) { /* let the clock move */ }
        expect(() => t.spend()).toThrowError(/time/);
    });
    it('never stops an unlimited budget', () => {
        const b = Budget.unlimited();
        for (let i = 0; i < 10000; i++) b.spend();
        expect(b.stepsUsed).toBe(10000);
    });
    it('turns exceptions into typed outcomes', () => {
        const over = runBudgeted(() => { const b = new Budget({ maxSteps: 0 }); b.spend(); return 1; });
        expect(over).toEqual({ ok: false, error: { code: 'E-BUDGET', message: 'step budget of 0 exhausted', data: { reason: 'steps' } } });
        expect(runBudgeted(() => 5)).toEqual({ ok: true, value: 5 });
        const internal = runOutcome(() => { throw new Error('boom'); });
        expect(internal.ok).toBe(false);
        expect(!internal.ok && internal.error.code).toBe('E-INTERNAL');
        expect(runOutcome(() => ok('x'))).toEqual({ ok: true, value: 'x' });
    });
});
