/**
 * Internal query routines on credal sets. They throw EngineFailure / BudgetExceeded; the public
 * wrappers in credal.ts turn those into Outcomes. Each routine takes the cheapest exact route:
 * closed form (no LP) → min over known vertices → LP on the H-representation → LP on a lifted view.
 */
import type { Budget } from './budget.js';
import {
    contaminationConditionalLowerE, contaminationLowerE, contaminationVertices, intervalsLowerE,
    intervalsNonEmpty, intervalsVertices, tvBallLowerE, tvBallVertices, tvDistance,
} from './closed-forms.js';
import {
    beliefView, charnesCooperLowerE, emptyError, mixtureView, hrepEmptiness, hrepLowerE, hullView, identityView, intersectionView, pushView,
    semidirectView,
    tvBallView, unionView, viewFeasible, viewMinimize, pointOf, type Emptiness, type SureLossCertificate, type View,
} from './credal-lp.js';
import { beliefLowerE, beliefPoint, beliefRows } from './belief.js';
import type { CredalSet } from './credal-set.js';
import { unwrap, type CredalConstraint } from './credal-types.js';
import { enumerateVertices, extremePoints } from './polytope.js';
import { Rational } from './rational.js';
import { dot, mass, uniqueSorted, type Vec } from './vectors.js';

/** Largest n for which a TV ball is written as its 2^n − 2 event constraints. */
const TV_HREP_MAX_N = 8;

// ---------------------------------------------------------------- lower expectation

export function lowerE(K: CredalSet, f: Vec, budget: Budget): Rational {
    const s = K.structure;
    switch (s.kind) {
        case 'precise': return dot(s.p, f);
        case 'vacuous': return Rational.min(...f.filter((_, i) => s.support[i]));
        case 'contamination': return contaminationLowerE(s.p0, s.eps, f);
        case 'tvball': return tvBallLowerE(s.p0, s.delta, f);
        case 'intervals':
            if (!intervalsNonEmpty(s.lower, s.upper)) throw emptyError(intervalsCertificate(K));
            return intervalsLowerE(s.lower, s.upper, f);
        case 'hullUnion': return Rational.min(...nonEmptyParts(s.parts, budget).map((part) => lowerE(part, f, budget)));
        case 'pushforward': return lowerE(s.base, s.map.map((y) => f[y]!), budget);
        case 'belief': return beliefLowerE(s.focal, f);
        case 'mixture': return Rational.sum(s.parts.map((part, t) => s.weights[t]!.mul(lowerE(part, f, budget))));
        case 'product': {
            // Bilinear: for each vertex p of the left factor, the inner minimum is a lower expectation.
            const m = s.right.n;
            return Rational.min(...vertices(s.left, budget).map((p) => {
                budget.spend();
                const g = Array.from({ length: m }, (_, y) => Rational.sum(p.map((px, x) => px.mul(f[x * m + y]!))));
                return lowerE(s.right, g, budget);
            }));
        }
        case 'semidirect': return semidirectLowerE(s.base, s.kernel, f, budget);
        case 'conditioned':
            if (s.base.structure.kind === 'contamination') {
                return contaminationConditionalLowerE(s.base.structure.p0, s.base.structure.eps, s.event, f);
            }
            if (s.lowerP.sign() > 0 && !K.cache.generators && !s.base.cache.vertices) {
                const h = hrep(s.base, budget);
                if (h) return charnesCooperLowerE(f, s.event, h, budget);
            }
            break;
        default: break;
    }
    if (K.cache.vertices) return minOver(K.cache.vertices, f);
    if (s.kind === 'hull') return minOver(s.generators, f);
    if (s.kind === 'conditioned') return minOver(conditionedGenerators(K, budget), f);
    const h = hrep(K, budget);
    if (h) return hrepLowerE(f, h, budget);
    return viewMinimize(view(K, budget), f, budget).value;
}

/** Backward induction (SEMANTICS §A.4.13): E_K(x ↦ E_κ(x)(f(x, ·))), never the product's vertices. */
export function semidirectLowerE(base: CredalSet, kernel: readonly CredalSet[], f: Vec, budget: Budget): Rational {
    const m = kernel[0]!.n;
    const inner = kernel.map((k, x) => { budget.spend(); return lowerE(k, f.slice(x * m, (x + 1) * m), budget); });
    return lowerE(base, inner, budget);
}

export function upperE(K: CredalSet, f: Vec, budget: Budget): Rational {
    return lowerE(K, f.map((x) => x.neg()), budget).neg();
}

/** conv(∅ ∪ L) = L: empty parts of a hull of a union drop out; all empty → E-EMPTY. */
function nonEmptyParts(parts: readonly CredalSet[], budget: Budget): CredalSet[] {
    const kept = parts.filter((part) => !emptiness(part, budget).empty);
    if (kept.length === 0) throw emptyError(undefined);
    return kept;
}

function minOver(points: readonly Vec[], f: Vec): Rational {
    if (points.length === 0) throw emptyError(undefined);
    // reduce, not spread: vertex lists can exceed the engine's argument limit.
    return points.reduce((best, v) => { const x = dot(v, f); return x.lt(best) ? x : best; }, dot(points[0]!, f));
}

// ---------------------------------------------------------------- representations

/** Sure-loss certificate of an empty interval set, in closed form (one of three reasons). */
export function intervalsCertificate(K: CredalSet): SureLossCertificate | undefined {
    const s = K.structure;
    if (s.kind !== 'intervals') return undefined;
    const n = K.n;
    const constant = (c: Rational): Rational[] => Array.from({ length: n }, () => c);
    const crossed = s.lower.findIndex((l, i) => l.gt(s.upper[i]!));
    if (crossed >= 0) {
        return {
            terms: [{ id: s.ids[crossed]!, rel: '>=', multiplier: Rational.ONE }, { id: s.ids[crossed]!, rel: '<=',
                multiplier: Rational.ONE }],
            gamble: constant(s.upper[crossed]!.sub(s.lower[crossed]!)),
        };
    }
    const sumL = Rational.sum(s.lower);
    if (sumL.gt(Rational.ONE)) {
        return { terms: s.ids.map((id) => ({ id, rel: '>=' as const, multiplier: Rational.ONE })),
            gamble: constant(Rational.ONE.sub(sumL)) };
    }
    const sumU = Rational.sum(s.upper);
    if (sumU.lt(Rational.ONE)) {
        return { terms: s.ids.map((id) => ({ id, rel: '<=' as const, multiplier: Rational.ONE })),
            gamble: constant(sumU.sub(Rational.ONE)) };
    }
    return undefined;
}

const unit = (n: number, i: number): Rational[] => Array.from({ length: n }, (_, j) => (j === i ? Rational.ONE : Rational.ZERO));

/** Every event as a 0/1 vector except ∅ and Ω (for the TV ball's exponential H-representation). */
function properEvents(n: number): boolean[][] {
    const out: boolean[][] = [];
    for (let mask = 1; mask < (1 << n) - 1; mask++) out.push(Array.from({ length: n }, (_, i) => (mask & (1 << i)) !== 0));
    return out;
}

/** H-representation in p-space (the simplex constraints implicit), or null when only a lifted view exists. */
export function hrep(K: CredalSet, budget: Budget): CredalConstraint[] | null {
    if (K.cache.hrep !== undefined) return K.cache.hrep;
    const s = K.structure;
    const n = K.n;
    let rows: CredalConstraint[] | null = null;
    switch (s.kind) {
        case 'precise':
            rows = s.p.map((px, i) => ({ id: `p[${i}]`, coeffs: unit(n, i), rel: '=', rhs: px }));
            break;
        case 'vacuous':
            rows = s.support.flatMap((inA, i) => (inA ? [] : [{ id: `support[${i}]`, coeffs: unit(n, i), rel: '=' as const,
                rhs: Rational.ZERO }]));
            break;
        case 'constraints': rows = s.constraints; break;
        case 'intervals':
            rows = s.lower.flatMap((l, i) => [
                { id: s.ids[i]!, coeffs: unit(n, i), rel: '>=' as const, rhs: l },
                { id: s.ids[i]!, coeffs: unit(n, i), rel: '<=' as const, rhs: s.upper[i]! },
            ]);
            break;
        case 'contamination': {
            const keep = Rational.ONE.sub(s.eps);
            rows = s.p0.map((px, i) => ({ id: `contamination[${i}]`, coeffs: unit(n, i), rel: '>=', rhs: keep.mul(px) }));
            break;
        }
        case 'tvball':
            if (n <= TV_HREP_MAX_N) {
                rows = properEvents(n).map((A) => ({
                    id: `tvball{${A.flatMap((b, i) => (b ? [i] : [])).join(',')}}`, coeffs: A.map((b) => (b ? Rational.ONE
                        : Rational.ZERO)), rel: '>=', rhs: mass(s.p0, A).sub(s.delta),
                }));
            }
            break;
        case 'belief':
            if (n <= TV_HREP_MAX_N) {
                rows = beliefRows(n, s.focal).map((r) => ({
                    id: `belief{${r.event.flatMap((b, i) => (b ? [i] : [])).join(',')}}`, coeffs: r.event.map((b) => (b ? Rational.ONE
                        : Rational.ZERO)), rel: '>=' as const, rhs: r.bound,
                }));
            }
            break;
        case 'intersection': {
            const parts = s.parts.map((part) => hrep(part, budget));
            rows = parts.every((p) => p !== null) ? parts.flat() as CredalConstraint[] : null;
            break;
        }
        default: break;
    }
    K.cache.hrep = rows;
    return rows;
}

/** A lifted LP formulation (always available). */
export function view(K: CredalSet, budget: Budget): View {
    if (K.cache.view) return K.cache.view;
    const s = K.structure;
    let v: View;
    const h = hrep(K, budget);
    if (h) v = identityView(K.n, h);
    else {
        switch (s.kind) {
            case 'tvball': v = tvBallView(s.p0, s.delta); break;
            case 'intersection': v = intersectionView(K.n, s.parts.map((part) => view(part, budget))); break;
            case 'hullUnion': v = unionView(K.n, s.parts.map((part) => view(part, budget))); break;
            case 'pushforward': v = pushView(view(s.base, budget), s.map, K.n); break;
            case 'semidirect': v = semidirectView(view(s.base, budget), s.kernel.map((k) => view(k, budget))); break;
            case 'hull': v = hullView(K.n, s.generators); break;
            case 'belief': v = beliefView(K.n, s.focal); break;
            case 'mixture': v = mixtureView(K.n, s.parts.map((part) => view(part, budget)), s.weights); break;
            default: v = hullView(K.n, vertices(K, budget)); break;
        }
    }
    K.cache.view = v;
    return v;
}

/** Vertices of a view: enumerate in its variable simplex, map to p, keep the extreme ones. */
function viewVertices(v: View, budget: Budget): Rational[][] {
    const zVertices = unwrap(enumerateVertices({ n: v.k, constraints: v.rows }, { budget }));
    return unwrap(extremePoints(uniqueSorted(zVertices.map((z) => pointOf(v, z))), { budget }));
}

// ---------------------------------------------------------------- vertices

export function vertices(K: CredalSet, budget: Budget): Rational[][] {
    if (K.cache.vertices) return K.cache.vertices;
    const s = K.structure;
    let result: Rational[][];
    switch (s.kind) {
        case 'precise': result = [[...s.p]]; break;
        case 'vacuous': result = uniqueSorted(s.support.flatMap((inA, i) => (inA ? [unit(K.n, i)] : []))); break;
        case 'contamination': result = contaminationVertices(s.p0, s.eps); break;
        case 'tvball': result = tvBallVertices(s.p0, s.delta, budget); break;
        case 'intervals':
            if (!intervalsNonEmpty(s.lower, s.upper)) throw emptyError(intervalsCertificate(K));
            result = intervalsVertices(s.lower, s.upper, budget);
            break;
        case 'hull': result = unwrap(extremePoints(s.generators, { budget })); break;
        case 'hullUnion': result = unwrap(extremePoints(nonEmptyParts(s.parts, budget).flatMap((part) => vertices(part, budget)),
            { budget })); break;
        case 'conditioned': result = unwrap(extremePoints(conditionedGenerators(K, budget), { budget })); break;
        case 'pushforward': {
            const pushed = vertices(s.base, budget).map((p) => pushForwardPoint(p, s.map, K.n));
            result = unwrap(extremePoints(uniqueSorted(pushed), { budget }));
            break;
        }
        case 'semidirect': result = unwrap(extremePoints(semidirectCandidates(s.base, s.kernel, budget), { budget })); break;
        case 'product': {
            // Products of extreme points are extreme (marginals of a mixture would have to agree).
            const right = vertices(s.right, budget);
            result = uniqueSorted(vertices(s.left, budget).flatMap((p) => right.map((q) => {
                budget.spend();
                return p.flatMap((px) => q.map((qy) => px.mul(qy)));
            })));
            break;
        }
        case 'mixture': {
            // Vertices of a Minkowski sum are among the weighted sums of the parts' vertices.
            let sums: Rational[][] = [Array.from({ length: K.n }, () => Rational.ZERO)];
            s.parts.forEach((part, t) => {
                const w = s.weights[t]!;
                const verts = vertices(part, budget);
                sums = uniqueSorted(sums.flatMap((acc) => verts.map((v) => { budget.spend(); return acc.map((a,
                    i) => a.add(w.mul(v[i]!))); })));
            });
            result = unwrap(extremePoints(sums, { budget }));
            break;
        }
        case 'belief':
        case 'constraints':
        case 'intersection': {
            const h = hrep(K, budget);
            result = h ? unwrap(enumerateVertices({ n: K.n, constraints: h }, { budget })) : viewVertices(view(K, budget), budget);
            if (result.length === 0) throw emptyError(emptinessCertificate(K, budget));
            break;
        }
    }
    K.cache.vertices = result;
    return result;
}

/** {v ⋉ (w_x)_x : v ∈ ext K, w_x ∈ ext κ(x)}: the vertices are among these (budgeted, a product). */
function semidirectCandidates(base: CredalSet, kernel: readonly CredalSet[], budget: Budget): Rational[][] {
    const m = kernel[0]!.n;
    const ext = kernel.map((k) => vertices(k, budget));
    const out: Rational[][] = [];
    for (const v of vertices(base, budget)) {
        const support = v.flatMap((px, x) => (px.isZero() ? [] : [x]));
        const choice = support.map(() => 0);
        for (;;) {
            budget.spend();
            const joint = Array.from({ length: base.n * m }, () => Rational.ZERO);
            support.forEach((x, i) => { ext[x]![choice[i]!]!.forEach((w, y) => { joint[x * m + y] = v[x]!.mul(w); }); });
            out.push(joint);
            let i = 0;
            while (i < support.length && ++choice[i]! >= ext[support[i]!]!.length) choice[i++] = 0;
            if (i === support.length) break;
        }
    }
    return uniqueSorted(out);
}

function emptinessCertificate(K: CredalSet, budget: Budget): SureLossCertificate | undefined {
    const e = emptiness(K, budget);
    return e.empty ? e.certificate : undefined;
}

export function pushForwardPoint(p: Vec, map: readonly number[], m: number): Rational[] {
    const out = Array.from({ length: m }, () => Rational.ZERO);
    map.forEach((y, x) => { out[y] = out[y]!.add(p[x]!); });
    return out;
}

/** { v(·|B) : v ∈ ext base, v(B) > 0 }, as full-length vectors with zeros outside B. */
export function conditionedGenerators(K: CredalSet, budget: Budget): Rational[][] {
    if (K.cache.generators) return K.cache.generators;
    const s = K.structure;
    if (s.kind !== 'conditioned') return vertices(K, budget);
    const out: Rational[][] = [];
    for (const v of vertices(s.base, budget)) {
        const pb = mass(v, s.event);
        if (pb.sign() > 0) out.push(v.map((x, i) => (s.event[i] ? x.div(pb) : Rational.ZERO)));
    }
    K.cache.generators = uniqueSorted(out);
    return K.cache.generators;
}

// ---------------------------------------------------------------- emptiness and membership

export function emptiness(K: CredalSet, budget: Budget): Emptiness {
    if (K.cache.emptiness) return K.cache.emptiness;
    const s = K.structure;
    let e: Emptiness;
    switch (s.kind) {
        case 'intervals':
            e = intervalsNonEmpty(s.lower, s.upper)
                ? { empty: false, point: intervalsVertices(s.lower, s.upper, budget)[0]! }
                : { empty: true, certificate: intervalsCertificate(K) };
            break;
        case 'constraints':
        case 'intersection': {
            const h = hrep(K, budget);
            if (h) e = hrepEmptiness(K.n, h, budget);
            else {
                const point = viewFeasible(view(K, budget), [], budget);
                e = point ? { empty: false, point } : { empty: true };
            }
            break;
        }
        case 'hullUnion': {
            const found = s.parts.map((part) => emptiness(part, budget)).find((x) => !x.empty);
            e = found ?? { empty: true };
            break;
        }
        case 'pushforward': {
            const b = emptiness(s.base, budget);
            e = b.empty ? b : { empty: false, point: pushForwardPoint(b.point, s.map, K.n) };
            break;
        }
        case 'semidirect': {
            const b = emptiness(s.base, budget);
            const parts = s.kernel.map((k) => emptiness(k, budget));
            const empty = [b, ...parts].find((x) => x.empty);
            e = empty ?? { empty: false, point: b.empty ? [] : b.point.flatMap((px, x) => {
                const w = parts[x]!;
                return w.empty ? [] : w.point.map((wy) => px.mul(wy));
            }) };
            break;
        }
        case 'product': {
            const l = emptiness(s.left, budget), r = emptiness(s.right, budget);
            e = l.empty ? l : r.empty ? r : { empty: false, point: l.point.flatMap((a) => r.point.map((b) => a.mul(b))) };
            break;
        }
        case 'precise': e = { empty: false, point: s.p }; break;
        case 'belief': e = { empty: false, point: beliefPoint(K.n, s.focal) }; break;
        case 'mixture': {
            const points = s.parts.map((part) => emptiness(part, budget));
            const empty = points.find((x) => x.empty);
            e = empty ?? { empty: false, point: Array.from({ length: K.n }, (_, i) => Rational.sum(points.map((x,
                t) => s.weights[t]!.mul((x as { point: Rational[] }).point[i]!)))) };
            break;
        }
        case 'contamination': case 'tvball': e = { empty: false, point: s.p0 }; break;
        case 'hull': e = { empty: false, point: s.generators[0]! }; break;
        default: e = { empty: false, point: vertices(K, budget)[0]! }; break;
    }
    K.cache.emptiness = e;
    return e;
}

export function contains(K: CredalSet, p: Vec, budget: Budget): boolean {
    if (p.length !== K.n || p.some((x) => x.sign() < 0) || !Rational.sum(p).eq(Rational.ONE)) return false;
    const s = K.structure;
    switch (s.kind) {
        case 'precise': return s.p.every((x, i) => x.eq(p[i]!));
        case 'vacuous': return p.every((x, i) => s.support[i] || x.isZero());
        case 'tvball': return tvDistance(s.p0, p).distance.le(s.delta);
        case 'intersection': return s.parts.every((part) => contains(part, p, budget));
        default: break;
    }
    const h = hrep(K, budget);
    if (h) return h.every((c) => holds(c, p));
    const extra = p.map((px, i) => ({ coeffs: unit(K.n, i), rel: '=' as const, rhs: px }));
    return viewFeasible(view(K, budget), extra, budget) !== undefined;
}

function holds(c: CredalConstraint, p: Vec): boolean {
    const cmp = dot(c.coeffs, p).cmp(c.rhs);
    return c.rel === '=' ? cmp === 0 : c.rel === '>=' ? cmp >= 0 : cmp <= 0;
}

/** The user's assessments inside K: rows of constraint-built and interval parts (through intersections). */
export function assessments(K: CredalSet, budget: Budget): CredalConstraint[] {
    const s = K.structure;
    if (s.kind === 'constraints' || s.kind === 'intervals') return hrep(K, budget) ?? [];
    if (s.kind === 'intersection') return s.parts.flatMap((part) => assessments(part, budget));
    return [];
}
