/**
 * Minimal generators (SEMANTICS §A.8, "Minimal generators"). Generator i is redundant iff it lies in
 * the convex hull of the others plus the cone of sa-measures: some λ ∈ Δ(others) has
 *   b_i − Σ λ_j b_j + Σ_x min(0, m_i(x) − Σ λ_j m_j(x)) ≥ 0.
 * With s_x = max(0, Σ λ_j m_j(x) − m_i(x)) ≥ 0 this is one exact LP per generator:
 *   min Σ_j λ_j b_j + Σ_x s_x  s.t.  Σ_j λ_j m_j(x) − s_x ≤ m_i(x),  Σ λ = 1,  λ, s ≥ 0;
 * redundant iff the minimum is ≤ b_i. A cheap pointwise test (m_j ≤ m_i, b_j ≤ b_i) goes first.
 * Generators are tested one at a time against those still kept, so of two equal (or mutually
 * redundant) generators exactly one stays: dropping a redundant generator never changes E_H.
 */
import type { Budget } from '../budget.js';
import { unwrap } from '../credal-types.js';
import { solveLp, type LinearConstraint } from '../lp.js';
import { Rational } from '../rational.js';
import { uniqueSortedAMeasures, type AMeasure } from './ameasure.js';

function dominatedPointwise(a: AMeasure, by: AMeasure): boolean {
    return by.b.le(a.b) && by.m.every((x, i) => x.le(a.m[i]!));
}

/** Whether `a` lies in conv(others) + sa-measure cone. */
function isRedundant(a: AMeasure, others: readonly AMeasure[], budget: Budget): boolean {
    if (others.length === 0) return false;
    if (others.some((o) => dominatedPointwise(a, o))) return true;
    const k = others.length, n = a.m.length;
    const width = k + n;
    const constraints: LinearConstraint[] = [];
    for (let x = 0; x < n; x++) {
        const coeffs = Array.from({ length: width }, () => Rational.ZERO);
        others.forEach((o, j) => { coeffs[j] = o.m[x]!; });
        coeffs[k + x] = Rational.ONE.neg();
        constraints.push({ coeffs, rel: '<=', rhs: a.m[x]! });
    }
    constraints.push({ coeffs: Array.from({ length: width }, (_, j) => (j < k ? Rational.ONE : Rational.ZERO)), rel: '=', rhs: Rational.ONE });
    const objective = Array.from({ length: width }, (_, j) => (j < k ? others[j]!.b : Rational.ONE));
    budget.spend();
    const r = unwrap(solveLp({ sense: 'min', objective, constraints }, { budget }));
    if (r.status !== 'optimal') return false;
    return r.value.le(a.b);
}

/** The minimal generators, sorted (LANGUAGE §7.2 order). */
export function minimalGenerators(generators: readonly AMeasure[], budget: Budget): AMeasure[] {
    // Cheapest first: exact duplicates, then candidates with small m(Ω) + b are kept early.
    const kept = uniqueSortedAMeasures(generators);
    for (let i = kept.length - 1; i >= 0 && kept.length > 1; i--) {
        const others = kept.filter((_, j) => j !== i);
        if (isRedundant(kept[i]!, others, budget)) kept.splice(i, 1);
    }
    return kept;
}
