/** fast-check generators of small credal sets (n = 2..5, small integer-ratio data) for property tests. */
import fc from 'fast-check';
import type { Outcome } from '../../src/math/budget.js';
import {
    contamination, fromConstraints, hull, precise, probabilityIntervals, tvBall, vacuous, type CredalConstraint, type CredalSet,
} from '../../src/math/credal.js';
import { Rational } from '../../src/math/rational.js';

export function get<T>(o: Outcome<T>): T {
    if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
    return o.value;
}

export const sizeArb = fc.integer({ min: 2, max: 5 });

export function distArb(n: number): fc.Arbitrary<Rational[]> {
    return fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n })
        .filter((w) => w.some((x) => x > 0))
        .map((w) => { const t = w.reduce((a, b) => a + b, 0); return w.map((x) => Rational.of(x, t)); });
}

export function gambleArb(n: number): fc.Arbitrary<Rational[]> {
    return fc.array(fc.tuple(fc.integer({ min: -6, max: 6 }), fc.constantFrom(1, 2, 3)).map(([a, b]) => Rational.of(a, b)), { minLength: n,
        maxLength: n });
}

export function eventArb(n: number): fc.Arbitrary<boolean[]> {
    return fc.array(fc.boolean(), { minLength: n, maxLength: n });
}

const param = fc.constantFrom(Rational.ZERO, Rational.of(1, 10), Rational.of(1, 4), Rational.of(1, 2), Rational.of(3, 4), Rational.ONE);

/** Constraints that hold at a random distribution p (so the set is nonempty), with ids c0, c1, …. */
export function feasibleConstraintsArb(n: number): fc.Arbitrary<CredalConstraint[]> {
    const row = fc.record({
        coeffs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
        rel: fc.constantFrom<'>=' | '<=' | '='>('>=', '>=', '<=', '<=', '='),
        slack: fc.integer({ min: 0, max: 3 }),
    });
    return fc.tuple(distArb(n), fc.array(row, { minLength: 1, maxLength: 4 })).map(([p, rows]) => rows.map((r, i) => {
        const coeffs = r.coeffs.map((c) => Rational.of(c));
        const at = Rational.dot(coeffs, p);
        const slack = Rational.of(r.slack, 4);
        const rhs = r.rel === '=' ? at : r.rel === '>=' ? at.sub(slack) : at.add(slack);
        return { id: `c${i}`, coeffs, rel: r.rel, rhs };
    }));
}

/** Interval bounds around a random distribution (nonempty, often not reachable). */
export function intervalsArb(n: number): fc.Arbitrary<{ lower: Rational[]; upper: Rational[] }> {
    const wiggle = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n });
    return fc.tuple(distArb(n), wiggle, wiggle).map(([p, a, b]) => ({
        lower: p.map((x, i) => Rational.max(Rational.ZERO, x.sub(Rational.of(a[i]!, 10)))),
        upper: p.map((x, i) => Rational.min(Rational.ONE, x.add(Rational.of(b[i]!, 10)))),
    }));
}

export type Built = { label: string; K: CredalSet };

/** A nonempty credal set from one of the structured or general constructors. */
export function credalArb(n: number): fc.Arbitrary<Built> {
    return fc.oneof(
        fc.array(distArb(n), { minLength: 1, maxLength: 5 }).map((ps) => ({ label: 'hull', K: get(hull(ps)) })),
        feasibleConstraintsArb(n).map((cs) => ({ label: 'constraints', K: get(fromConstraints(n, cs)) })),
        intervalsArb(n).map(({ lower, upper }) => ({ label: 'intervals', K: get(probabilityIntervals(lower, upper)) })),
        fc.tuple(distArb(n), param).map(([p, e]) => ({ label: 'contamination', K: get(contamination(p, e)) })),
        fc.tuple(distArb(n), param).map(([p, d]) => ({ label: 'tvball', K: get(tvBall(p, d)) })),
        eventArb(n).filter((a) => a.some((x) => x)).map((a) => ({ label: 'vacuous', K: get(vacuous(n, a)) })),
        distArb(n).map((p) => ({ label: 'precise', K: get(precise(p)) })),
    );
}

export const sized = <T>(make: (n: number) => fc.Arbitrary<T>): fc.Arbitrary<{ n: number; value: T }> =>
    sizeArb.chain((n) => make(n).map((value) => ({ n, value })));
