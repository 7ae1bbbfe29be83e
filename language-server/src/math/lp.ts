/**
 * Exact linear programming with certificates (SEMANTICS §A.4.4, §A.6; numerics README §6).
 *
 * General LP: minimise or maximise c·x over { x ≥ 0 : a_i·x rel_i b_i }. Every answer is exact and
 * certified: a float simplex proposes a basis (the kernel revised simplex of lp-revised.ts when the slack
 * basis is feasible and the LP has REVISED_GUIDE_MIN_ROWS rows or more, else the dense tableau of
 * lp-float.ts), which lp-certify.ts proves exactly in integer arithmetic; if that fails, the other guide
 * and then an exact fraction-free simplex (no cycling) run under the budget.
 *
 * Certificates (all verifiable with `verifyLpResult`):
 * - optimal: `point` x and `duals` y with value = c·x = y·b. For min: y_i ≥ 0 on `>=` rows, ≤ 0 on `<=`
 *   rows, free on `=` rows, and Σ y_i a_i ≤ c. For max all of these flip: y_i ≤ 0 on `>=`, ≥ 0 on
 *   `<=`, Σ y_i a_i ≥ c.
 * - infeasible: Farkas multipliers y (y_i ≥ 0 on `>=`, ≤ 0 on `<=`, free on `=`) with Σ y_i a_i ≤ 0
 *   componentwise and y·b > 0, scaled to coprime integers.
 * - unbounded: a feasible `point` and a `ray` r ≥ 0 with a_i·r rel_i 0 and c·r < 0 (min) / > 0 (max).
 *
 * Lower expectation (natural extension) over { p ≥ 0, Σp = 1, constraints }: solved in the dual
 * ("natural extension") formulation, equivalent to  max μ s.t. μ + Σ_i λ_i ĝ_i ≤ f, λ_i ≥ 0 (free on
 * `=` rows), where ĝ_i is constraint i as a gamble that p must give nonnegative expectation:
 * ĝ_i = a_i − b_i for `>=` and `=`, b_i − a_i for `<=` (see `constraintGamble`). Its slack basis is
 * feasible, so there is no phase 1, and an empty credal set shows up as a sure-loss certificate:
 * multipliers λ (≥ 0, free on `=` rows) with h = Σ λ_i ĝ_i < 0 everywhere (SEMANTICS C-9).
 * Public functions never throw: errors are `Outcome`s (E-BUDGET, E-INPUT, E-INTERNAL).
 */
import { Budget, fail, ok, runOutcome, type Outcome } from './budget.js';
import { type Certified, certify } from './lp-certify.js';
import { exactSimplex } from './lp-exact.js';
import { floatSimplex } from './lp-float.js';
import { revisedSimplex, slackBasisFeasible } from './lp-revised.js';
import { naturalExtensionLp } from './lp-natural.js';
import { type LinearConstraint, type StandardLp, toStandard } from './lp-standard.js';
import { primitive, primitiveRationals } from './int-matrix.js';
import { Rational } from './rational.js';
import { IssueCodes } from '../diagnostics/codes.js';

export type { LinearConstraint, Relation } from './lp-standard.js';

type LpSense = 'min' | 'max';

export interface LpProblem {
    sense: LpSense;
    objective: Rational[];
    constraints: LinearConstraint[];
}

interface LpOptimal { status: 'optimal'; value: Rational; point: Rational[]; duals: Rational[] }
interface LpInfeasible { status: 'infeasible'; farkas: Rational[] }
interface LpUnbounded { status: 'unbounded'; point: Rational[]; ray: Rational[] }
type LpResult = LpOptimal | LpInfeasible | LpUnbounded;

export interface LpOptions {
    budget?: Budget;
    /** Skip the float guide (tests of the exact path). */
    exactOnly?: boolean;
}

/** How answers were obtained since start-up (for benchmarks and diagnostics). */
export const lpStatistics = { guideCertified: 0, exactFallback: 0, revisedRejected: 0 };

/** Rows from which the kernel revised simplex beats the dense tableau (measured; see docs/performance.md). */
export const REVISED_GUIDE_MIN_ROWS = 24;

function useRevisedGuide(lp: StandardLp): boolean {
    return lp.m >= REVISED_GUIDE_MIN_ROWS && slackBasisFeasible(lp);
}

/** Solve a standard-form LP: certified guide first, exact simplex as the fallback. */
function solveCertified(lp: StandardLp, options: LpOptions): Certified {
    const budget = options.budget ?? Budget.unlimited();
    if (!options.exactOnly) {
        if (useRevisedGuide(lp)) {
            const claim = revisedSimplex(lp, budget);
            const cert = claim && certify(lp, claim, budget);
            if (cert) { lpStatistics.guideCertified++; return cert; }
            lpStatistics.revisedRejected++;
        }
        const claim = floatSimplex(lp, budget);
        const cert = claim && certify(lp, claim, budget);
        if (cert) { lpStatistics.guideCertified++; return cert; }
    }
    lpStatistics.exactFallback++;
    const cert = certify(lp, exactSimplex(lp, budget), budget);
    if (!cert) throw new Error('exact simplex produced a basis that does not certify');
    return cert;
}

function checkShape(objective: readonly Rational[], constraints: readonly LinearConstraint[]): string | undefined {
    for (const [i, c] of constraints.entries()) {
        if (c.coeffs.length !== objective.length) {
            return `constraint ${i} has ${c.coeffs.length} coefficients, the objective has ${objective.length}`;
        }
    }
    return undefined;
}

const over = (v: readonly bigint[], den: bigint): Rational[] => v.map((x) => Rational.fromBigInts(x, den));

export function solveLp(problem: LpProblem, options: LpOptions = {}): Outcome<LpResult> {
    return runOutcome(() => {
        const shapeError = checkShape(problem.objective, problem.constraints);
        if (shapeError) return fail(IssueCodes.Input, shapeError);
        const maximise = problem.sense === 'max';
        const lp = toStandard(problem.objective, problem.constraints, maximise);
        const cert = solveCertified(lp, options);
        if (cert.kind === 'infeasible') {
            const y = primitive(cert.y.map((v, i) => v * lp.rowScale[i]!)).map((v) => Rational.of(v));
            return ok({ status: 'infeasible', farkas: y });
        }
        const point = over(cert.x, cert.xDen);
        if (cert.kind === 'unbounded') {
            return ok({ status: 'unbounded', point, ray: primitive(cert.ray).map((v) => Rational.of(v)) });
        }
        const value = Rational.dot(problem.objective, point);
        // Standard-form duals belong to the scaled rows and the scaled (possibly negated) objective.
        const dualDen = cert.yDen * lp.costScale * (maximise ? -1n : 1n);
        const duals = cert.y.map((v, i) => Rational.fromBigInts(v * lp.rowScale[i]!, dualDen));
        return ok({ status: 'optimal', value, point, duals });
    });
}

export function minimize(objective: Rational[], constraints: LinearConstraint[], options?: LpOptions): Outcome<LpResult> {
    return solveLp({ sense: 'min', objective, constraints }, options);
}

export function maximize(objective: Rational[], constraints: LinearConstraint[], options?: LpOptions): Outcome<LpResult> {
    return solveLp({ sense: 'max', objective, constraints }, options);
}

// ---------------------------------------------------------------------------------------------------
// Independent exact verification (rational arithmetic on the user's own data).

function holds(rel: LinearConstraint['rel'], lhs: Rational, rhs: Rational): boolean {
    const c = lhs.cmp(rhs);
    return rel === '=' ? c === 0 : rel === '>=' ? c >= 0 : c <= 0;
}

function feasible(constraints: readonly LinearConstraint[], x: readonly Rational[]): boolean {
    return x.every((v) => v.sign() >= 0) && constraints.every((c) => holds(c.rel, Rational.dot(c.coeffs, x), c.rhs));
}

/** Σ y_i a_i. */
function combine(constraints: readonly LinearConstraint[], y: readonly Rational[], width: number): Rational[] {
    return Array.from({ length: width }, (_, j) => Rational.sum(constraints.map((c, i) => y[i]!.mul(c.coeffs[j]!))));
}

/** y is a Farkas certificate: signs per relation, Σ y_i a_i ≤ 0 componentwise, y·b > 0. */
export function verifyFarkas(constraints: readonly LinearConstraint[], y: readonly Rational[]): boolean {
    if (y.length !== constraints.length || constraints.length === 0) return false;
    const width = constraints[0]!.coeffs.length;
    const signsOk = constraints.every((c, i) =>
        c.rel === '=' || (c.rel === '>=' ? y[i]!.sign() >= 0 : y[i]!.sign() <= 0));
    return signsOk
        && combine(constraints, y, width).every((v) => v.sign() <= 0)
        && Rational.sum(constraints.map((c, i) => y[i]!.mul(c.rhs))).sign() > 0;
}

/** Check a result's certificate exactly against the problem (true iff it proves the claimed status). */
export function verifyLpResult(problem: LpProblem, result: LpResult): boolean {
    const { constraints, objective } = problem;
    const s = problem.sense === 'min' ? 1 : -1;
    if (result.status === 'infeasible') return verifyFarkas(constraints, result.farkas);
    if (!feasible(constraints, result.point)) return false;
    if (result.status === 'unbounded') {
        const r = result.ray;
        return r.every((v) => v.sign() >= 0) && r.some((v) => !v.isZero())
            && constraints.every((c) => holds(c.rel, Rational.dot(c.coeffs, r), Rational.ZERO))
            && Rational.dot(objective, r).sign() * s < 0;
    }
    const y = result.duals;
    if (y.length !== constraints.length) return false;
    const signsOk = constraints.every((c, i) =>
        c.rel === '=' || (c.rel === '>=' ? y[i]!.sign() * s >= 0 : y[i]!.sign() * s <= 0));
    const yA = combine(constraints, y, objective.length);
    return signsOk
        && yA.every((v, j) => v.cmp(objective[j]!) * s <= 0)
        && Rational.dot(objective, result.point).eq(result.value)
        && Rational.sum(constraints.map((c, i) => y[i]!.mul(c.rhs))).eq(result.value);
}

// ---------------------------------------------------------------------------------------------------
// Expectations over the probability simplex.

/** Multipliers λ (≥ 0, free on `=` rows) whose combination h = Σ λ_i ĝ_i is < 0 everywhere. */
export interface SureLoss {
    multipliers: Rational[];
    gamble: Rational[];
}

type ExpectationResult =
    | { status: 'optimal'; value: Rational; point: Rational[]; multipliers: Rational[] }
    | { status: 'infeasible'; sureLoss: SureLoss };

/** Constraint i as the gamble ĝ_i whose expectation the constraint requires to be ≥ 0 (= 0 for `=`). */
export function constraintGamble(c: LinearConstraint): Rational[] {
    return c.rel === '<=' ? c.coeffs.map((a) => c.rhs.sub(a)) : c.coeffs.map((a) => a.sub(c.rhs));
}

/**
 * min { f·p : p ≥ 0, Σp = 1, constraints } — the lower expectation / natural extension.
 * Optimal: `point` p attains `value`, and the multipliers λ prove it: f − value ≥ Σ λ_i ĝ_i pointwise.
 */
export function lowerExpectation(f: Rational[], constraints: LinearConstraint[], options: LpOptions = {}): Outcome<ExpectationResult> {
    return runOutcome(() => {
        const n = f.length;
        if (n === 0) return fail(IssueCodes.Input, 'lower expectation over an empty set of outcomes');
        const shapeError = checkShape(f, constraints);
        if (shapeError) return fail(IssueCodes.Input, shapeError);
        const { lp, columns } = naturalExtensionLp(f, constraints);
        const cert = solveCertified(lp, options);
        const lambdaOf = (values: readonly Rational[]): Rational[] => {
            const lambda = constraints.map(() => Rational.ZERO);
            columns.forEach((col, k) => {
                const v = values[2 + k]!;
                lambda[col.constraint] = col.sign === 1 ? lambda[col.constraint]!.add(v) : lambda[col.constraint]!.sub(v);
            });
            return lambda;
        };
        if (cert.kind === 'unbounded') {
            const multipliers = primitiveRationals(lambdaOf(cert.ray.map((v) => Rational.of(v))));
            const gambles = constraints.map(constraintGamble); // only a sure loss needs them: keep the hot path lean
            const gamble = Array.from({ length: n }, (_, w) =>
                Rational.sum(multipliers.map((l, i) => l.mul(gambles[i]![w]!))));
            return ok({ status: 'infeasible', sureLoss: { multipliers, gamble } });
        }
        if (cert.kind !== 'optimal') throw new Error('natural-extension LP reported infeasible dual');
        // The LP's duals in max convention (minus the standard-form min duals) are the distribution p.
        const pDen = cert.yDen * lp.costScale;
        const point = cert.y.map((v, w) => (v === 0n ? Rational.ZERO : Rational.fromBigInts(-v * lp.rowScale[w]!, pDen)));
        const lambda = lambdaOf(over(cert.x, cert.xDen));
        // value = min f + the LP optimum (max μ + Σ λ_i b̂_i = −c·x / costScale over the shifted rows).
        let cx = 0n;
        for (let j = 0; j < lp.n; j++) if (cert.x[j] !== 0n) cx += lp.c[j]! * cert.x[j]!;
        const value = Rational.min(...f).add(Rational.fromBigInts(-cx, cert.xDen * lp.costScale));
        return ok({ status: 'optimal', value, point, multipliers: lambda });
    });
}

/**
 * max { f·p : p ∈ K } = −lower(−f). Optimal multipliers λ prove it: value − f ≥ Σ λ_i ĝ_i pointwise.
 */
export function upperExpectation(f: Rational[], constraints: LinearConstraint[], options: LpOptions = {}): Outcome<ExpectationResult> {
    const r = lowerExpectation(f.map((v) => v.neg()), constraints, options);
    if (!r.ok || r.value.status === 'infeasible') return r;
    return ok({ ...r.value, value: r.value.value.neg() });
}

/** Is { p ≥ 0, Σp = 1, constraints } nonempty? A point if so, a sure-loss certificate if not. */
export function simplexFeasibility(n: number, constraints: LinearConstraint[], options: LpOptions = {}):
    Outcome<{ feasible: true; point: Rational[] } | { feasible: false; sureLoss: SureLoss }> {
    const r = lowerExpectation(Array.from({ length: n }, () => Rational.ZERO), constraints, options);
    if (!r.ok) return r;
    return ok(r.value.status === 'optimal'
        ? { feasible: true, point: r.value.point }
        : { feasible: false, sureLoss: r.value.sureLoss });
}

/** The sure-loss certificate really certifies emptiness: signs, h = Σ λ_i ĝ_i, and h < 0 everywhere. */
export function verifySureLoss(constraints: readonly LinearConstraint[], cert: SureLoss): boolean {
    if (cert.multipliers.length !== constraints.length || constraints.length === 0) return false;
    if (!constraints.every((c, i) => c.rel === '=' || cert.multipliers[i]!.sign() >= 0)) return false;
    const gambles = constraints.map(constraintGamble);
    const n = gambles[0]!.length;
    for (let w = 0; w < n; w++) {
        const h = Rational.sum(cert.multipliers.map((l, i) => l.mul(gambles[i]![w]!)));
        if (!h.eq(cert.gamble[w]!) || h.sign() >= 0) return false;
    }
    return cert.gamble.length === n;
}

/** Check a lower-expectation answer exactly (p ∈ K attains the value; λ proves no p ∈ K does better). */
export function verifyLowerExpectation(f: readonly Rational[], constraints: readonly LinearConstraint[],
    result: ExpectationResult): boolean {
    if (result.status === 'infeasible') return verifySureLoss(constraints, result.sureLoss);
    const { point, value, multipliers } = result;
    if (point.length !== f.length || point.some((v) => v.sign() < 0) || !Rational.sum(point).eq(Rational.ONE)) return false;
    if (!constraints.every((c) => holds(c.rel, Rational.dot(c.coeffs, point), c.rhs))) return false;
    if (!Rational.dot(f, point).eq(value)) return false;
    if (!constraints.every((c, i) => c.rel === '=' || multipliers[i]!.sign() >= 0)) return false;
    const gambles = constraints.map(constraintGamble);
    return f.every((fw, w) => fw.sub(value).ge(Rational.sum(multipliers.map((l, i) => l.mul(gambles[i]![w]!)))));
}
