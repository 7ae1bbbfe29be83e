/**
 * The integer standard form shared by the float guide, the exact simplex and the certifier (internal).
 *
 * minimise c·x subject to A_i·x rel_i b_i, x ≥ 0, with A, b, c integer and b ≥ 0. Each row is the
 * user's row times `rowScale[i]` (a nonzero rational, negative when the row was flipped to make b ≥ 0);
 * c is the user's objective (negated for max) times `costScale` > 0.
 *
 * Columns: the n structural variables, then auxiliary unit columns: a slack (+1) for each `<=` row,
 * a surplus (−1) for each `>=` row, and an artificial (+1, phase-1 cost 1) for each `>=` and `=` row.
 * The initial basis is the slack of each `<=` row and the artificial of every other row.
 */
import { integerRow } from './int-matrix.js';
import type { Rational } from './rational.js';

export type Relation = '>=' | '<=' | '=';

export interface LinearConstraint {
    coeffs: Rational[];
    rel: Relation;
    rhs: Rational;
}

interface AuxColumn {
    row: number;
    sign: 1 | -1;
    artificial: boolean;
}

export interface StandardLp {
    m: number;
    n: number;
    A: bigint[][];
    b: bigint[];
    rel: Relation[];
    c: bigint[];
    /** Row i is the user's row times rowScale[i] (an integer, negative when the row was flipped). */
    rowScale: bigint[];
    /** c is the user's objective (negated for max) times costScale > 0. */
    costScale: bigint;
    /** A as row-major doubles when every entry is a safe integer (built by whoever has it cheaply). */
    Af?: Float64Array;
    /**
     * Known opposite structural columns (partner[j] = j' with column j' = −column j, else −1; length
     * n + aux.length), from a builder that knows its structure; otherwise the guides detect them.
     */
    partner?: Int32Array;
    /** Column n + k is aux[k]. */
    aux: AuxColumn[];
    /** The initially basic column of each row. */
    initialBasis: number[];
}

const FLIP: Record<Relation, Relation> = { '>=': '<=', '<=': '>=', '=': '=' };

export function toStandard(objective: readonly Rational[], constraints: readonly LinearConstraint[], maximise: boolean): StandardLp {
    const n = objective.length;
    const m = constraints.length;
    const A: bigint[][] = [], b: bigint[] = [], rel: Relation[] = [], rowScale: bigint[] = [];
    for (const con of constraints) {
        if (con.coeffs.length !== n) throw new RangeError(`constraint has ${con.coeffs.length} coefficients, expected ${n}`);
        const { ints, scale } = integerRow([...con.coeffs, con.rhs]);
        const flip = ints[n]! < 0n;
        const row = flip ? ints.map((v) => -v) : ints;
        b.push(row.pop()!);
        A.push(row);
        rel.push(flip ? FLIP[con.rel] : con.rel);
        rowScale.push(flip ? -scale : scale);
    }
    const { ints: cInts, scale: cScale } = integerRow(objective);
    const c = maximise ? cInts.map((v) => -v) : cInts;
    const aux: AuxColumn[] = [];
    const initialBasis: number[] = [];
    for (let i = 0; i < m; i++) {
        if (rel[i] === '<=') {
            initialBasis.push(n + aux.length);
            aux.push({ row: i, sign: 1, artificial: false });
        } else {
            if (rel[i] === '>=') aux.push({ row: i, sign: -1, artificial: false });
            initialBasis.push(n + aux.length);
            aux.push({ row: i, sign: 1, artificial: true });
        }
    }
    return { m, n, A, b, rel, c, rowScale, costScale: cScale, aux, initialBasis };
}

/** What a simplex run (float guide or exact) hands to the certifier. */
export type BasisClaim =
    | { kind: 'optimal'; basis: number[] }
    | { kind: 'infeasible'; basis: number[] }
    | { kind: 'unbounded'; basis: number[]; entering: number };
