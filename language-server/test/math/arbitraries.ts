/** Shared fast-check generators for the math tests: small exact LPs and credal polytopes. */
import fc from 'fast-check';
import type { LinearConstraint, Relation } from '../../src/math/lp.js';
import { Rational } from '../../src/math/rational.js';

export const smallRational = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.constantFrom(1, 1, 2, 3, 4))
    .map(([n, d]) => Rational.of(n, d));
export const probability = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(12, 10, 7))
    .map(([n, d]) => Rational.of(Math.min(n, d), d));
export const relation: fc.Arbitrary<Relation> = fc.constantFrom('>=', '<=', '=', '>=', '<=');

export function constraintArb(n: number, coeff = smallRational, rhs = smallRational): fc.Arbitrary<LinearConstraint> {
    return fc.record({ coeffs: fc.array(coeff, { minLength: n, maxLength: n }), rel: relation, rhs });
}

/** A general LP: n variables (x ≥ 0), up to 4 constraints. */
export const generalLp = fc.integer({ min: 1, max: 4 }).chain((n) => fc.record({
    n: fc.constant(n),
    objective: fc.array(smallRational, { minLength: n, maxLength: n }),
    constraints: fc.array(constraintArb(n), { minLength: 0, maxLength: 4 }),
}));

/** Indicator of an event given as a bit mask over n outcomes. */
export function indicator(n: number, mask: number): Rational[] {
    return Array.from({ length: n }, (_, j) => ((mask >> j) & 1 ? Rational.ONE : Rational.ZERO));
}

/** Random event / gamble constraints on the simplex over n outcomes (often infeasible, often degenerate). */
export function simplexConstraints(n: number, maxCount = 4): fc.Arbitrary<LinearConstraint[]> {
    const eventBound = fc.record({
        mask: fc.integer({ min: 1, max: (1 << n) - 1 }), rel: relation, rhs: probability,
    }).map(({ mask, rel, rhs }) => ({ coeffs: indicator(n, mask), rel, rhs }));
    const gambleBound = constraintArb(n, fc.integer({ min: -3, max: 3 }).map((v) => Rational.of(v)), smallRational);
    return fc.array(fc.oneof(eventBound, eventBound, gambleBound), { minLength: 0, maxLength: maxCount });
}

export const simplexProblem = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
    n: fc.constant(n),
    f: fc.array(smallRational, { minLength: n, maxLength: n }),
    constraints: simplexConstraints(n),
}));

export const r = (n: number, d = 1): Rational => Rational.of(n, d);
export const vec = (...xs: (number | string)[]): Rational[] => xs.map((x) => (typeof x === 'string' ? Rational.parse(x) : Rational.of(x)));
export const show = (points: readonly Rational[][]): string[] => points.map((p) => `(${p.join(', ')})`);
