/**
 * Belief functions (Dempster–Shafer; SEMANTICS §A.4.9) on Ω = {0, …, n−1}: Möbius masses on focal events,
 * Bel(A) = Σ_{F ⊆ A} m(F), the credal set {p : p(A) ≥ Bel(A) ∀A}, whose lower expectation is the Choquet
 * integral Σ_F m(F) · min_{x∈F} f(x). Dempster's rule combines two by conjunction, normalised by 1 − conflict.
 */
import { IssueCodes } from '../diagnostics/codes.js';
import type { Budget } from './budget.js';
import { failWith } from './credal-types.js';
import { Rational } from './rational.js';
import type { Vec } from './vectors.js';

export interface Focal {
    readonly event: readonly boolean[];
    readonly mass: Rational;
}

const key = (event: readonly boolean[]): string => event.map((b) => (b ? '1' : '0')).join('');

/** Masses merged per event (sorted by event key), zero masses dropped. */
export function normaliseFocal(focal: readonly Focal[]): Focal[] {
    const byKey = new Map<string, Focal>();
    for (const f of focal) {
        const k = key(f.event);
        const before = byKey.get(k);
        byKey.set(k, { event: [...f.event], mass: before ? before.mass.add(f.mass) : f.mass });
    }
    return [...byKey.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, f]) => f).filter((f) => !f.mass.isZero());
}

/** Choquet integral: the lower expectation of f under the belief function. */
export function beliefLowerE(focal: readonly Focal[], f: Vec): Rational {
    return Rational.sum(focal.map((F) => F.mass.mul(Rational.min(...f.filter((_, i) => F.event[i])))));
}

/** Bel(A) = Σ_{F ⊆ A} m(F). */
function belief(focal: readonly Focal[], event: readonly boolean[]): Rational {
    return Rational.sum(focal.filter((F) => F.event.every((inF, i) => !inF || event[i])).map((F) => F.mass));
}

/** A distribution in the set: each focal mass on the first element of its event. */
export function beliefPoint(n: number, focal: readonly Focal[]): Rational[] {
    const p = Array.from({ length: n }, () => Rational.ZERO);
    for (const F of focal) {
        const x = F.event.indexOf(true);
        p[x] = p[x]!.add(F.mass);
    }
    return p;
}

/** Dempster's rule: m(A) ∝ Σ_{F ∩ G = A} m1(F) m2(G) over A ≠ ∅; E-DEMPSTER-CONFLICT when all mass conflicts. */
export function dempster(first: readonly Focal[], second: readonly Focal[], budget: Budget): { focal: Focal[]; conflict: Rational } {
    const joint: Focal[] = [];
    let conflict = Rational.ZERO;
    for (const F of first) {
        for (const G of second) {
            budget.spend();
            const event = F.event.map((inF, i) => inF && G.event[i]!);
            const mass = F.mass.mul(G.mass);
            if (event.some((b) => b)) joint.push({ event, mass }); else conflict = conflict.add(mass);
        }
    }
    if (conflict.eq(Rational.ONE)) {
        failWith(IssueCodes.DempsterConflict,
            'the two belief functions conflict totally: every pair of focal events is disjoint, so nothing is left to normalise',
                { conflict });
    }
    const scale = Rational.ONE.sub(conflict).inv();
    return { focal: normaliseFocal(joint.map((F) => ({ event: F.event, mass: F.mass.mul(scale) }))), conflict };
}

/** Events A with Bel(A) > 0, except ∅ and Ω, as the rows p(A) ≥ Bel(A) (for small n). */
export function beliefRows(n: number, focal: readonly Focal[]): { event: boolean[]; bound: Rational }[] {
    const rows: { event: boolean[]; bound: Rational }[] = [];
    for (let mask = 1; mask < (1 << n) - 1; mask++) {
        const event = Array.from({ length: n }, (_, i) => (mask & (1 << i)) !== 0);
        const bound = belief(focal, event);
        if (bound.sign() > 0) rows.push({ event, bound });
    }
    return rows;
}
