/**
 * Validity of a probability mass function (SEMANTICS §A.2) and total-variation distance.
 */
import type { Outcome } from './budget.js';
import { tvDistance } from './closed-forms.js';
import type { EngineNote } from './credal-types.js';
import { Rational } from './rational.js';
import type { Vec } from './vectors.js';
import { IssueCodes } from '../diagnostics/codes.js';

/**
 * Every problem with `p` as a distribution on n = p.length elements:
 * E-DIST-NEG per negative entry (data {index, value}), an Error note per entry above 1
 * (code E-DIST-NEG or E-DIST-SUM, whichever it implies; data {index, value, aboveOne: true}),
 * and E-DIST-SUM (data {sum, missing} with missing = 1 − sum, negative for an excess).
 */
export function distributionProblems(p: Vec): EngineNote[] {
    const notes: EngineNote[] = [];
    p.forEach((value, index) => {
        if (value.sign() < 0) {
            notes.push({ code: IssueCodes.DistNeg, severity: 'error', message: `negative mass ${value} at element ${index + 1}`,
                data: { index, value } });
        }
    });
    const sum = Rational.sum(p);
    const missing = Rational.ONE.sub(sum);
    const negative = notes.length > 0;
    p.forEach((value, index) => {
        if (value.gt(Rational.ONE)) {
            notes.push({
                code: negative ? IssueCodes.DistNeg : IssueCodes.DistSum, severity: 'error',
                message: `mass ${value} at element ${index + 1} exceeds 1`, data: { index, value, aboveOne: true },
            });
        }
    });
    if (!missing.isZero()) {
        const tail = missing.sign() > 0 ? `${missing} missing` : `${missing.neg()} too much`;
        notes.push({ code: IssueCodes.DistSum, severity: 'error', message: `sums to ${sum}; ${tail}`, data: { sum, missing } });
    }
    return notes;
}

export function isDistribution(p: Vec): boolean {
    return p.length > 0 && p.every((x) => x.sign() >= 0) && Rational.sum(p).eq(Rational.ONE);
}

/** The first error of `p` as a failed Outcome, or the distribution itself. */
export function checkDistribution(p: Vec): Outcome<Rational[]> {
    if (p.length === 0) return { ok: false, error: { code: IssueCodes.SetEmpty, message: 'a distribution needs at least one element' } };
    const problems = distributionProblems(p);
    if (problems.length === 0) return { ok: true, value: [...p] };
    const first = problems[0]!;
    return { ok: false, error: { code: first.code, message: first.message, data: { problems } } };
}

/** TV(p, q) and a maximising event (SEMANTICS §A.2). */
export function tv(p: Vec, q: Vec): Outcome<{ distance: Rational; event: boolean[] }> {
    if (p.length !== q.length) return { ok: false, error: { code: IssueCodes.Type, message: 'distributions on different sets' } };
    return { ok: true, value: tvDistance(p, q) };
}
