/**
 * Exact certification of a simplex basis (internal). Whatever produced the basis (a float guide or the
 * exact simplex), this module recomputes the primal point, the dual multipliers or the ray exactly with
 * fraction-free elimination on the k×k kernel (tight rows × basic structural columns; slack and
 * artificial columns are unit vectors and drop out) and then checks every optimality / Farkas / ray
 * condition in integer arithmetic. A claim that fails any check yields undefined, never a wrong answer.
 */
import type { Budget } from './budget.js';
import { bareissSolve } from './int-matrix.js';
import { factorModular, type ModularSystem, solveModular } from './int-modular.js';
import type { BasisClaim, Relation, StandardLp } from './lp-standard.js';

/** Exact results in standard-form terms: vectors as integer numerators over one positive denominator. */
export type Certified =
    | { kind: 'optimal'; x: bigint[]; xDen: bigint; y: bigint[]; yDen: bigint }
    | { kind: 'infeasible'; y: bigint[] }
    | { kind: 'unbounded'; x: bigint[]; xDen: bigint; ray: bigint[] };

interface Kernel {
    /** Rows not covered by a basic unit column (the tight rows of the kernel). */
    rows: number[];
    /** Basic structural columns. */
    cols: number[];
    /** For covered rows: the aux column index (into lp.aux) that is basic there; -1 otherwise. */
    coverAux: number[];
}

function kernelOf(lp: StandardLp, basis: readonly number[]): Kernel | undefined {
    const coverAux = new Array<number>(lp.m).fill(-1);
    const cols: number[] = [];
    for (const col of basis) {
        if (col < lp.n) { cols.push(col); continue; }
        const k = col - lp.n;
        const row = lp.aux[k]!.row;
        if (coverAux[row] !== -1) return undefined;
        coverAux[row] = k;
    }
    const rows: number[] = [];
    for (let i = 0; i < lp.m; i++) if (coverAux[i] === -1) rows.push(i);
    if (rows.length !== cols.length) return undefined;
    cols.sort((a, b) => a - b);
    return { rows, cols, coverAux };
}

/**
 * Solves kernel·z = rhs and kernelᵀ·y = rhs: one modular LU with p-adic lifting shared by both (fast
 * path, small entries), else fraction-free elimination. Numerators over one positive denominator.
 */
/** Below this kernel size two small BigInt eliminations are cheaper than lifting (measured). */
const MODULAR_MIN_K = 24;

class KernelSolver {
    private readonly matrix: bigint[][];
    private modular: ModularSystem | undefined | null = null;
    constructor(lp: StandardLp, ker: Kernel, private readonly budget: Budget) {
        this.matrix = ker.rows.map((i) => ker.cols.map((j) => lp.A[i]![j]!));
    }
    solve(rhs: bigint[], transpose: boolean): { x: bigint[]; den: bigint } | undefined {
        this.budget.spend();
        if (this.modular === null) this.modular = this.matrix.length >= MODULAR_MIN_K ? factorModular(this.matrix) : undefined;
        const fast = this.modular && solveModular(this.modular, rhs, transpose);
        if (fast) return fast;
        const M = transpose ? this.matrix[0]?.map((_, j) => this.matrix.map((row) => row[j]!)) ?? [] : this.matrix;
        const sol = bareissSolve(M, [rhs], this.budget);
        return sol && { x: sol.solutions[0]!, den: sol.det };
    }
}

/** Solve kernel · z = rhs (rhs indexed by kernel rows); returns structural numerators over den > 0. */
function solvePrimal(lp: StandardLp, ker: Kernel, solver: KernelSolver, rhs: bigint[]): { z: bigint[]; den: bigint } | undefined {
    const sol = solver.solve(rhs, false);
    if (!sol) return undefined;
    const z = new Array<bigint>(lp.n).fill(0n);
    ker.cols.forEach((j, t) => { z[j] = sol.x[t]!; });
    return { z, den: sol.den };
}

/** Duals y (per row) with y_i = cost_i·sign_i on covered rows and kernelᵀ·y_T = c_S − covered part. */
function solveDual(lp: StandardLp, ker: Kernel, solver: KernelSolver, auxCost: (k: number) => bigint,
    structCost: (j: number) => bigint): { y: bigint[]; den: bigint } | undefined {
    const covered: { row: number; value: bigint }[] = [];
    ker.coverAux.forEach((k, row) => {
        if (k >= 0) {
            const v = auxCost(k) * BigInt(lp.aux[k]!.sign);
            if (v !== 0n) covered.push({ row, value: v });
        }
    });
    const rhs = ker.cols.map((j) => {
        let v = structCost(j);
        for (const cv of covered) v -= cv.value * lp.A[cv.row]![j]!;
        return v;
    });
    const sol = solver.solve(rhs, true);
    if (!sol) return undefined;
    const y = new Array<bigint>(lp.m).fill(0n);
    ker.rows.forEach((i, t) => { y[i] = sol.x[t]!; });
    for (const cv of covered) y[cv.row] = cv.value * sol.den;
    return { y, den: sol.den };
}

function rowHolds(rel: Relation, lhs: bigint, rhs: bigint): boolean {
    return rel === '=' ? lhs === rhs : rel === '>=' ? lhs >= rhs : lhs <= rhs;
}

function dotRow(row: readonly bigint[], x: readonly bigint[], support: readonly number[]): bigint {
    let s = 0n;
    for (const j of support) { const a = row[j]!; if (a !== 0n) s += a * x[j]!; }
    return s;
}

/** x ≥ 0 and every row satisfied by x = X / den (den > 0). */
function primalFeasible(lp: StandardLp, X: readonly bigint[], den: bigint, budget: Budget): boolean {
    const support: number[] = [];
    for (let j = 0; j < lp.n; j++) {
        if (X[j]! < 0n) return false;
        if (X[j] !== 0n) support.push(j);
    }
    for (let i = 0; i < lp.m; i++) {
        if (i % 64 === 0) budget.spend(0);
        if (!rowHolds(lp.rel[i]!, dotRow(lp.A[i]!, X, support), lp.b[i]! * den)) return false;
    }
    return true;
}

/** Sign conditions of a min-problem dual: y ≥ 0 on >= rows, y ≤ 0 on <= rows. */
function dualSignsOk(lp: StandardLp, y: readonly bigint[]): boolean {
    for (let i = 0; i < lp.m; i++) {
        if (lp.rel[i] === '>=' && y[i]! < 0n) return false;
        if (lp.rel[i] === '<=' && y[i]! > 0n) return false;
    }
    return true;
}

/** Σ_i y_i A_ij ≤ bound_j for every structural j (bound = c·den for optimality, 0 for Farkas). */
function reducedCostsOk(lp: StandardLp, y: readonly bigint[], bound: (j: number) => bigint, budget: Budget): boolean {
    const rows: number[] = [];
    for (let i = 0; i < lp.m; i++) if (y[i] !== 0n) rows.push(i);
    const acc = new Array<bigint>(lp.n).fill(0n);
    for (const i of rows) {
        budget.spend(0);
        const yi = y[i]!, Ai = lp.A[i]!;
        for (let j = 0; j < lp.n; j++) { const a = Ai[j]!; if (a !== 0n) acc[j] = acc[j]! + yi * a; }
    }
    for (let j = 0; j < lp.n; j++) if (acc[j]! > bound(j)) return false;
    return true;
}

function normaliseSign(v: bigint[], den: bigint): { v: bigint[]; den: bigint } {
    return den < 0n ? { v: v.map((x) => -x), den: -den } : { v, den };
}

export function certify(lp: StandardLp, claim: BasisClaim, budget: Budget): Certified | undefined {
    const ker = kernelOf(lp, claim.basis);
    if (!ker) return undefined;
    const solver = new KernelSolver(lp, ker, budget);
    if (claim.kind === 'infeasible') {
        const d = solveDual(lp, ker, solver, (k) => (lp.aux[k]!.artificial ? 1n : 0n), () => 0n);
        if (!d) return undefined;
        const { v: y } = normaliseSign(d.y, d.den);
        if (!dualSignsOk(lp, y) || !reducedCostsOk(lp, y, () => 0n, budget)) return undefined;
        let yb = 0n;
        for (let i = 0; i < lp.m; i++) yb += y[i]! * lp.b[i]!;
        return yb > 0n ? { kind: 'infeasible', y } : undefined;
    }
    const p = solvePrimal(lp, ker, solver, ker.rows.map((i) => lp.b[i]!));
    if (!p) return undefined;
    const { v: x, den: xDen } = normaliseSign(p.z, p.den);
    if (!primalFeasible(lp, x, xDen, budget)) return undefined;
    if (claim.kind === 'optimal') {
        const d = solveDual(lp, ker, solver, () => 0n, (j) => lp.c[j]!);
        if (!d) return undefined;
        const { v: y, den: yDen } = normaliseSign(d.y, d.den);
        if (!dualSignsOk(lp, y) || !reducedCostsOk(lp, y, (j) => lp.c[j]! * yDen, budget)) return undefined;
        let cx = 0n, yb = 0n;
        for (let j = 0; j < lp.n; j++) cx += lp.c[j]! * x[j]!;
        for (let i = 0; i < lp.m; i++) yb += y[i]! * lp.b[i]!;
        if (cx * yDen !== yb * xDen) return undefined;
        return { kind: 'optimal', x, xDen, y, yDen };
    }
    // Unbounded: direction of the entering column, ray = (d_S, d_q) in structural space.
    const q = claim.entering;
    const column = (i: number): bigint => {
        if (q < lp.n) return lp.A[i]![q]!;
        const a = lp.aux[q - lp.n]!;
        return a.row === i ? BigInt(a.sign) : 0n;
    };
    const dir = solvePrimal(lp, ker, solver, ker.rows.map((i) => -column(i)));
    if (!dir) return undefined;
    const ray = dir.z.map((v) => (dir.den < 0n ? -v : v));
    if (q < lp.n) ray[q] = dir.den < 0n ? -dir.den : dir.den;
    return rayOk(lp, ray) ? { kind: 'unbounded', x, xDen, ray } : undefined;
}

/** ray ≥ 0, ray ≠ 0, A_i·ray rel_i 0 for every row, c·ray < 0. */
function rayOk(lp: StandardLp, ray: readonly bigint[]): boolean {
    const support: number[] = [];
    for (let j = 0; j < lp.n; j++) {
        if (ray[j]! < 0n) return false;
        if (ray[j] !== 0n) support.push(j);
    }
    if (support.length === 0) return false;
    for (let i = 0; i < lp.m; i++) if (!rowHolds(lp.rel[i]!, dotRow(lp.A[i]!, ray, support), 0n)) return false;
    return dotRow(lp.c, ray, support) < 0n;
}
