/**
 * The version-2 rows of `npm run bench:engine` (LANGUAGE §7, SEMANTICS §A.8):
 * - semidirect: lowerE(K ⋉ κ, f) by backward induction against the flat exact LP over the joint's
 *   linear description, |X| = |Y| = n, K and every κ(x) given by constraints (each an LP of its own);
 * - prune: minimal generators of 20/50/100 a-measures on |X| = 10 that are all minimal (the worst
 *   case: one redundancy LP each, none dropped);
 * - ibupdate: the generator update of a 50-generator set, checked against the renormalised formula.
 * `agree`: the two methods give the same exact value.
 */
import { Budget } from '../language-server/src/math/budget.js';
import { fromConstraints, lowerE, semidirect, type CredalSet } from '../language-server/src/math/credal.js';
import { view } from '../language-server/src/math/credal-compute.js';
import { viewMinimize } from '../language-server/src/math/credal-lp.js';
import { expectation } from '../language-server/src/math/infra/ameasure.js';
import { fromAMeasures, glue, update, type AMeasure } from '../language-server/src/math/infra/infra.js';
import { Rational } from '../language-server/src/math/rational.js';
import { seededRandom } from './instances.js';

export interface SemidirectRow { case: 'semidirect'; n: number; ours_ms: number; flat_lp_ms: number; speedup: number; agree: boolean }
export interface PruneRow { case: 'prune'; generators: number; n: number; kept: number; ms: number }
export interface UpdateRow { case: 'ibupdate'; generators: number; n: number; ms: number; agree: boolean }
export type InfraRow = SemidirectRow | PruneRow | UpdateRow;

type Timer = (run: () => void, minTotalMs: number) => number;

/** {p : p(y) ≥ l_y}, random lower bounds with Σ l < 1, as constraints (so every query is an LP). */
function randomCredal(n: number, random: () => number): CredalSet {
    const constraints = Array.from({ length: n }, (_, y) => ({
        id: `l${y}`, coeffs: Array.from({ length: n }, (_, i) => (i === y ? Rational.ONE : Rational.ZERO)),
        rel: '>=' as const, rhs: Rational.of(Math.floor(random() * 60), 120 * n),
    }));
    const r = fromConstraints(n, constraints);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
}

function value<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!o.ok) throw new Error(o.error.message);
    return o.value;
}

/** Uniform distributions on 3-element subsets of n elements: all extreme, so all minimal. */
function minimalCrispGenerators(n: number, count: number): AMeasure[] {
    const out: AMeasure[] = [];
    for (let a = 0; a < n && out.length < count; a++) {
        for (let b = a + 1; b < n && out.length < count; b++) {
            for (let c = b + 1; c < n && out.length < count; c++) {
                out.push({ m: Array.from({ length: n }, (_, i) => (i === a || i === b || i === c ? Rational.of(1, 3) : Rational.ZERO)),
                    b: Rational.ZERO });
            }
        }
    }
    return out;
}

export function benchInfra(quick: boolean, bestOf: Timer, minTotalMs: number): InfraRow[] {
    const rows: InfraRow[] = [];
    const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
    console.log('\nInfradistributions (exact): semidirect K ⋉ κ by backward induction vs the flat LP over the joint');
    for (const n of [10, 20, 30]) {
        const random = seededRandom(n);
        const J = value(semidirect(randomCredal(n, random), Array.from({ length: n }, () => randomCredal(n, random))));
        const f = Array.from({ length: n * n }, () => Rational.of(Math.floor(random() * 21) - 10, 4));
        let ours = Rational.ZERO, flat = Rational.ZERO;
        const oursMs = bestOf(() => { ours = value(lowerE(J, f, Budget.unlimited())); }, minTotalMs);
        const flatMs = bestOf(() => {
            J.cache.view = undefined;
            flat = viewMinimize(view(J, Budget.unlimited()), f, Budget.unlimited()).value;
        }, quick ? minTotalMs : minTotalMs);
        const row: SemidirectRow = { case: 'semidirect', n, ours_ms: round(oursMs), flat_lp_ms: round(flatMs),
            speedup: round(flatMs / oursMs, 3), agree: ours.eq(flat) };
        rows.push(row);
        console.log(`  n = ${n} × ${n}: backward induction ${fmt(oursMs)} ms, flat LP ${fmt(flatMs)} ms, ${row.speedup}× faster, agree: ${row.agree}`);
    }
    console.log('Minimal generators (one redundancy LP per generator), |X| = 10');
    for (const count of [20, 50, 100]) {
        const gens = minimalCrispGenerators(10, count);
        let kept = 0;
        const ms = bestOf(() => { kept = value(fromAMeasures(10, gens)).generators.length; }, minTotalMs);
        rows.push({ case: 'prune', generators: count, n: 10, kept, ms: round(ms) });
        console.log(`  ${count} generators: ${fmt(ms)} ms (${kept} kept)`);
    }
    console.log('IB update of a 50-generator set, |X| = 10, against the renormalised formula');
    const raw = minimalCrispGenerators(10, 50).map((a, j) => ({ m: a.m, b: Rational.of(j % 5, 10) }));
    const H = value(fromAMeasures(10, raw));
    const L = Array.from({ length: 10 }, (_, i) => i < 6);
    const g = Array.from({ length: 10 }, (_, i) => Rational.of(i, 10));
    let updated = H;
    const ms = bestOf(() => { updated = value(update(H, L, g)); }, minTotalMs);
    const random = seededRandom(7);
    const zeros = L.map(() => Rational.ZERO), ones = L.map(() => Rational.ONE);
    const minOver = (f: Rational[]): Rational => Rational.min(...raw.map((a) => Rational.dot(a.m, f).add(a.b)));
    const c = minOver(glue(zeros, L, g)), P = minOver(glue(ones, L, g)).sub(c);
    const agree = Array.from({ length: 20 }, () => Array.from({ length: 10 }, () => Rational.of(Math.floor(random() * 11), 10)))
        .every((f) => expectation(updated, f).eq(minOver(glue(f, L, g)).sub(c).div(P)));
    rows.push({ case: 'ibupdate', generators: 50, n: 10, ms: round(ms), agree });
    console.log(`  50 generators (${H.generators.length} minimal): ${fmt(ms)} ms, agrees with the formula on 20 random f: ${agree}`);
    return rows;
}

const round = (x: number, digits = 4): number => Number(x.toPrecision(digits));
