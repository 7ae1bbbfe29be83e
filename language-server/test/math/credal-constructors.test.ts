/**
 * Constructor validation, notes and diagnostics (§A.4, §A.9), conditioning conventions, products and
 * push-forwards, and budgets (E-BUDGET, never a throw or a hang).
 */
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/math/budget.js';
import {
    comparativeConstraint, condition, contamination, diagnose, dim, expectationConstraint, fromConstraints, hull, hullOfUnion, interval,
        intersection,
    isEmpty, isVacuous, lowerE, lowerP, marginal, precise, probabilityConstraint, probabilityIntervals, pushForward, rangeConstraints,
    strongProduct, subset, tvBall, upperP, vacuous, vertices,
} from '../../src/math/credal.js';
import { solveDdt } from '../../src/math/ddt.js';
import { q, type Rational } from '../../src/math/rational.js';
import { get } from './credal-arbitraries.js';

const v = (...xs: (string | number)[]): Rational[] => xs.map((x) => q(x as string));
const s = (x: Rational): string => x.toString();
const ev = (...bits: number[]): boolean[] => bits.map((b) => b === 1);
const code = <T>(o: { ok: true; value: T } | { ok: false; error: { code: string } }): string => (o.ok ? 'ok' : o.error.code);

describe('constructor validation', () => {
    it('parameters and bounds outside [0, 1], crossed bounds, the empty event', () => {
        expect(code(contamination(v('1/2', '1/2'), q('11/10')))).toBe('E-PARAM-RANGE');
        expect(code(tvBall(v('1/2', '1/2'), q(-1)))).toBe('E-PARAM-RANGE');
        expect(code(probabilityIntervals(v(0, '1/2'), v('3/2', 1)))).toBe('E-BOUND-RANGE');
        expect(code(probabilityIntervals(v('1/2', 0), v('1/4', 1)))).toBe('E-BOUND-ORDER');
        expect(code(rangeConstraints('r', v(1, 0), q('2/3'), q('1/3'), true))).toBe('E-BOUND-ORDER');
        expect(code(probabilityConstraint('r', ev(1, 0), '>=', q('-1/10')))).toBe('E-BOUND-RANGE');
        expect(code(vacuous(3, ev(0, 0, 0)))).toBe('E-EMPTY');
        expect(code(precise(v('1/2', '1/3')))).toBe('E-DIST-SUM');
        expect(code(hull([v(1, 0), v(1, 0, 0)]))).toBe('E-TYPE');
        expect(code(lowerE(get(vacuous(2)), v(1, 2, 3)))).toBe('E-TYPE');
    });
    it('flags duplicate generators, precise and vacuous parameter values', () => {
        expect(get(hull([v(1, 0)], { implicit: true })).notes.map((n) => n.code)).toEqual(['I-HULL', 'I-PRECISE']);
        const K = get(hull([v(1, 0), v('1/2', '1/2'), v(1, 0)]));
        expect(K.notes.map((n) => [n.code, n.data])).toEqual([['W-DUP-GEN', { duplicates: [{ index: 2, duplicateOf: 0 }] }]]);
        expect(get(contamination(v('1/2', '1/2'), q(0))).notes.map((n) => n.code)).toEqual(['I-PRECISE']);
        expect(get(contamination(v('1/2', '1/2'), q(1))).notes.map((n) => n.code)).toEqual(['I-VACUOUS']);
        const T = get(tvBall(v('1/2', '1/3', '1/6'), q('5/6')));
        expect(T.notes.map((n) => n.code)).toEqual(['I-VACUOUS']);
        expect(get(isVacuous(T))).toBe(true);
    });
});

describe('diagnose (the LP-backed checks)', () => {
    it('I-REDUNDANT names the non-extreme generator', () => {
        const K = get(hull([v(1, 0, 0), v(0, 1, 0), v('1/2', '1/2', 0), v(0, 0, 1)]));
        expect(get(diagnose(K)).map((n) => [n.code, n.data])).toEqual([['I-REDUNDANT', { generators: [2] }]]);
    });
    it('W-NOT-COHERENT reports the tight value (C-8 as constraints); redundant constraints are info', () => {
        const cs = [
            ...get(rangeConstraints('P0', v(1, 0, 0), q('0.5'), q('0.666'), true)),
            ...get(rangeConstraints('P1', v(0, 1, 0), q('0.222'), q('0.272'), true)),
            ...get(rangeConstraints('P2', v(0, 0, 1), q('0.125'), q('0.181'), true)),
        ];
        const notes = get(diagnose(get(fromConstraints(3, cs))));
        const incoherent = notes.filter((n) => n.code === 'W-NOT-COHERENT');
        expect(incoherent.map((n) => n.message)).toEqual([
            'lower bound 1/2 is never attained: the other assessments force 547/1000',
            'upper bound 333/500 is never attained: the other assessments force 653/1000',
        ]);
        expect(notes.find((n) => n.code === 'I-REDUNDANT')?.data).toEqual({ constraints: ['P0', 'P0'] });
    });
    it('E-EMPTY with certificate; comparative constraints', () => {
        const K = get(fromConstraints(2, [comparativeConstraint('cmp', ev(1, 0), ev(0, 1)), get(probabilityConstraint('hi', ev(0, 1), '>=',
            q('3/5')))]));
        const notes = get(diagnose(K));
        expect(notes.map((n) => n.code)).toEqual(['E-EMPTY']);
        const cert = (notes[0]!.data as { certificate: { terms: { id: string }[]; gamble: Rational[] } }).certificate;
        expect(cert.terms.map((t) => t.id)).toEqual(['cmp', 'hi']);
        expect(cert.gamble.every((x) => x.sign() < 0)).toBe(true);
        const ok = get(fromConstraints(2, [comparativeConstraint('cmp', ev(1, 0), ev(0, 1))]));
        expect(s(get(lowerP(ok, ev(1, 0))))).toBe('1/2');
        expect(get(diagnose(get(precise(v('1/2', '1/2')))))).toEqual([]);
        expect(get(diagnose(get(fromConstraints(2, get(rangeConstraints('x', v(1, 0), q('1/3'), q('1/3'),
            true)))))).map((n) => n.code)).toContain('I-PRECISE');
    });
    it('an empty interval set gives a closed-form certificate', () => {
        const r = get(isEmpty(get(probabilityIntervals(v('1/2', '2/3'), v(1, 1), ['a', 'b']))));
        expect(r.empty).toBe(true);
        if (r.empty) expect([r.certificate!.terms.map((t) => t.id), r.certificate!.gamble.map(s)]).toEqual([['a', 'b'], ['-1/6', '-1/6']]);
    });
});

describe('set algebra with an empty part', () => {
    it('conv(∅ ∪ L) = L; an empty intersection reports E-EMPTY', () => {
        const E = get(fromConstraints(2, [get(probabilityConstraint('a', ev(1, 0), '>=', q('3/4'))), get(probabilityConstraint('b', ev(0,
            1), '>=', q('1/2')))]));
        const L = get(hull([v('1/2', '1/2'), v(1, 0)]));
        const U = get(hullOfUnion([E, L]));
        expect(get(vertices(U)).map((p) => p.map(s))).toEqual([['1/2', '1/2'], ['1', '0']]);
        expect(s(get(lowerP(U, ev(1, 0))))).toBe('1/2');
        expect(code(lowerE(get(intersection([E, L])), v(1, 0)))).toBe('E-EMPTY');
    });
});

describe('conditioning conventions', () => {
    const K = get(hull([v(1, 0, 0), v(0, '1/2', '1/2')]));
    it('W-ZERO-COND with regular extension (default) and natural extension', () => {
        const B = ev(0, 1, 0);
        // A singleton: the regular and the natural extension agree, so no warning (v1.1 §8.9).
        const single = get(condition(K, B));
        expect(single.notes).toEqual([]);
        expect(get(vertices(single)).map((p) => p.map(s))).toEqual([['0', '1', '0']]);
        const regular = get(condition(K, ev(0, 1, 1)));
        expect(regular.notes.map((n) => [n.code, n.severity])).toEqual([['W-ZERO-COND', 'warning']]);
        expect(get(vertices(regular)).map((p) => p.map(s))).toEqual([['0', '1/2', '1/2']]);
        const natural = get(condition(K, ev(0, 1, 1), { rule: 'natural' }));
        expect(s(get(lowerE(natural, v(0, 1, 5))))).toBe('1');
        expect(s(get(lowerE(get(condition(K, ev(0, 1, 1))), v(0, 1, 5))))).toBe('3');
    });
    it('E-COND-NULL when the upper probability is 0', () => {
        expect(code(condition(get(precise(v(1, 0))), ev(0, 1)))).toBe('E-COND-NULL');
    });
});

describe('products and push-forwards', () => {
    it('strong product of two binary sets and its marginals', () => {
        const K = get(hull([v(1, 0), v('1/2', '1/2')]));
        const L = get(precise(v('1/4', '3/4')));
        const S = get(strongProduct(K, L));
        expect(get(vertices(S)).map((p) => p.map(s))).toEqual([['1/8', '3/8', '1/8', '3/8'], ['1/4', '3/4', '0', '0']]);
        expect(get(dim(S))).toBe(1);
        expect(get(subset(get(marginal(S, [2, 2], 0)), K))).toBe(true);
        expect(s(get(upperP(get(pushForward(S, [0, 1, 1, 1], 2)), ev(1, 0))))).toBe('1/4');
    });
});

describe('budgets', () => {
    it('vertex enumeration over budget is E-BUDGET, not a throw', () => {
        const n = 9;
        const p0 = Array.from({ length: n }, () => q(1, n));
        const T = get(tvBall(p0, q('1/2')));
        const r = vertices(T, new Budget({ maxSteps: 20 }));
        expect(code(r)).toBe('E-BUDGET');
        const cs = Array.from({ length: n }, (_, i) => expectationConstraint(`c${i}`, Array.from({ length: n }, (_, j) => q(((i + 1) * (j
            + 2)) % 7)), '>=', q('1/2')));
        const H = get(fromConstraints(n, cs));
        expect(code(vertices(H, new Budget({ maxSteps: 3 })))).toBe('E-BUDGET');
        expect(code(interval(get(intersection([H, T])), p0, new Budget({ maxSteps: 1 })))).toBe('E-BUDGET');
        expect(code(solveDdt({ belief: H, policies: [{ name: 'a', consistent: p0.map(() => true) }], payoff: p0, orientation: 'utility' },
            new Budget({ maxSteps: 1 })))).toBe('E-BUDGET');
    });
});
