/**
 * SEMANTICS.md Part C, worked examples C-1 … C-12: exact rational answers and exact vertex sets.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/math/budget.js';
import {
    coherence, condition, contamination, distributionProblems, expectationConstraint, fromConstraints, interval,
    hull, isEmpty, lowerE, lowerP, precise, probabilityConstraint, probabilityIntervals, rangeConstraints, tv, tvBall,
    upperE, upperP, vacuous, vertices, type CredalSet,
} from '../../src/math/credal.js';
import { verifySureLoss } from '../../src/math/lp.js';
import { q, type Rational } from '../../src/math/rational.js';

const v = (...xs: (string | number)[]): Rational[] => xs.map((x) => q(x as string));
const s = (x: Rational): string => x.toString();
const pts = (ps: Rational[][]): string[][] => ps.map((p) => p.map(s));
function get<T>(o: Outcome<T>): T {
    if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
    return o.value;
}
const ev = (...bits: number[]): boolean[] => bits.map((b) => b === 1);

describe('C-1 validating distributions', () => {
    it('accepts (0.2, 0.3, 0.5) exactly', () => {
        expect(distributionProblems(v('0.2', '0.3', '0.5'))).toEqual([]);
    });
    it('reports the sum and the deficit of (0.2, 0.3, 0.4)', () => {
        const problems = distributionProblems(v('0.2', '0.3', '0.4'));
        expect(problems.map((p) => p.code)).toEqual(['E-DIST-SUM']);
        expect(problems[0]!.message).toBe('sums to 9/10; 1/10 missing');
    });
    it('reports the negative mass and the entry above 1 of (1.2, -0.2)', () => {
        const problems = distributionProblems(v('1.2', '-0.2'));
        expect(problems.map((p) => p.code)).toEqual(['E-DIST-NEG', 'E-DIST-NEG']);
        expect(problems[0]!.data).toMatchObject({ index: 1 });
        expect(s((problems[0]!.data as { value: Rational }).value)).toBe('-1/5');
        expect(problems[1]!.data).toMatchObject({ index: 0, aboveOne: true });
        expect(precise(v('1.2', '-0.2')).ok).toBe(false);
    });
});

describe('C-2 total variation', () => {
    it('TV((1/2,1/3,1/6), (1/4,1/4,1/2)) = 1/3 at {a, b}', () => {
        const r = get(tv(v('1/2', '1/3', '1/6'), v('1/4', '1/4', '1/2')));
        expect(s(r.distance)).toBe('1/3');
        expect(r.event).toEqual([true, true, false]);
    });
});

describe('C-3 binary interval', () => {
    const K = get(fromConstraints(2, get(rangeConstraints('p0', v(1, 0), q('1/4'), q('2/3'), true))));
    it('has vertices (1/4, 3/4) and (2/3, 1/3)', () => {
        expect(pts(get(vertices(K)))).toEqual([['1/4', '3/4'], ['2/3', '1/3']]);
    });
    it('E(f) ∈ [−1/2, 1/3] for f = (1, −1)', () => {
        const r = get(interval(K, v(1, -1)));
        expect([s(r.lower), s(r.upper)]).toEqual(['-1/2', '1/3']);
    });
});

describe('C-4 vacuous', () => {
    const K = get(vacuous(3));
    it('vertices are the point masses', () => {
        expect(pts(get(vertices(K)))).toEqual([['0', '0', '1'], ['0', '1', '0'], ['1', '0', '0']]);
    });
    it('E ∈ [−1, 3], P({a, b}) ∈ [0, 1]', () => {
        expect(s(get(lowerE(K, v(3, -1, 2))))).toBe('-1');
        expect(s(get(upperE(K, v(3, -1, 2))))).toBe('3');
        expect(s(get(lowerP(K, ev(1, 1, 0))))).toBe('0');
        expect(s(get(upperP(K, ev(1, 1, 0))))).toBe('1');
    });
});

describe('C-5 triangle from lower bounds', () => {
    const cs = [0, 1, 2].map((i) => get(probabilityConstraint(`P${i}`, ev(...[0, 1, 2].map((j) => (j === i ? 1 : 0))), '>=', q('1/10'))));
    const K = get(fromConstraints(3, cs));
    it('vertices', () => {
        expect(pts(get(vertices(K)))).toEqual([['1/10', '1/10', '4/5'], ['1/10', '4/5', '1/10'], ['4/5', '1/10', '1/10']]);
    });
    it('lower P({0,1}) = 1/5, upper P({0}) = 4/5, lower E[(0,1,2)] = 3/10', () => {
        expect(s(get(lowerP(K, ev(1, 1, 0))))).toBe('1/5');
        expect(s(get(upperP(K, ev(1, 0, 0))))).toBe('4/5');
        expect(s(get(lowerE(K, v(0, 1, 2))))).toBe('3/10');
    });
});

describe('C-6 pentagon', () => {
    const K = get(fromConstraints(3, get(rangeConstraints('band', v(1, 2, 3), q('3/2'), q('5/2'), false))));
    it('has the five vertices', () => {
        expect(pts(get(vertices(K)))).toEqual([
            ['0', '1/2', '1/2'], ['0', '1', '0'], ['1/4', '0', '3/4'], ['1/2', '1/2', '0'], ['3/4', '0', '1/4'],
        ]);
    });
    it('singleton bounds and E[f]', () => {
        const bounds = [0, 1, 2].map((i) => get(interval(K, v(...[0, 1, 2].map((j) => (j === i ? 1 : 0))))));
        expect(bounds.map((b) => [s(b.lower), s(b.upper)])).toEqual([['0', '3/4'], ['0', '1'], ['0', '3/4']]);
        const e = get(interval(K, v(1, 2, 3)));
        expect([s(e.lower), s(e.upper)]).toEqual(['3/2', '5/2']);
    });
});

describe('C-7 probability intervals', () => {
    const K = get(probabilityIntervals(v('2/5', '3/10', '1/5'), v('1/2', '2/5', '1/5')));
    it('vertices', () => {
        expect(pts(get(vertices(K)))).toEqual([['2/5', '2/5', '1/5'], ['1/2', '3/10', '1/5']]);
    });
    it('E(f) ∈ [2, 16/5] for f = (−7, 5, 20)', () => {
        const r = get(interval(K, v(-7, 5, 20)));
        expect([s(r.lower), s(r.upper)]).toEqual(['2', '16/5']);
    });
});

describe('C-8 non-reachable interval bounds', () => {
    const l = v('0.5', '0.222', '0.125'), u = v('0.666', '0.272', '0.181');
    const K = get(probabilityIntervals(l, u, ['P0', 'P1', 'P2']));
    it('is nonempty', () => {
        expect(get(isEmpty(K)).empty).toBe(false);
    });
    it('state 0 is not coherent: tight bounds [547/1000, 653/1000]; states 1 and 2 are tight', () => {
        const entries = get(coherence(K));
        const show = entries.map((e) => [e.id, e.rel, s(e.naturalExtension), e.tight]);
        expect(show).toEqual([
            ['P0', '>=', '547/1000', false], ['P0', '<=', '653/1000', false],
            ['P1', '>=', '111/500', true], ['P1', '<=', '34/125', true],
            ['P2', '>=', '1/8', true], ['P2', '<=', '181/1000', true],
        ]);
    });
    it('the same assessments as general constraints give the same natural extensions', () => {
        const cs = [0, 1, 2].flatMap((i) => get(rangeConstraints(`P${i}`, v(...[0, 1, 2].map((j) => (j === i ? 1 : 0))), l[i]!, u[i]!,
            true)));
        const H = get(fromConstraints(3, cs));
        expect(get(coherence(H)).map((e) => s(e.naturalExtension))).toEqual(['547/1000', '653/1000', '111/500', '34/125', '1/8',
            '181/1000']);
        expect(pts(get(vertices(H)))).toEqual(pts(get(vertices(K))));
    });
    it('vertices', () => {
        expect(pts(get(vertices(K)))).toEqual([
            ['547/1000', '34/125', '181/1000'], ['597/1000', '111/500', '181/1000'],
            ['603/1000', '34/125', '1/8'], ['653/1000', '111/500', '1/8'],
        ]);
    });
});

describe('C-9 sure loss', () => {
    const cs = [expectationConstraint('f1', v(1, 2, 3, 0), '>=', q('5/2')), expectationConstraint('f2', v(3, 2, 1, 0), '>=', q('5/2'))];
    const K = get(fromConstraints(4, cs));
    it('is empty with the certificate (1, 1) → (−1, −1, −1, −5)', () => {
        const r = get(isEmpty(K));
        expect(r.empty).toBe(true);
        if (!r.empty) return;
        const cert = r.certificate!;
        expect(cert.terms.map((t) => [t.id, s(t.multiplier)])).toEqual([['f1', '1'], ['f2', '1']]);
        expect(cert.gamble.map(s)).toEqual(['-1', '-1', '-1', '-5']);
        expect(verifySureLoss(cs, { multipliers: cert.terms.map((t) => t.multiplier), gamble: cert.gamble })).toBe(true);
    });
    it('queries on it fail with E-EMPTY and no vertices', () => {
        const r = lowerE(K, v(1, 0, 0, 0));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('E-EMPTY');
        const vs = vertices(K);
        expect(vs.ok ? vs.value : vs.error.code).toBe('E-EMPTY');
    });
});

describe('C-10 ε-contamination', () => {
    const K = get(contamination(v('1/5', '3/10', '1/2'), q('1/10')));
    it('vertices', () => {
        expect(pts(get(vertices(K)))).toEqual([['9/50', '27/100', '11/20'], ['9/50', '37/100', '9/20'], ['7/25', '27/100', '9/20']]);
    });
    it('lower singleton probabilities and E for f = (3, 2, 1)', () => {
        expect([0, 1, 2].map((i) => s(get(lowerP(K, ev(...[0, 1, 2].map((j) => (j === i ? 1 : 0)))))))).toEqual(['9/50', '27/100', '9/20']);
        const r = get(interval(K, v(3, 2, 1)));
        expect([s(r.lower), s(r.upper)]).toEqual(['163/100', '183/100']);
    });
});

describe('C-11 TV ball versus contamination', () => {
    it('(a) binary: [2/5, 3/5] versus [9/20, 11/20]', () => {
        const T = get(tvBall(v('1/2', '1/2'), q('1/10')));
        const C = get(contamination(v('1/2', '1/2'), q('1/10')));
        const t = get(interval(T, v(1, 0))), c = get(interval(C, v(1, 0)));
        expect([s(t.lower), s(t.upper), s(c.lower), s(c.upper)]).toEqual(['2/5', '3/5', '9/20', '11/20']);
    });
    const T = get(tvBall(v('1/2', '1/3', '1/6'), q('1/4')));
    it('(b) six vertices', () => {
        expect(pts(get(vertices(T)))).toEqual([
            ['1/4', '1/3', '5/12'], ['1/4', '7/12', '1/6'], ['5/12', '7/12', '0'],
            ['1/2', '1/12', '5/12'], ['3/4', '1/12', '1/6'], ['3/4', '1/4', '0'],
        ]);
    });
    it('(b) E(f) ∈ [1/4, 19/12] for f = (0, 1, 3), lower P({a}) = 1/4', () => {
        const r = get(interval(T, v(0, 1, 3)));
        expect([s(r.lower), s(r.upper)]).toEqual(['1/4', '19/12']);
        expect(s(get(lowerP(T, ev(1, 0, 0))))).toBe('1/4');
    });
});

describe('C-12 generalized Bayes on a linear–vacuous set', () => {
    const K = get(contamination(v('0.42', '0.08', '0.18', '0.32'), q('0.1')));
    const f = v(5, 5, -5, -5);
    it('lower P(B) = 27/50 and E(f | B) ∈ [29/32, 79/32]', () => {
        expect(s(get(lowerP(K, ev(1, 0, 1, 0))))).toBe('27/50');
        const KB = get(condition(K, ev(1, 0, 1, 0)));
        expect(KB.notes).toEqual([]);
        const r = get(interval(KB, f));
        expect([s(r.lower), s(r.upper)]).toEqual(['29/32', '79/32']);
    });
    it('unconditional lower E = −1/2; E((−5,−5,5,5) | {1,3}) lower = 29/23', () => {
        expect(s(get(lowerE(K, f)))).toBe('-1/2');
        expect(s(get(lowerE(get(condition(K, ev(0, 1, 0, 1))), v(-5, -5, 5, 5))))).toBe('29/23');
    });
    it('vertex conditioning agrees with the closed form', () => {
        const viaVertices = get(condition(asHull(K), ev(1, 0, 1, 0)));
        const r = get(interval(viaVertices, f));
        expect([s(r.lower), s(r.upper)]).toEqual(['29/32', '79/32']);
    });
});

function asHull(K: CredalSet): CredalSet {
    return get(hull(get(vertices(K))));
}
