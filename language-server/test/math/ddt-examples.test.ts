/**
 * DDT (SEMANTICS Part B): worked example B-1 (Newcomb, perfect predictor), the Cartesian contrast,
 * nirvana0, inconsistent-policy handling, unreachable outcomes and loss orientation.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/math/budget.js';
import { precise, vacuous } from '../../src/math/credal.js';
import { solveDdt, policyValue, type DdtProblem } from '../../src/math/ddt.js';
import { choose } from '../../src/math/decision.js';
import { q, type Rational } from '../../src/math/rational.js';

function get<T>(o: Outcome<T>): T {
    if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
    return o.value;
}
const v = (...xs: (string | number)[]): Rational[] => xs.map((x) => q(x as string));
const s = (x: Rational): string => x.toString();
const ev = (...bits: number[]): boolean[] => bits.map((b) => b === 1);

// Outcomes (prediction, action): 11, 12, 21, 22.
const theta = get(vacuous(4, ev(1, 0, 0, 1)));
const newcomb: DdtProblem = {
    belief: theta,
    policies: [{ name: 'onebox', consistent: ev(1, 0, 1, 0) }, { name: 'twobox', consistent: ev(0, 1, 0, 1) }],
    payoff: v(1000000, 1001000, 0, 1000),
    orientation: 'utility',
};

describe('B-1 Newcomb with a perfect predictor', () => {
    it('one-boxes with value 1,000,000', () => {
        const r = get(solveDdt(newcomb));
        expect(r.optimal).toEqual(['onebox']);
        expect(r.tie).toBe(false);
        expect(s(r.optimalValue as Rational)).toBe('1000000');
        expect(r.policies.map((p) => [p.policy, s(p.value!), p.vertexCount, p.worstVertex!.map(s), s(p.regret!)])).toEqual([
            ['onebox', '1000000', 1, ['1', '0', '0', '0'], '0'],
            ['twobox', '1000', 1, ['0', '0', '0', '1'], '999000'],
        ]);
        expect(r.notes.map((n) => n.code)).toEqual([]);
        expect(s(get(policyValue(newcomb, 'twobox')))).toBe('1000');
    });
    it('nirvana0 with top 1,001,000 gives the same numbers', () => {
        const r = get(solveDdt({ ...newcomb, semantics: { kind: 'nirvana0', top: q(1001000) } }));
        expect(r.optimal).toEqual(['onebox']);
        expect(r.policies.map((p) => s(p.value!))).toEqual(['1000000', '1000']);
    });
    it('the Cartesian model two-boxes under Γ-maximin', () => {
        const K = get(vacuous(2));
        const r = get(choose({ belief: K, orientation: 'utility', acts: [
            { name: 'onebox', payoff: v(1000000, 0) }, { name: 'twobox', payoff: v(1001000, 1000) }] }, { kind: 'maximin' }));
        expect(r.chosen).toEqual(['twobox']);
        expect(r.scores!.map((x) => s(x.score))).toEqual(['0', '1000']);
    });
    it('in loss form (L = 1,001,000 − U) the choice and values mirror', () => {
        const lossProblem: DdtProblem = { ...newcomb, orientation: 'loss', payoff: v(1000, 0, 1001000, 1000000) };
        const r = get(solveDdt(lossProblem));
        expect(r.optimal).toEqual(['onebox']);
        expect(r.policies.map((p) => s(p.value!))).toEqual(['1000', '1000000']);
        expect(r.policies.map((p) => s(p.regret!))).toEqual(['0', '999000']);
        const n0 = get(solveDdt({ ...lossProblem, semantics: { kind: 'nirvana0' } }));
        expect(n0.policies.map((p) => s(p.value!))).toEqual(['1000', '1000000']);
    });
});

describe('inconsistent policies and unreachable outcomes', () => {
    const sure = get(precise(v(1, 0, 0, 0)));
    const base: DdtProblem = { ...newcomb, belief: sure };
    it('error (default): E-DDT-EMPTY naming the policy', () => {
        const r = solveDdt(base);
        expect(r.ok).toBe(false);
        if (!r.ok) expect([r.error.code, r.error.data]).toEqual(['E-DDT-EMPTY', { policy: 'twobox' }]);
    });
    it('exclude drops the policy', () => {
        const r = get(solveDdt({ ...base, inconsistent: 'exclude' }));
        expect(r.optimal).toEqual(['onebox']);
        expect(r.policies[1]!.status).toBe('excluded');
        expect(r.notes.map((n) => [n.code, n.severity])).toEqual([['E-DDT-EMPTY', 'info']]);
    });
    it('nirvana makes the policy optimal and warns', () => {
        const r = get(solveDdt({ ...base, inconsistent: 'nirvana' }));
        expect(r.optimal).toEqual(['twobox']);
        expect(r.optimalValue).toBe('nirvana');
        expect(r.notes.map((n) => [n.code, n.severity])).toEqual([['E-DDT-EMPTY', 'warning']]);
    });
    it('an outcome in no E_π is W-DDT-UNREACHABLE', () => {
        const r = get(solveDdt({ ...newcomb, policies: [{ name: 'onebox', consistent: ev(1, 0, 1, 0) }, { name: 'twobox', consistent: ev(0,
            0, 0, 1) }] }));
        expect(r.notes.map((n) => [n.code, n.data])).toEqual([['W-DDT-UNREACHABLE', { outcomes: [1] }]]);
    });
    it('nirvana0 needs a top utility at least the largest utility', () => {
        const missing = solveDdt({ ...newcomb, semantics: { kind: 'nirvana0' } });
        expect(missing.ok ? 'ok' : missing.error.code).toBe('E-PARAM-RANGE');
        const low = solveDdt({ ...newcomb, semantics: { kind: 'nirvana0', top: q(5) } });
        expect(low.ok ? 'ok' : low.error.code).toBe('E-PARAM-RANGE');
        const negLoss = solveDdt({ ...newcomb, orientation: 'loss', payoff: v(-1, 0, 0, 0), semantics: { kind: 'nirvana0' } });
        expect(negLoss.ok ? 'ok' : negLoss.error.code).toBe('E-PARAM-RANGE');
    });
    it('ties are returned whole', () => {
        const r = get(solveDdt({ ...newcomb, payoff: v(5, 5, 0, 5) }));
        expect(r.optimal).toEqual(['onebox', 'twobox']);
        expect(r.tie).toBe(true);
    });
});
