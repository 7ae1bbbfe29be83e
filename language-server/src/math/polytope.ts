/**
 * Polytopes inside the probability simplex Δ = { p ≥ 0, Σp = 1 } (SEMANTICS §A.3, §A.6).
 *
 * H-representation: `HRep` = linear constraints on p, with p ≥ 0 and Σp = 1 implicit.
 * V-representation: a list of points (distributions).
 * Vertex enumeration is exact double description (dd.ts) under a budget; over budget it returns an
 * `E-BUDGET` outcome whose data says how far it got. Vertex lists are returned sorted
 * lexicographically by exact value (`compareLex`) without duplicates. Questions that need an LP
 * (hull membership, redundancy, dimension) use the certified exact LP of lp.ts.
 * Public functions never throw.
 */
import { Budget, fail, ok, runOutcome, type Outcome, budgetError, BudgetExceeded } from './budget.js';
import { doubleDescription, type HomogeneousRow, RayLimitExceeded } from './dd.js';
import { integerRow, primitive, rank } from './int-matrix.js';
import { type LinearConstraint, lowerExpectation, type LpOptions, solveLp, upperExpectation } from './lp.js';
import { Rational } from './rational.js';
import { IssueCodes } from '../diagnostics/codes.js';

type Point = Rational[];

export interface HRep {
    /** Number of outcomes |Ω|. */
    n: number;
    constraints: LinearConstraint[];
}

interface VertexOptions {
    budget?: Budget;
    /** Cap on intermediate vertices during enumeration (memory guard); default 100 000. */
    maxVertices?: number;
}

/** Lexicographic order of equal-length exact vectors. */
export function compareLex(a: readonly Rational[], b: readonly Rational[]): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const c = a[i]!.cmp(b[i]!);
        if (c !== 0) return c;
    }
    return a.length - b.length;
}

/** Sorted copy without duplicates. */
function sortUniquePoints(points: readonly Point[]): Point[] {
    const sorted = [...points].sort(compareLex);
    return sorted.filter((p, i) => i === 0 || compareLex(sorted[i - 1]!, p) !== 0);
}

function checkHRep(h: HRep): string | undefined {
    if (!Number.isInteger(h.n) || h.n < 1) return `a polytope needs at least one outcome, got n = ${h.n}`;
    for (const [i, c] of h.constraints.entries()) {
        if (c.coeffs.length !== h.n) return `constraint ${i} has ${c.coeffs.length} coefficients, expected ${h.n}`;
    }
    return undefined;
}

/** a·p rel b as a homogeneous row (a − b·1)·p rel 0, primitive, oriented as ≥ (or =). */
function homogeneous(c: LinearConstraint): HomogeneousRow {
    const { ints } = integerRow(c.coeffs.map((a) => a.sub(c.rhs)));
    const oriented = c.rel === '<=' ? ints.map((v) => -v) : ints;
    return { coeffs: primitive(oriented), equality: c.rel === '=' };
}

/** Rows for DD: equalities first, duplicates and rows implied by p ≥ 0 dropped. */
function ddRows(constraints: readonly LinearConstraint[]): HomogeneousRow[] {
    const seen = new Set<string>();
    const rows: HomogeneousRow[] = [];
    for (const c of constraints) {
        const row = homogeneous(c);
        if (!row.equality && row.coeffs.every((v) => v >= 0n)) continue;
        if (row.equality && row.coeffs.every((v) => v === 0n)) continue;
        const key = `${row.equality ? '=' : '>'}${row.coeffs.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push(row);
    }
    return [...rows.filter((r) => r.equality), ...rows.filter((r) => !r.equality)];
}

/**
 * All vertices of { p ∈ Δ : constraints }, exact, sorted lexicographically; [] when empty.
 * Over budget: E-BUDGET with data { reason, verticesFound, constraintsProcessed, constraintsTotal },
 * where verticesFound counts the vertices of the partial polytope (constraints processed so far).
 */
export function enumerateVertices(h: HRep, options: VertexOptions = {}): Outcome<Point[]> {
    const shapeError = checkHRep(h);
    if (shapeError) return fail(IssueCodes.Input, shapeError);
    const rows = ddRows(h.constraints);
    const progress = { processed: 0, rays: h.n };
    try {
        const rays = doubleDescription(h.n, rows, options.budget ?? Budget.unlimited(), options.maxVertices ?? 100_000, progress);
        return ok(sortUniquePoints(rays.map((v) => {
            let s = 0n;
            for (const x of v) s += x;
            return v.map((x) => Rational.fromBigInts(x, s));
        })));
    } catch (e) {
        const data = { verticesFound: progress.rays, constraintsProcessed: progress.processed, constraintsTotal: rows.length };
        if (e instanceof BudgetExceeded) return { ok: false, error: budgetError(e, data) };
        if (e instanceof RayLimitExceeded) {
            return fail(IssueCodes.Budget, `more than ${options.maxVertices ?? 100_000} vertices`, { reason: 'vertices', ...data });
        }
        return fail(IssueCodes.Internal, `internal engine error: ${e instanceof Error ? e.message : String(e)}`);
    }
}

/**
 * Reference enumeration (SEMANTICS §A.6.4): every choice of n − r tight rows among the inequalities and
 * p_j ≥ 0 (r = rank of Σp = 1 and the equalities), together with all equalities, solved exactly when
 * the system has a unique solution.
 * Exponential; for tests and tiny problems only.
 */
export function bruteForceVertices(h: HRep): Point[] {
    const n = h.n;
    const ones = Array.from({ length: n }, () => Rational.ONE);
    const unit = (j: number): Rational[] => ones.map((_, k) => (k === j ? Rational.ONE : Rational.ZERO));
    const eqs: { a: Rational[]; b: Rational }[] = [{ a: ones, b: Rational.ONE }];
    const ineqs: { a: Rational[]; b: Rational }[] = [];
    for (const c of h.constraints) (c.rel === '=' ? eqs : ineqs).push({ a: c.coeffs, b: c.rhs });
    for (let j = 0; j < n; j++) ineqs.push({ a: unit(j), b: Rational.ZERO });
    const found: Point[] = [];
    const free = n - rank(eqs.map((e) => e.a));
    const choose = (start: number, picked: number[]): void => {
        if (picked.length === free) {
            const sys = [...eqs, ...picked.map((i) => ineqs[i]!)];
            const p = solveUnique(sys.map((r) => r.a), sys.map((r) => r.b), n);
            if (p && satisfiesH(h, p)) found.push(p);
            return;
        }
        for (let i = start; i < ineqs.length; i++) choose(i + 1, [...picked, i]);
    };
    choose(0, []);
    return sortUniquePoints(found);
}

/** The unique solution of an (over-determined, consistent) system in n unknowns, or undefined. */
function solveUnique(A: Rational[][], b: Rational[], n: number): Point | undefined {
    const rows = A.map((r, i) => [...r, b[i]!]);
    let r = 0;
    const pivotCols: number[] = [];
    for (let col = 0; col < n && r < rows.length; col++) {
        const p = rows.findIndex((row, i) => i >= r && !row[col]!.isZero());
        if (p < 0) continue;
        [rows[r], rows[p]] = [rows[p]!, rows[r]!];
        const pr = rows[r]!;
        const inv = pr[col]!.inv();
        for (let j = 0; j <= n; j++) pr[j] = pr[j]!.mul(inv);
        for (let i = 0; i < rows.length; i++) {
            if (i === r || rows[i]![col]!.isZero()) continue;
            const f = rows[i]![col]!;
            for (let j = 0; j <= n; j++) rows[i]![j] = rows[i]![j]!.sub(f.mul(pr[j]!));
        }
        pivotCols.push(col);
        r++;
    }
    if (r < n) return undefined;
    for (let i = r; i < rows.length; i++) if (!rows[i]![n]!.isZero()) return undefined;
    return rows.slice(0, n).map((row) => row[n]!);
}

/** p is a distribution (p ≥ 0, Σp = 1) satisfying every constraint, exactly. */
export function satisfiesH(h: HRep, p: readonly Rational[]): boolean {
    if (p.length !== h.n || p.some((v) => v.sign() < 0) || !Rational.sum(p).eq(Rational.ONE)) return false;
    return h.constraints.every((c) => {
        const cmp = Rational.dot(c.coeffs, p).cmp(c.rhs);
        return c.rel === '=' ? cmp === 0 : c.rel === '>=' ? cmp >= 0 : cmp <= 0;
    });
}

/** Every point satisfies the H-representation (conv V ⊆ K since K is convex). */
export function vSubsetOfH(points: readonly Point[], h: HRep): boolean {
    return points.every((p) => satisfiesH(h, p));
}

/** Is `p` in conv(points)? One exact feasibility LP: λ ≥ 0, Σλ = 1, Σ λ_k v_k = p. */
export function inHull(points: readonly Point[], p: Point, options: LpOptions = {}): Outcome<boolean> {
    if (points.length === 0) return ok(false);
    if (points.some((v) => v.length !== p.length)) return fail(IssueCodes.Input, 'points of different dimensions');
    const constraints: LinearConstraint[] = [
        { coeffs: points.map(() => Rational.ONE), rel: '=', rhs: Rational.ONE },
        ...p.map((pj, j) => ({ coeffs: points.map((v) => v[j]!), rel: '=' as const, rhs: pj })),
    ];
    const r = solveLp({ sense: 'min', objective: points.map(() => Rational.ZERO), constraints }, options);
    return r.ok ? ok(r.value.status !== 'infeasible') : r;
}

/**
 * Indices of generators that are not extreme: points[i] ∈ conv(others). Of several equal points,
 * all but the first are redundant (the first is redundant only if it is not extreme anyway).
 */
export function redundantGenerators(points: readonly Point[], options: LpOptions = {}): Outcome<number[]> {
    return runOutcome(() => {
        const redundant: number[] = [];
        for (let i = 0; i < points.length; i++) {
            const duplicateOfEarlier = points.slice(0, i).some((q) => compareLex(q, points[i]!) === 0);
            if (duplicateOfEarlier) { redundant.push(i); continue; }
            const others = points.filter((q, k) => k !== i && compareLex(q, points[i]!) !== 0);
            const r = inHull(others, points[i]!, options);
            if (!r.ok) return r;
            if (r.value) redundant.push(i);
        }
        return ok(redundant);
    });
}

/** The extreme points of conv(points), sorted lexicographically. */
export function extremePoints(points: readonly Point[], options: LpOptions = {}): Outcome<Point[]> {
    const r = redundantGenerators(points, options);
    if (!r.ok) return r;
    const drop = new Set(r.value);
    return ok(sortUniquePoints(points.filter((_, i) => !drop.has(i))));
}

/** Affine dimension of conv(points): rank of the differences to the first point; −1 when empty. */
export function affineDimension(points: readonly Point[]): number {
    if (points.length === 0) return -1;
    const p0 = points[0]!;
    return rank(points.slice(1).map((p) => p.map((v, j) => v.sub(p0[j]!))));
}

/** Per constraint: the range of its linear form over K (min, max), via certified LPs. */
function formRange(a: Rational[], constraints: LinearConstraint[], options: LpOptions):
    Outcome<{ min: Rational; max: Rational } | 'empty'> {
    const lo = lowerExpectation(a, constraints, options);
    if (!lo.ok) return lo;
    if (lo.value.status === 'infeasible') return ok('empty');
    const hi = upperExpectation(a, constraints, options);
    if (!hi.ok) return hi;
    if (hi.value.status === 'infeasible') return ok('empty');
    return ok({ min: lo.value.value, max: hi.value.value });
}

/**
 * Indices i whose removal alone leaves K unchanged (so of two identical constraints both are listed).
 * E-EMPTY when K itself is empty.
 */
export function redundantConstraints(h: HRep, options: LpOptions = {}): Outcome<number[]> {
    const shapeError = checkHRep(h);
    if (shapeError) return fail(IssueCodes.Input, shapeError);
    return runOutcome(() => {
        const nonEmpty = lowerExpectation(h.constraints[0]?.coeffs ?? new Array(h.n).fill(Rational.ZERO), h.constraints, options);
        if (!nonEmpty.ok) return nonEmpty;
        if (nonEmpty.value.status === 'infeasible') return fail(IssueCodes.Empty, 'the polytope is empty');
        const redundant: number[] = [];
        for (let i = 0; i < h.constraints.length; i++) {
            const c = h.constraints[i]!;
            const others = h.constraints.filter((_, k) => k !== i);
            const range = formRange(c.coeffs, others, options);
            if (!range.ok) return range;
            if (range.value === 'empty') continue;
            const { min, max } = range.value;
            const isRedundant = c.rel === '>=' ? min.ge(c.rhs) : c.rel === '<=' ? max.le(c.rhs) : min.eq(c.rhs) && max.eq(c.rhs);
            if (isRedundant) redundant.push(i);
        }
        return ok(redundant);
    });
}

/**
 * Affine dimension of { p ∈ Δ : constraints } by LP (no enumeration): n − rank of the equalities,
 * Σp = 1, and the implicit equalities (inequalities, including p_j ≥ 0, tight on all of K). −1 if empty.
 */
export function hDimension(h: HRep, options: LpOptions = {}): Outcome<number> {
    const shapeError = checkHRep(h);
    if (shapeError) return fail(IssueCodes.Input, shapeError);
    return runOutcome(() => {
        const n = h.n;
        const eqRows: Rational[][] = [new Array(n).fill(Rational.ONE)];
        const forms: { a: Rational[]; rel: LinearConstraint['rel'] }[] = [
            ...h.constraints.map((c) => ({ a: c.coeffs, rel: c.rel })),
            ...Array.from({ length: n }, (_, j) => ({
                a: Array.from({ length: n }, (_, k) => (k === j ? Rational.ONE : Rational.ZERO)),
                rel: '>=' as const,
            })),
        ];
        for (const form of forms) {
            if (form.rel === '=') { eqRows.push(form.a); continue; }
            const range = formRange(form.a, h.constraints, options);
            if (!range.ok) return range;
            if (range.value === 'empty') return ok(-1);
            if (range.value.min.eq(range.value.max)) eqRows.push(form.a);
        }
        return ok(n - rank(eqRows));
    });
}
