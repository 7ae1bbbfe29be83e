/**
 * Credal-set constructors (SEMANTICS §A.4). Each validates cheaply and returns an Outcome; facts that
 * need no LP are attached as notes (W-DUP-GEN, I-PRECISE, I-VACUOUS, W-ZERO-COND). Expensive checks
 * (emptiness, coherence, redundancy) are queries (credal.ts `diagnose`).
 */
import { Budget, fail, ok, type Outcome } from './budget.js';
import { tvBallIsVacuous } from './closed-forms.js';
import { lowerE, upperE, vertices } from './credal-compute.js';
import { dempster, normaliseFocal, type Focal } from './belief.js';
import { CredalSet, type ZeroConditioning } from './credal-set.js';
import { guard, failWith, type CredalConstraint, type EngineNote } from './credal-types.js';
import { checkDistribution } from './distribution.js';
import { Rational } from './rational.js';
import { eventMembers, indicator, vecKey, type Event, type Vec } from './vectors.js';
import { IssueCodes } from '../diagnostics/codes.js';

const inUnit = (x: Rational): boolean => x.sign() >= 0 && x.le(Rational.ONE);

function distributionOrFail(p: Vec, what: string): Rational[] {
    const r = checkDistribution(p);
    if (!r.ok) failWith(r.error.code, `${what}: ${r.error.message}`, r.error.data);
    return r.value;
}

function sameSize(sets: readonly CredalSet[]): void {
    if (sets.length === 0) failWith(IssueCodes.Input, 'no credal sets given');
    const n = sets[0]!.n;
    if (sets.some((K) => K.n !== n)) failWith(IssueCodes.Type, 'credal sets on different sets cannot be combined');
}

/** K = {p}. */
export function precise(p: Vec): Outcome<CredalSet> {
    return guard(() => new CredalSet(p.length, { kind: 'precise', p: distributionOrFail(p, 'distribution') }));
}

/** K = Δ(A) (A = Ω when omitted). E-EMPTY for A = ∅. */
export function vacuous(n: number, event?: Event): Outcome<CredalSet> {
    const support = event ? [...event] : new Array<boolean>(n).fill(true);
    if (n < 1) return fail(IssueCodes.SetEmpty, 'the set has no elements');
    if (support.length !== n) return fail(IssueCodes.Type, `event has ${support.length} entries, the set ${n}`);
    if (!support.some((x) => x)) return fail(IssueCodes.Empty, 'vacuous credal set on the empty event', { event: [] });
    const notes: EngineNote[] = eventMembers(support).length === 1
        ? [{ code: IssueCodes.Precise, severity: 'info', message: 'the credal set is a single distribution' }] : [];
    return ok(new CredalSet(n, { kind: 'vacuous', support }, notes));
}

/**
 * conv{p_1, …, p_k} (`implicit`: written without `hull`, adds I-HULL). Duplicates are dropped with W-DUP-GEN (data { duplicates: [{ index,
 * duplicateOf }] },
 * 0-based generator indices). Non-extreme generators: `diagnose` (I-REDUNDANT).
 */
export function hull(generators: readonly Vec[], options: { implicit?: boolean } = {}): Outcome<CredalSet> {
    return guard(() => {
        if (generators.length === 0) failWith(IssueCodes.Input, 'a hull needs at least one distribution');
        const n = generators[0]!.length;
        if (generators.some((g) => g.length !== n)) failWith(IssueCodes.Type, 'distributions on different sets');
        const firstIndex = new Map<string, number>();
        const kept: Rational[][] = [];
        const duplicates: { index: number; duplicateOf: number }[] = [];
        generators.forEach((g, index) => {
            const p = distributionOrFail(g, `generator ${index + 1}`);
            const key = vecKey(p);
            const earlier = firstIndex.get(key);
            if (earlier === undefined) { firstIndex.set(key, index); kept.push(p); } else duplicates.push({ index, duplicateOf: earlier });
        });
        const notes: EngineNote[] = [];
        if (options.implicit) notes.push({ code: IssueCodes.Hull, severity: 'info',
            message: 'a list of distributions is read as its convex hull' });
        if (duplicates.length > 0) {
            notes.push({
                code: IssueCodes.DupGen, severity: 'warning', data: { duplicates },
                message: duplicates.map((d) => `generator ${d.index + 1} repeats generator ${d.duplicateOf + 1}`).join('; '),
            });
        }
        if (kept.length === 1) notes.push({ code: IssueCodes.Precise, severity: 'info',
            message: 'the credal set is a single distribution' });
        return new CredalSet(n, { kind: 'hull', generators: kept, }, notes);
    });
}

/** {p ∈ Δ : every constraint holds}; emptiness is checked by `isEmpty` / `diagnose`. */
export function fromConstraints(n: number, constraints: readonly CredalConstraint[]): Outcome<CredalSet> {
    if (n < 1) return fail(IssueCodes.SetEmpty, 'the set has no elements');
    const bad = constraints.find((c) => c.coeffs.length !== n);
    if (bad) return fail(IssueCodes.Type, `constraint ${bad.id} has ${bad.coeffs.length} coefficients, the set ${n} elements`);
    return ok(new CredalSet(n, { kind: 'constraints', constraints: [...constraints] }));
}

/**
 * l_x ≤ p(x) ≤ u_x. E-BOUND-RANGE outside [0, 1] (data { index, value }), E-BOUND-ORDER when l_x > u_x
 * (data { index, lower, upper }). `ids[x]` (default `P({x})`-style "x<i>") names each element's bounds.
 */
export function probabilityIntervals(lower: Vec, upper: Vec, ids?: readonly string[]): Outcome<CredalSet> {
    const n = lower.length;
    if (n < 1) return fail(IssueCodes.SetEmpty, 'the set has no elements');
    if (upper.length !== n || (ids && ids.length !== n)) return fail(IssueCodes.Type, 'bounds of different lengths');
    for (let i = 0; i < n; i++) {
        for (const value of [lower[i]!, upper[i]!]) {
            if (!inUnit(value)) return fail(IssueCodes.BoundRange, `probability bound ${value} is outside [0, 1]`, { index: i, value });
        }
        if (lower[i]!.gt(upper[i]!)) {
            return fail(IssueCodes.BoundOrder, `lower bound ${lower[i]} exceeds upper bound ${upper[i]}`, { index: i, lower: lower[i],
                upper: upper[i] });
        }
    }
    const names = ids ? [...ids] : lower.map((_, i) => `x${i}`);
    return ok(new CredalSet(n, { kind: 'intervals', lower: [...lower], upper: [...upper], ids: names }));
}

/** (1−ε) p0 + ε ΔΩ. E-PARAM-RANGE for ε ∉ [0, 1]; I-PRECISE at ε = 0, I-VACUOUS at ε = 1. */
export function contamination(p0: Vec, eps: Rational): Outcome<CredalSet> {
    return guard(() => {
        const p = distributionOrFail(p0, 'base distribution');
        if (!inUnit(eps)) failWith(IssueCodes.ParamRange, `ε = ${eps} is outside [0, 1]`, { parameter: 'epsilon', value: eps });
        const notes: EngineNote[] = [];
        if (eps.isZero()) notes.push({ code: IssueCodes.Precise, severity: 'info',
            message: 'ε = 0: the credal set is the single distribution p0' });
        if (eps.eq(Rational.ONE)) notes.push({ code: IssueCodes.Vacuous, severity: 'info', message: 'ε = 1: the credal set is vacuous' });
        return new CredalSet(p.length, { kind: 'contamination', p0: p, eps }, notes);
    });
}

/** {q : TV(p0, q) ≤ δ}. E-PARAM-RANGE for δ ∉ [0, 1]; I-VACUOUS once δ ≥ 1 − min p0. */
export function tvBall(p0: Vec, delta: Rational): Outcome<CredalSet> {
    return guard(() => {
        const p = distributionOrFail(p0, 'centre distribution');
        if (!inUnit(delta)) failWith(IssueCodes.ParamRange, `δ = ${delta} is outside [0, 1]`, { parameter: 'delta', value: delta });
        const notes: EngineNote[] = [];
        if (delta.isZero()) notes.push({ code: IssueCodes.Precise, severity: 'info',
            message: 'δ = 0: the ball is the single distribution p0' });
        else if (tvBallIsVacuous(p, delta)) notes.push({ code: IssueCodes.Vacuous, severity: 'info',
            message: `δ ≥ 1 − min p0: the ball is the whole simplex` });
        return new CredalSet(p.length, { kind: 'tvball', p0: p, delta }, notes);
    });
}

/** K_1 ∩ … ∩ K_m (may be empty: `isEmpty`). */
export function intersection(parts: readonly CredalSet[]): Outcome<CredalSet> {
    return guard(() => { sameSize(parts); return new CredalSet(parts[0]!.n, { kind: 'intersection', parts: [...parts] }); });
}

/** conv(K_1 ∪ … ∪ K_m). */
export function hullOfUnion(parts: readonly CredalSet[]): Outcome<CredalSet> {
    return guard(() => { sameSize(parts); return new CredalSet(parts[0]!.n, { kind: 'hullUnion', parts: [...parts] }); });
}

/**
 * Generalized Bayes conditioning K | B (SEMANTICS §A.4.12). E-COND-NULL when upper P(B) = 0 (data
 * { upperP: 0 }); when lower P(B) = 0 < upper P(B) the result carries W-ZERO-COND (data { lowerP, upperP,
 * rule }) and follows `rule`: regular extension (default) or natural extension (vacuous on B).
 * The result lives on the same set; its distributions are 0 outside B.
 */
export function condition(K: CredalSet, event: Event, options: { rule?: ZeroConditioning; budget?: Budget } = {}): Outcome<CredalSet> {
    const budget = options.budget ?? Budget.unlimited();
    const rule = options.rule ?? 'regular';
    return guard(() => {
        if (event.length !== K.n) failWith(IssueCodes.Type, `event has ${event.length} entries, the set ${K.n}`);
        const one = indicator(event);
        const upperP = upperE(K, one, budget);
        if (upperP.isZero()) failWith(IssueCodes.CondNull, 'cannot condition on an event of upper probability 0', { upperP });
        const lowerP = lowerE(K, one, budget);
        const notes: EngineNote[] = [];
        if (lowerP.isZero()) {
            // Where the regular extension is already vacuous on B (a singleton B, say) the rules agree: no warning.
            if (regularIsVacuousOn(K, event, budget)) return new CredalSet(K.n, { kind: 'vacuous', support: [...event] });
            notes.push({
                code: IssueCodes.ZeroCond, severity: 'warning', data: { lowerP, upperP, rule },
                message: `the event has lower probability 0 (upper ${upperP}); conditioning by ${rule} extension`,
            });
            if (rule === 'natural') return new CredalSet(K.n, { kind: 'vacuous', support: [...event] }, notes);
        }
        return new CredalSet(K.n, { kind: 'conditioned', base: K, event: [...event], lowerP }, notes);
    });
}

/** Whether conv{v(·|B) : v ∈ ext K, v(B) > 0} = Δ(B): each x ∈ B is the whole conditional mass of some vertex. */
function regularIsVacuousOn(K: CredalSet, event: Event, budget: Budget): boolean {
    const members = eventMembers(event);
    if (members.length <= 1) return true;
    const verts = vertices(K, budget);
    return members.every((x) => verts.some((v) => v[x]!.sign() > 0 && members.every((y) => y === x || v[y]!.isZero())));
}

/** h_* K for h given as `map[x] = h(x)` ∈ {0, …, m−1}. */
export function pushForward(K: CredalSet, map: readonly number[], m: number): Outcome<CredalSet> {
    if (map.length !== K.n) return fail(IssueCodes.Type, `map has ${map.length} entries, the set ${K.n}`);
    if (map.some((y) => !Number.isInteger(y) || y < 0 || y >= m)) return fail(IssueCodes.Input, `map values must lie in 0..${m - 1}`);
    return ok(new CredalSet(m, { kind: 'pushforward', base: K, map: [...map] }));
}

/** The projection of a product set with factor sizes `sizes` (row-major) onto factor `factor`. */
export function projectionMap(sizes: readonly number[], factor: number): number[] {
    const total = sizes.reduce((a, b) => a * b, 1);
    const stride = sizes.slice(factor + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: total }, (_, index) => Math.floor(index / stride) % sizes[factor]!);
}

/** Marginal of K on a product set with factor sizes `sizes` onto factor `factor`. */
export function marginal(K: CredalSet, sizes: readonly number[], factor: number): Outcome<CredalSet> {
    if (sizes.reduce((a, b) => a * b, 1) !== K.n) return fail(IssueCodes.Type, 'factor sizes do not match the set');
    if (factor < 0 || factor >= sizes.length) return fail(IssueCodes.Input, `no factor ${factor}`);
    return pushForward(K, projectionMap(sizes, factor), sizes[factor]!);
}

/** Σ wᵢ Kᵢ = {Σ wᵢ pᵢ : pᵢ ∈ Kᵢ}; weights non-negative, summing to 1 (E-DIST-NEG / E-DIST-SUM). */
export function mixture(parts: readonly CredalSet[], weights: readonly Rational[]): Outcome<CredalSet> {
    return guard(() => {
        sameSize(parts);
        if (weights.length !== parts.length) failWith('E-INPUT', 'one weight per part');
        if (weights.some((w) => w.sign() < 0)) failWith('E-DIST-NEG', 'negative mixture weight');
        const sum = Rational.sum(weights);
        if (!sum.eq(Rational.ONE)) failWith('E-DIST-SUM', `mixture weights sum to ${sum}`, { sum });
        return new CredalSet(parts[0]!.n, { kind: 'mixture', parts: [...parts], weights: [...weights] });
    });
}

/**
 * The belief function with Möbius masses `focal` (SEMANTICS §A.4.9): masses ≥ 0 summing to 1, no mass on ∅
 * (E-DIST-NEG / E-DIST-SUM / E-TYPE, data { index }).
 */
export function beliefFunction(n: number, focal: readonly Focal[]): Outcome<CredalSet> {
    return guard(() => {
        focal.forEach((F, index) => {
            if (F.event.length !== n) failWith('E-TYPE', `focal event ${index + 1} has ${F.event.length} entries, the set ${n}`, { index });
            if (F.mass.sign() < 0) failWith('E-DIST-NEG', `negative mass ${F.mass}`, { index });
            if (!F.event.some((b) => b) && !F.mass.isZero()) failWith('E-TYPE', 'the empty event cannot carry mass', { index });
        });
        const sum = Rational.sum(focal.map((F) => F.mass));
        if (!sum.eq(Rational.ONE)) failWith('E-DIST-SUM', `masses sum to ${sum}`, { sum });
        const merged = normaliseFocal(focal);
        const notes: EngineNote[] = merged.length === 1 && eventMembers(merged[0]!.event).length === 1
            ? [{ code: 'I-PRECISE', severity: 'info', message: 'the credal set is a single distribution' }] : [];
        return new CredalSet(n, { kind: 'belief', focal: merged }, notes);
    });
}

/** The Möbius masses of a set built as a belief function (belief, precise, vacuous, contamination, mixtures of them). */
export function beliefMasses(K: CredalSet): Focal[] | undefined {
    const s = K.structure;
    const single = (n: number, x: number): boolean[] => Array.from({ length: n }, (_, i) => i === x);
    switch (s.kind) {
        case 'belief': return s.focal;
        case 'precise': return normaliseFocal(s.p.map((mass, x) => ({ event: single(K.n, x), mass })));
        case 'vacuous': return [{ event: [...s.support], mass: Rational.ONE }];
        case 'contamination': {
            const keep = Rational.ONE.sub(s.eps);
            return normaliseFocal([...s.p0.map((px, x) => ({ event: single(K.n, x), mass: keep.mul(px) })),
                { event: new Array<boolean>(K.n).fill(true), mass: s.eps }]);
        }
        case 'mixture': {
            const parts = s.parts.map(beliefMasses);
            if (parts.some((p) => !p)) return undefined;
            return normaliseFocal(parts.flatMap((p, t) => p!.map((F) => ({ event: F.event, mass: F.mass.mul(s.weights[t]!) }))));
        }
        default: return undefined;
    }
}

/** Dempster's rule of combination of two belief functions on one set. */
export function dempsterCombination(first: CredalSet, second: CredalSet,
    budget = Budget.unlimited()): Outcome<{ set: CredalSet; conflict: Rational }> {
    return guard(() => {
        sameSize([first, second]);
        const a = beliefMasses(first), b = beliefMasses(second);
        if (!a || !b) failWith('E-TYPE', 'Dempster\'s rule combines belief functions (belief{…})');
        const r = dempster(a, b, budget);
        return { set: new CredalSet(first.n, { kind: 'belief', focal: r.focal }), conflict: r.conflict };
    });
}

/** Largest event on which mobius(K, A) of a set without known masses sums over its subsets (2^|A| LPs). */
export const MAX_MOBIUS_EVENT = 12;

/** m(A) = Σ_{B ⊆ A} (−1)^{|A∖B|} P̲(B): the Möbius inverse of the lower probability at A. */
export function mobius(K: CredalSet, event: Event, budget = Budget.unlimited()): Outcome<Rational> {
    return guard(() => {
        const masses = beliefMasses(K);
        const key = event.map((b) => (b ? '1' : '0')).join('');
        if (masses) return masses.find((F) => F.event.map((b) => (b ? '1' : '0')).join('') === key)?.mass ?? Rational.ZERO;
        const members = eventMembers(event);
        if (members.length > MAX_MOBIUS_EVENT) failWith('E-BUDGET',
            `the Möbius value sums over 2^${members.length} subsets; at most 2^${MAX_MOBIUS_EVENT} are computed`, { reason: 'steps' });
        let total = Rational.ZERO;
        for (let mask = 0; mask < (1 << members.length); mask++) {
            budget.spend();
            const sub = new Array<boolean>(K.n).fill(false);
            let size = 0;
            members.forEach((x, j) => { if (mask & (1 << j)) { sub[x] = true; size++; } });
            const lower = size === 0 ? Rational.ZERO : lowerE(K, indicator(sub), budget);
            total = (members.length - size) % 2 === 0 ? total.add(lower) : total.sub(lower);
        }
        return total;
    });
}

/** Strong product K_1 ⊠ K_2 on X × Y (row-major). */
export function strongProduct(left: CredalSet, right: CredalSet): Outcome<CredalSet> {
    return ok(new CredalSet(left.n * right.n, { kind: 'product', left, right }));
}

// ---------------------------------------------------------------- constraint builders

function checkProbability(id: string, value: Rational): void {
    if (!inUnit(value)) failWith(IssueCodes.BoundRange, `probability bound ${value} is outside [0, 1]`, { id, value });
}

/** P(A) rel bound; E-BOUND-RANGE when the bound is outside [0, 1]. */
export function probabilityConstraint(id: string, event: Event, rel: CredalConstraint['rel'], bound: Rational): Outcome<CredalConstraint> {
    return guard(() => { checkProbability(id, bound); return { id, coeffs: indicator(event), rel, rhs: bound }; });
}

/** E[f] rel c. */
export function expectationConstraint(id: string, f: Vec, rel: CredalConstraint['rel'], c: Rational): CredalConstraint {
    return { id, coeffs: [...f], rel, rhs: c };
}

/** P(A) ≥ P(B) as (1_A − 1_B)·p ≥ 0. */
export function comparativeConstraint(id: string, greater: Event, smaller: Event): CredalConstraint {
    return { id, coeffs: indicator(greater).map((a, i) => a.sub(smaller[i] ? Rational.ONE : Rational.ZERO)), rel: '>=',
        rhs: Rational.ZERO };
}

/**
 * `form in [l, u]` as two constraints with the same id (≥ l and ≤ u). E-BOUND-ORDER when l > u;
 * with `probability`, E-BOUND-RANGE when a bound is outside [0, 1].
 */
export function rangeConstraints(id: string, coeffs: Vec, lower: Rational, upper: Rational,
    probability: boolean): Outcome<CredalConstraint[]> {
    return guard(() => {
        if (probability) { checkProbability(id, lower); checkProbability(id, upper); }
        if (lower.gt(upper)) failWith(IssueCodes.BoundOrder, `lower bound ${lower} exceeds upper bound ${upper}`, { id, lower, upper });
        return [
            { id, coeffs: [...coeffs], rel: '>=' as const, rhs: lower },
            { id, coeffs: [...coeffs], rel: '<=' as const, rhs: upper },
        ];
    });
}

/** K ⋉ κ on X × Y (row-major), κ given as one credal set on Y per element of X (SEMANTICS §A.4.13). */
export function semidirect(base: CredalSet, kernel: readonly CredalSet[]): Outcome<CredalSet> {
    if (kernel.length !== base.n) return fail('E-TYPE', `the kernel has ${kernel.length} rows, the credal set ${base.n} elements`);
    if (kernel.length === 0 || kernel.some((k) => k.n !== kernel[0]!.n)) return fail('E-TYPE', 'kernel values on different sets');
    return ok(new CredalSet(base.n * kernel[0]!.n, { kind: 'semidirect', base, kernel: [...kernel] }));
}
