/**
 * The eight decision rules of SEMANTICS §A.7 on Troffaes' (2007) six-act example, with improb's
 * conventions, witnesses, ties, losses and parameter errors.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/math/budget.js';
import { fromConstraints, hull, precise, rangeConstraints } from '../../src/math/credal.js';
import { actBounds, analyse, choose, score, type Act, type DecisionProblem, type Rule } from '../../src/math/decision.js';
import { q, type Rational } from '../../src/math/rational.js';

function get<T>(o: Outcome<T>): T {
    if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
    return o.value;
}
const v = (...xs: (string | number)[]): Rational[] => xs.map((x) => q(x as string));
const s = (x: Rational): string => x.toString();

const K = get(fromConstraints(2, get(rangeConstraints('p1', v(1, 0), q('0.28'), q('0.7'), true))));
const acts: Act[] = [
    { name: 'd1', payoff: v(4, 0) }, { name: 'd2', payoff: v(0, 4) }, { name: 'd3', payoff: v(3, 2) },
    { name: 'd4', payoff: v('1/2', 3) }, { name: 'd5', payoff: v('47/20', '47/20') }, { name: 'd6', payoff: v('4.1', '-0.3') },
];
const D: DecisionProblem = { belief: K, acts, orientation: 'utility' };
const L: DecisionProblem = { belief: K, acts: acts.map((a) => ({ name: a.name, payoff: a.payoff.map((x) => x.neg()) })),
    orientation: 'loss' };
const chosen = (d: DecisionProblem, rule: Rule): string[] => get(choose(d, rule)).chosen;

describe('Troffaes six-act example', () => {
    it('per-act bounds', () => {
        expect(get(actBounds(D)).map((b) => [b.act, s(b.lower), s(b.upper)])).toEqual([
            ['d1', '28/25', '14/5'], ['d2', '6/5', '72/25'], ['d3', '57/25', '27/10'],
            ['d4', '5/4', '23/10'], ['d5', '47/20', '47/20'], ['d6', '233/250', '139/50'],
        ]);
    });
    it('Γ-maximin {d5}, Γ-maximax {d2}, Hurwicz(1/2) {d3}', () => {
        expect(chosen(D, { kind: 'maximin' })).toEqual(['d5']);
        expect(chosen(D, { kind: 'maximax' })).toEqual(['d2']);
        const h = get(choose(D, { kind: 'hurwicz', alpha: q('1/2') }));
        expect(h.chosen).toEqual(['d3']);
        expect(s(h.scores!.find((x) => x.act === 'd3')!.score)).toBe('249/100');
    });
    it('Hurwicz with α = 0 is Γ-maximin and α = 1 is Γ-maximax', () => {
        expect(chosen(D, { kind: 'hurwicz', alpha: q(0) })).toEqual(['d5']);
        expect(chosen(D, { kind: 'hurwicz', alpha: q(1) })).toEqual(['d2']);
    });
    it('interval dominance rejects d4 with d5 as witness', () => {
        const r = get(choose(D, { kind: 'intervalDominance' }));
        expect(r.chosen).toEqual(['d1', 'd2', 'd3', 'd5', 'd6']);
        expect(r.rejected.map((x) => [x.act, x.witness])).toEqual([['d4', { kind: 'intervalDominance', by: 'd5', margin: q('1/20') }]]);
    });
    it('maximality {d1, d2, d3, d5}: d6 dominated by d1 (margin 1/50), d4 by d5', () => {
        const r = get(choose(D, { kind: 'maximality' }));
        expect(r.chosen).toEqual(['d1', 'd2', 'd3', 'd5']);
        const w = Object.fromEntries(r.rejected.map((x) => [x.act, x.witness]));
        expect(w.d6).toEqual({ kind: 'maximality', by: 'd1', margin: q('1/50') });
        expect(w.d4).toMatchObject({ kind: 'maximality', by: 'd5' });
    });
    it('E-admissibility {d1, d2, d3} with supporting distributions', () => {
        const r = get(choose(D, { kind: 'eAdmissibility' }));
        expect(r.chosen).toEqual(['d1', 'd2', 'd3']);
        expect(r.rejected.map((x) => x.act)).toEqual(['d4', 'd5', 'd6']);
        expect(r.rejected[1]!.witness).toEqual({ kind: 'eAdmissibility', message: 'no p in K makes d5 optimal' });
        for (const { act, p } of r.support!) {
            const value = (name: string): Rational => acts.find((a) => a.name === name)!.payoff.reduce((t, x, i) => t.add(x.mul(p[i]!)),
                q(0));
            for (const other of acts) expect(value(act).ge(value(other.name))).toBe(true);
            expect(p[0]!.ge(q('0.28')) && p[0]!.le(q('0.7'))).toBe(true);
        }
    });
    it('minimax regret {d5} with regret 53/100', () => {
        const r = get(choose(D, { kind: 'minimaxRegret' }));
        expect(r.chosen).toEqual(['d5']);
        expect(r.scores!.map((x) => s(x.score))).toEqual(['44/25', '8/5', '3/5', '31/20', '53/100', '487/250']);
    });
    it('pointwise admissibility keeps every act', () => {
        expect(chosen(D, { kind: 'admissibility' })).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    });
    it('analyse returns all rules and the inclusions hold', () => {
        const summary = get(analyse(D, { alpha: q('1/2') }));
        expect(summary.results.map((r) => r.rule.kind)).toEqual(['maximin', 'maximax', 'hurwicz', 'intervalDominance', 'maximality',
            'eAdmissibility', 'minimaxRegret', 'admissibility']);
    });
});

describe('losses', () => {
    it('choose the same acts with mirrored scores', () => {
        for (const rule of [{ kind: 'maximin' }, { kind: 'maximax' }, { kind: 'maximality' }, { kind: 'eAdmissibility' },
            { kind: 'minimaxRegret' }] as Rule[]) {
            expect(chosen(L, rule)).toEqual(chosen(D, rule));
        }
        expect(s(get(score(L, 'd5', { kind: 'maximin' })))).toBe('-47/20');
        expect(s(get(score(L, 'd1', { kind: 'maximin' })))).toBe('-28/25');
        expect(s(get(score(L, 'd5', { kind: 'minimaxRegret' })))).toBe('53/100');
        const b = get(actBounds(L))[0]!;
        expect([s(b.lower), s(b.upper)]).toEqual(['-14/5', '-28/25']);
    });
    it('a loss problem prefers smaller expected loss', () => {
        const P = get(precise(v('1/2', '1/2')));
        const d: DecisionProblem = { belief: P, orientation: 'loss', acts: [{ name: 'fix', payoff: v(1, 5) }, { name: 'wait', payoff: v(3,
            0) }] };
        expect(chosen(d, { kind: 'maximin' })).toEqual(['wait']);
        expect(s(get(score(d, 'fix', { kind: 'maximin' })))).toBe('3');
    });
});

describe('ties, errors, precise sets', () => {
    it('returns ties whole', () => {
        const P = get(hull([v(1, 0), v(0, 1)]));
        const d: DecisionProblem = { belief: P, orientation: 'utility', acts: [{ name: 'a', payoff: v(1, 0) }, { name: 'b', payoff: v(0,
            1) }] };
        const r = get(choose(d, { kind: 'maximin' }));
        expect(r.chosen).toEqual(['a', 'b']);
        expect(r.tie).toBe(true);
    });
    it('α outside [0, 1] is E-PARAM-RANGE; set-valued rules have no score', () => {
        const r = choose(D, { kind: 'hurwicz', alpha: q('3/2') });
        expect(r.ok ? 'ok' : r.error.code).toBe('E-PARAM-RANGE');
        const sc = score(D, 'd1', { kind: 'maximality' });
        expect(sc.ok ? 'ok' : sc.error.code).toBe('E-TYPE');
    });
    it('duplicate act names and wrong lengths are errors', () => {
        const dup = choose({ ...D, acts: [acts[0]!, acts[0]!] }, { kind: 'maximin' });
        expect(dup.ok ? 'ok' : dup.error.code).toBe('E-DUP-NAME');
        const short = choose({ ...D, acts: [{ name: 'x', payoff: v(1) }] }, { kind: 'maximin' });
        expect(short.ok ? 'ok' : short.error.code).toBe('E-TYPE');
    });
    it('a precise set reduces every rule but admissibility to expected utility', () => {
        const P = get(precise(v('1/3', '2/3')));
        const d: DecisionProblem = { belief: P, orientation: 'utility', acts };
        for (const rule of [{ kind: 'maximin' }, { kind: 'maximax' }, { kind: 'hurwicz', alpha: q('1/3') }, { kind: 'intervalDominance' },
            { kind: 'maximality' }, { kind: 'eAdmissibility' }, { kind: 'minimaxRegret' }] as Rule[]) {
            expect(chosen(d, rule)).toEqual(['d2']);
        }
    });
});
