/**
 * Infradistributions (SEMANTICS §A.8; LANGUAGE §7): the public, Outcome-returning API of the engine.
 * Every function takes an optional Budget and never throws. Errors: E-INFRA-NEG, E-INFRA-NORM,
 * E-IB-RANGE, E-IB-NULL, E-NOT-CRISP, E-TYPE, E-BUDGET.
 */
import { Budget, type Outcome } from '../budget.js';
import { CredalSet } from '../credal-set.js';
import { failWith, guard } from '../credal-types.js';
import { Rational } from '../rational.js';
import type { Event, Vec } from '../vectors.js';
import {
    expectation as expectationOf, isCrispGenerators, negativePart, normalisationMinima, type AMeasure, type InfraSet
} from './ameasure.js';
import * as ops from './operations.js';

export type { AMeasure, InfraSet } from './ameasure.js';
export {
    compareAMeasures, isNormalised, normalisationMinima, sameAMeasureSets, uniqueSortedAMeasures
} from './ameasure.js';
export { glue } from './operations.js';

const unlimited = (): Budget => Budget.unlimited();

/** The first value of f outside [0, 1] (E-IB-RANGE), if any. */
export function outsideUnit(f: Vec): { index: number; value: Rational } | undefined {
    const index = f.findIndex((x) => x.sign() < 0 || x.gt(Rational.ONE));
    return index < 0 ? undefined : { index, value: f[index]! };
}

function checkUnit(f: Vec, what: string): void {
    const bad = outsideUnit(f);
    if (bad) failWith('E-IB-RANGE', `${what} takes the value ${bad.value} outside [0, 1]`, { index: bad.index, value: String(bad.value) });
}

/** hull{(m, b), …}: checks every a-measure (E-INFRA-NEG) and keeps the minimal generators. */
export function fromAMeasures(n: number, list: readonly AMeasure[], budget = unlimited()): Outcome<InfraSet> {
    return guard(() => {
        if (list.some((a) => a.m.length !== n)) failWith('E-TYPE', `a-measures must have ${n} entries`);
        list.forEach((a, i) => {
            const bad = negativePart(a);
            if (bad) {
                const where = bad.index === 'b' ? 'b' : `m at entry ${bad.index + 1}`;
                failWith('E-INFRA-NEG', `a-measure ${i + 1} has a negative ${where} (${bad.value})`, { generator: i, index: bad.index, value: String(bad.value) });
            }
        });
        return ops.fromGenerators(n, list, budget);
    });
}

/** The crisp infradistribution of a credal set: {(p, 0) : p ∈ K}↑. */
export function crisp(K: CredalSet, budget = unlimited()): Outcome<InfraSet> {
    return guard(() => ops.crispOf(K, budget));
}

/** Whether every minimal generator has b = 0 and m(X) = 1. */
export function isCrisp(H: InfraSet): boolean {
    return isCrispGenerators(H);
}

/** credal(H) of a crisp H (E-NOT-CRISP otherwise). */
export function credalOf(H: InfraSet): Outcome<CredalSet> {
    return guard(() => new CredalSet(H.n, { kind: 'hull', generators: ops.crispMeasures(H) }));
}

/** E_H(f); f must lie in [0, 1] unless H is crisp (then any real f). */
export function lowerE(H: InfraSet, f: Vec): Outcome<Rational> {
    return guard(() => {
        if (f.length !== H.n) failWith('E-TYPE', `gamble has ${f.length} entries, the infradistribution ${H.n}`);
        if (!isCrispGenerators(H)) checkUnit(f, 'the gamble');
        return expectationOf(H, f);
    });
}

/** E-INFRA-NORM unless min b = 0 and min (m(X) + b) = 1 (data: both minima). */
export function checkNormalised(H: InfraSet): Outcome<InfraSet> {
    return guard(() => {
        const { minB, minTotal } = normalisationMinima(H);
        if (!minB.isZero() || !minTotal.eq(Rational.ONE)) {
            failWith('E-INFRA-NORM', `not normalised: min b = ${minB} (must be 0) and min (m(X) + b) = ${minTotal} (must be 1)`,
                { minB: String(minB), minTotal: String(minTotal) });
        }
        return H;
    });
}

export function normalize(H: InfraSet, budget = unlimited()): Outcome<InfraSet> {
    return guard(() => ops.normalize(H, budget));
}

/** Σ wᵢ Hᵢ (weights checked by the caller). */
export function mixture(parts: readonly InfraSet[], weights: readonly Rational[], budget = unlimited()): Outcome<InfraSet> {
    return guard(() => {
        if (parts.length === 0 || parts.some((H) => H.n !== parts[0]!.n)) failWith('E-TYPE', 'mixture parts on different sets');
        return ops.mixture(parts, weights, budget);
    });
}

/** P^g_H(L); g must lie in [0, 1]. */
export function ibProbability(H: InfraSet, L: Event, g: Vec): Outcome<Rational> {
    return guard(() => { checkUnit(g, 'the off-event utility g'); return ops.ibProbability(H, L, g); });
}

/** H|^g_L by the generator formula, pruned. */
export function update(H: InfraSet, L: Event, g: Vec, budget = unlimited()): Outcome<InfraSet> {
    return guard(() => { checkUnit(g, 'the off-event utility g'); return ops.update(H, L, g, budget); });
}

/** H ⋉ κ with a crisp kernel (one credal set on Y per element of X). */
export function semidirect(H: InfraSet, kernel: readonly CredalSet[], budget = unlimited()): Outcome<InfraSet> {
    return guard(() => {
        if (kernel.length !== H.n) failWith('E-TYPE', `the kernel has ${kernel.length} rows, the infradistribution ${H.n} elements`);
        return ops.semidirect(H, kernel, budget);
    });
}

/** The push-forward of H along `map` (element i of H's set ↦ element map[i] of a set of `n`): the marginal on a factor. */
export function pushForward(H: InfraSet, map: readonly number[], n: number, budget = unlimited()): Outcome<InfraSet> {
    return guard(() => {
        if (map.length !== H.n || map.some((y) => y < 0 || y >= n)) failWith('E-TYPE', 'the map does not send every element into the target set');
        return ops.pushForward(H, map, n, budget);
    });
}
