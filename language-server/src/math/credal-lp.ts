/**
 * The LP routes of the credal-set queries (internal): natural extension over an H-representation with
 * sure-loss certificates mapped back to constraint ids, and "views" — lifted formulations
 * p = M z, z ≥ 0, rows(z) — for sets whose H-representation in p-space is unknown or too large
 * (hulls of unions, intersections with V-represented parts, push-forwards).
 */
import type { Budget } from './budget.js';
import { EngineFailure, failWith, unwrap, type CredalConstraint } from './credal-types.js';
import { lowerExpectation, simplexFeasibility, solveLp, type LinearConstraint, type SureLoss } from './lp.js';
import { Rational } from './rational.js';
import { dot, type Vec } from './vectors.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** One multiplier of a sure-loss certificate, on the constraint with this id (zero multipliers omitted). */
export interface SureLossTerm {
    id: string;
    rel: CredalConstraint['rel'];
    multiplier: Rational;
}

/**
 * E-EMPTY data: h = Σ multiplier · ĝ_id is strictly negative everywhere, where ĝ is the constraint read
 * as an acceptable gamble (a − rhs for `>=` and `=`, rhs − a for `<=`). Absent when the set was built
 * in a way that has no user-level constraints to blame (e.g. an intersection with a hull).
 */
export interface SureLossCertificate {
    terms: SureLossTerm[];
    gamble: Rational[];
}

function certificateOf(constraints: readonly CredalConstraint[], sureLoss: SureLoss): SureLossCertificate {
    const terms = constraints.flatMap((c, i) => {
        const m = sureLoss.multipliers[i]!;
        return m.isZero() ? [] : [{ id: c.id, rel: c.rel, multiplier: m }];
    });
    return { terms, gamble: sureLoss.gamble };
}

export function emptyError(certificate: SureLossCertificate | undefined): EngineFailure {
    const detail = certificate
        ? `: ${certificate.terms.map((t) => `${t.multiplier}·[${t.id}]`).join(' + ')} loses for sure (${certificate.gamble.map(String).join(', ')})`
        : '';
    return new EngineFailure({ code: IssueCodes.Empty, message: `the credal set is empty (the assessments incur sure loss)${detail}`,
        data: { certificate } });
}

const asLp = (c: CredalConstraint): LinearConstraint => ({ coeffs: c.coeffs, rel: c.rel, rhs: c.rhs });

/** min { f·p : p ∈ Δ, constraints }; throws E-EMPTY with a certificate when infeasible. */
export function hrepLowerE(f: Vec, constraints: readonly CredalConstraint[], budget: Budget): Rational {
    const r = unwrap(lowerExpectation([...f], constraints.map(asLp), { budget }));
    if (r.status === 'infeasible') throw emptyError(certificateOf(constraints, r.sureLoss));
    return r.value;
}

export type Emptiness = { empty: false; point: Rational[] } | { empty: true; certificate?: SureLossCertificate };

export function hrepEmptiness(n: number, constraints: readonly CredalConstraint[], budget: Budget): Emptiness {
    const r = unwrap(simplexFeasibility(n, constraints.map(asLp), { budget }));
    return r.feasible ? { empty: false, point: r.point } : { empty: true, certificate: certificateOf(constraints, r.sureLoss) };
}

// ---------------------------------------------------------------- lifted views

/** K = { M z : z ≥ 0, rows hold }, where M has n rows and k columns; rows imply the normalisation. */
export interface View {
    k: number;
    matrix: Rational[][];
    rows: LinearConstraint[];
}

const ones = (k: number): Rational[] => Array.from({ length: k }, () => Rational.ONE);

export function identityView(n: number, constraints: readonly CredalConstraint[]): View {
    const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
    return { k: n, matrix, rows: [...constraints.map(asLp), { coeffs: ones(n), rel: '=', rhs: Rational.ONE }] };
}

/** conv(points): z = mixture weights. */
export function hullView(n: number, points: readonly Vec[]): View {
    const matrix = Array.from({ length: n }, (_, i) => points.map((p) => p[i]!));
    return { k: points.length, matrix, rows: [{ coeffs: ones(points.length), rel: '=', rhs: Rational.ONE }] };
}

/** h_* K: the same variables, rows of M summed along the map. */
export function pushView(view: View, map: readonly number[], m: number): View {
    const matrix = Array.from({ length: m }, () => Array.from({ length: view.k }, () => Rational.ZERO));
    map.forEach((y, x) => { matrix[y] = matrix[y]!.map((v, j) => v.add(view.matrix[x]![j]!)); });
    return { k: view.k, matrix, rows: view.rows };
}

/** Place each view's columns in its own block of a wider variable vector. */
function widen(coeffs: readonly Rational[], offset: number, width: number): Rational[] {
    const row = Array.from({ length: width }, () => Rational.ZERO);
    coeffs.forEach((c, j) => { row[offset + j] = c; });
    return row;
}

/** conv(K_1 ∪ … ∪ K_m): blocks w_k = t_k z_k with homogenised rows (a − b·1)·w_k rel 0 and Σ w = 1. */
export function unionView(n: number, views: readonly View[]): View {
    const k = views.reduce((s, v) => s + v.k, 0);
    const rows: LinearConstraint[] = [];
    const matrix = Array.from({ length: n }, () => [] as Rational[]);
    let offset = 0;
    for (const v of views) {
        for (const r of v.rows) {
            const homogeneous = r.coeffs.map((a) => a.sub(r.rhs));
            if (homogeneous.some((a) => !a.isZero())) rows.push({ coeffs: widen(homogeneous, offset, k), rel: r.rel, rhs: Rational.ZERO });
        }
        for (let i = 0; i < n; i++) matrix[i]!.push(...v.matrix[i]!);
        offset += v.k;
    }
    rows.push({ coeffs: ones(k), rel: '=', rhs: Rational.ONE });
    return { k, matrix, rows };
}

/** K_1 ∩ … ∩ K_m: blocks w_k = z_k / m, rows scaled by 1/m, and M_1 w_1 = M_k w_k for every k. */
export function intersectionView(n: number, views: readonly View[]): View {
    const m = Rational.of(views.length);
    const k = views.reduce((s, v) => s + v.k, 0);
    const rows: LinearConstraint[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (const v of views) {
        offsets.push(offset);
        for (const r of v.rows) rows.push({ coeffs: widen(r.coeffs, offset, k), rel: r.rel, rhs: r.rhs.div(m) });
        offset += v.k;
    }
    for (let t = 1; t < views.length; t++) {
        for (let i = 0; i < n; i++) {
            const left = widen(views[0]!.matrix[i]!, offsets[0]!, k);
            const right = widen(views[t]!.matrix[i]!, offsets[t]!, k);
            rows.push({ coeffs: left.map((a, j) => a.sub(right[j]!)), rel: '=', rhs: Rational.ZERO });
        }
    }
    const matrix = Array.from({ length: n }, (_, i) => widen(views[0]!.matrix[i]!.map((a) => a.mul(m)), 0, k));
    return { k, matrix, rows };
}

/**
 * K ⋉ κ as a linear description in the joint q (SEMANTICS §A.8): q_X = Σ_y q(·, y) ∈ K, and for each x
 * q(x, ·) ∈ q_X(x)·κ(x), i.e. κ(x)'s rows made homogeneous in t_x = q_X(x). Variables: K's block, then
 * one block per x; no vertex enumeration.
 */
export function semidirectView(base: View, kernel: readonly View[]): View {
    const n = kernel.length;
    const m = kernel[0]!.matrix.length;
    const offsets: number[] = [];
    let k = base.k;
    for (const v of kernel) { offsets.push(k); k += v.k; }
    const rows: LinearConstraint[] = base.rows.map((r) => ({ coeffs: widen(r.coeffs, 0, k), rel: r.rel, rhs: r.rhs }));
    kernel.forEach((v, x) => {
        const t = widen(base.matrix[x]!, 0, k);
        for (const r of v.rows) {
            const row = widen(r.coeffs, offsets[x]!, k).map((a, j) => a.sub(r.rhs.mul(t[j]!)));
            if (row.some((a) => !a.isZero())) rows.push({ coeffs: row, rel: r.rel, rhs: Rational.ZERO });
        }
        const columnSums = Array.from({ length: v.k }, (_, j) => Rational.sum(v.matrix.map((row) => row[j]!)));
        rows.push({ coeffs: widen(columnSums, offsets[x]!, k).map((a, j) => a.sub(t[j]!)), rel: '=', rhs: Rational.ZERO });
    });
    const matrix: Rational[][] = [];
    for (let x = 0; x < n; x++) for (let y = 0; y < m; y++) matrix.push(widen(kernel[x]!.matrix[y]!, offsets[x]!, k));
    return { k, matrix, rows };
}

/** Σ wᵢ Kᵢ: each part's variables in its own block, p = Σ wᵢ Mᵢ zᵢ (every part's rows normalise its block). */
export function mixtureView(n: number, views: readonly View[], weights: readonly Rational[]): View {
    const k = views.reduce((s, v) => s + v.k, 0);
    const rows: LinearConstraint[] = [];
    const matrix = Array.from({ length: n }, () => [] as Rational[]);
    let offset = 0;
    views.forEach((v, t) => {
        for (const r of v.rows) rows.push({ coeffs: widen(r.coeffs, offset, k), rel: r.rel, rhs: r.rhs });
        for (let i = 0; i < n; i++) matrix[i]!.push(...v.matrix[i]!.map((a) => a.mul(weights[t]!)));
        offset += v.k;
    });
    return { k, matrix, rows };
}

/** A belief function as allocations: z_{F,x} ≥ 0 for x ∈ F with Σ_x z_{F,x} = m(F), p(x) = Σ_F z_{F,x}. */
export function beliefView(n: number, focal: readonly { event: readonly boolean[]; mass: Rational }[]): View {
    const cells = focal.flatMap((F, f) => F.event.flatMap((inF, x) => (inF ? [{ f, x }] : [])));
    const k = cells.length;
    const rows: LinearConstraint[] = focal.map((F, f) => ({ coeffs: cells.map((c) => (c.f === f ? Rational.ONE : Rational.ZERO)), rel: '=',
        rhs: F.mass }));
    const matrix = Array.from({ length: n }, (_, x) => cells.map((c) => (c.x === x ? Rational.ONE : Rational.ZERO)));
    return { k, matrix, rows };
}

/** TV ball as couplings T with first marginal p0 and at most δ off the diagonal; p = second marginal. */
export function tvBallView(p0: Vec, delta: Rational): View {
    const n = p0.length;
    const k = n * n;
    const cell = (x: number, y: number): number => x * n + y;
    const rows: LinearConstraint[] = [];
    for (let x = 0; x < n; x++) {
        const coeffs = Array.from({ length: k }, () => Rational.ZERO);
        for (let y = 0; y < n; y++) coeffs[cell(x, y)] = Rational.ONE;
        rows.push({ coeffs, rel: '=', rhs: p0[x]! });
    }
    const off = Array.from({ length: k }, (_, c) => (Math.floor(c / n) === c % n ? Rational.ZERO : Rational.ONE));
    rows.push({ coeffs: off, rel: '<=', rhs: delta });
    const matrix = Array.from({ length: n }, (_, y) =>
        Array.from({ length: k }, (_, c) => (c % n === y ? Rational.ONE : Rational.ZERO)));
    return { k, matrix, rows };
}

function objectiveOf(view: View, f: Vec): Rational[] {
    return Array.from({ length: view.k }, (_, j) => Rational.sum(view.matrix.map((row, i) => row[j]!.mul(f[i]!))));
}

export function pointOf(view: View, z: Vec): Rational[] {
    return view.matrix.map((row) => dot(row, z));
}

/** min f·p over the view; E-EMPTY (without user-level certificate) when infeasible. */
export function viewMinimize(view: View, f: Vec, budget: Budget): { value: Rational; point: Rational[] } {
    const r = unwrap(solveLp({ sense: 'min', objective: objectiveOf(view, f), constraints: view.rows }, { budget }));
    if (r.status === 'infeasible') throw emptyError(undefined);
    if (r.status === 'unbounded') failWith(IssueCodes.Internal, 'a credal-set LP cannot be unbounded');
    return { value: r.value, point: pointOf(view, r.point) };
}

/** Is there z in the view with M z = p (plus extra rows on p)? Returns a witness point or undefined. */
export function viewFeasible(view: View, extra: readonly LinearConstraint[], budget: Budget): Rational[] | undefined {
    const lifted = extra.map((c) => ({ coeffs: objectiveOf(view, c.coeffs), rel: c.rel, rhs: c.rhs }));
    const zero = Array.from({ length: view.k }, () => Rational.ZERO);
    const r = unwrap(solveLp({ sense: 'min', objective: zero, constraints: [...view.rows, ...lifted] }, { budget }));
    return r.status === 'optimal' ? pointOf(view, r.point) : undefined;
}

/** min f·p over the view with extra rows on p; undefined when that is infeasible. */
export function viewMinimizeWith(view: View, f: Vec, extra: readonly LinearConstraint[], budget: Budget):
    { value: Rational; point: Rational[] } | undefined {
    const lifted = extra.map((c) => ({ coeffs: objectiveOf(view, c.coeffs), rel: c.rel, rhs: c.rhs }));
    const r = unwrap(solveLp({ sense: 'min', objective: objectiveOf(view, f), constraints: [...view.rows, ...lifted] }, { budget }));
    if (r.status !== 'optimal') return undefined;
    return { value: r.value, point: pointOf(view, r.point) };
}

/**
 * Generalized-Bayes lower conditional expectation over an H-representation with lower P(B) > 0, by the
 * Charnes–Cooper LP in (y, t) = (p / p(B), 1 / p(B)): min Σ_{x∈B} f(x) y_x subject to a_i·y rel b_i t,
 * Σ y = t, Σ_{x∈B} y_x = 1, y, t ≥ 0 (SEMANTICS §A.4.12).
 */
export function charnesCooperLowerE(f: Vec, event: readonly boolean[], constraints: readonly CredalConstraint[], budget: Budget): Rational {
    const n = f.length;
    const rows: LinearConstraint[] = constraints.map((c) => ({ coeffs: [...c.coeffs, c.rhs.neg()], rel: c.rel, rhs: Rational.ZERO }));
    rows.push({ coeffs: [...ones(n), Rational.ONE.neg()], rel: '=', rhs: Rational.ZERO });
    rows.push({ coeffs: [...event.map((b) => (b ? Rational.ONE : Rational.ZERO)), Rational.ZERO], rel: '=', rhs: Rational.ONE });
    const objective = [...f.map((x, i) => (event[i] ? x : Rational.ZERO)), Rational.ZERO];
    const r = unwrap(solveLp({ sense: 'min', objective, constraints: rows }, { budget }));
    if (r.status !== 'optimal') failWith(IssueCodes.Internal, `conditioning LP reported ${r.status}`);
    return r.value;
}
