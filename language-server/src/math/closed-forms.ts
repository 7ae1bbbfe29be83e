/**
 * Closed forms that answer queries on structured credal sets without any LP (SEMANTICS §A.4.5–A.4.7):
 * probability intervals on singletons, ε-contamination and total-variation balls, plus the TV distance.
 *
 * The vertex enumerators use the greedy characterisation: every vertex of these sets is the greedy
 * optimiser for some strict ordering of the states, and the greedy result only depends on which states
 * were filled (or emptied) completely, so a depth-first search over those sets finds each vertex once.
 */
import type { Budget } from './budget.js';
import { Rational } from './rational.js';
import { argmins, dot, minOf, pointMass, total, uniqueSorted, type Vec } from './vectors.js';

// ---------------------------------------------------------------- probability intervals (§A.4.5)

/** 0 ≤ l ≤ u ≤ 1 pointwise and Σl ≤ 1 ≤ Σu. */
export function intervalsNonEmpty(lower: Vec, upper: Vec): boolean {
    const boundsOk = lower.every((l, i) => l.sign() >= 0 && l.le(upper[i]!) && upper[i]!.le(Rational.ONE));
    return boundsOk && total(lower).le(Rational.ONE) && total(upper).ge(Rational.ONE);
}

/** Tightened bounds l'_x = max(l_x, 1 − Σ_{y≠x} u_y), u'_x = min(u_x, 1 − Σ_{y≠x} l_y). */
export function tightenIntervals(lower: Vec, upper: Vec): { lower: Rational[]; upper: Rational[] } {
    const sumL = total(lower), sumU = total(upper);
    return {
        lower: lower.map((l, i) => Rational.max(l, Rational.ONE.sub(sumU.sub(upper[i]!)))),
        upper: upper.map((u, i) => Rational.min(u, Rational.ONE.sub(sumL.sub(lower[i]!)))),
    };
}

/** Greedy lower expectation (exact when the set is nonempty): pour 1 − Σl into the cheapest states. */
export function intervalsLowerE(lower: Vec, upper: Vec, f: Vec): Rational {
    const order = f.map((_, i) => i).sort((a, b) => f[a]!.cmp(f[b]!));
    let remaining = Rational.ONE.sub(total(lower));
    let value = dot(lower, f);
    for (const x of order) {
        if (remaining.isZero()) break;
        const add = Rational.min(upper[x]!.sub(lower[x]!), remaining);
        value = value.add(add.mul(f[x]!));
        remaining = remaining.sub(add);
    }
    return value;
}

/** Vertices of a nonempty interval set: p = l with some states filled to u and one state partly. */
export function intervalsVertices(lower: Vec, upper: Vec, budget: Budget): Rational[][] {
    const n = lower.length;
    const slack = upper.map((u, i) => u.sub(lower[i]!));
    const found: Rational[][] = [];
    const visited = new Set<string>();
    const explore = (filled: boolean[], remaining: Rational): void => {
        budget.spend();
        if (remaining.isZero()) { found.push(fillVector(lower, slack, filled)); return; }
        for (let x = 0; x < n; x++) {
            if (filled[x] || slack[x]!.isZero()) continue;
            if (slack[x]!.lt(remaining)) {
                const next = filled.slice();
                next[x] = true;
                const key = next.map((b) => (b ? '1' : '0')).join('');
                if (!visited.has(key)) { visited.add(key); explore(next, remaining.sub(slack[x]!)); }
            } else {
                const v = fillVector(lower, slack, filled);
                v[x] = v[x]!.add(remaining);
                found.push(v);
            }
        }
    };
    explore(new Array<boolean>(n).fill(false), Rational.ONE.sub(total(lower)));
    return uniqueSorted(found);
}

function fillVector(lower: Vec, slack: Vec, filled: readonly boolean[]): Rational[] {
    return lower.map((l, i) => (filled[i] ? l.add(slack[i]!) : l));
}

// ---------------------------------------------------------------- ε-contamination (§A.4.6)

export function contaminationLowerE(p0: Vec, eps: Rational, f: Vec): Rational {
    return Rational.ONE.sub(eps).mul(dot(p0, f)).add(eps.mul(minOf(f)));
}

/** ext K = {(1−ε)p0 + ε δ_x}, deduplicated and sorted. */
export function contaminationVertices(p0: Vec, eps: Rational): Rational[][] {
    const base = p0.map((p) => Rational.ONE.sub(eps).mul(p));
    return uniqueSorted(p0.map((_, x) => base.map((b, i) => (i === x ? b.add(eps) : b))));
}

/**
 * Generalized-Bayes lower conditional expectation (improb's LinVac.get_lower); the caller ensures the
 * denominator (1−ε) p0(B) + ε is positive, i.e. the upper probability of B is positive.
 */
export function contaminationConditionalLowerE(p0: Vec, eps: Rational, event: readonly boolean[], f: Vec): Rational {
    const keep = Rational.ONE.sub(eps);
    const inB = f.flatMap((_, i) => (event[i] ? [i] : []));
    const numerator = keep.mul(Rational.sum(inB.map((i) => p0[i]!.mul(f[i]!))))
        .add(eps.mul(Rational.min(...inB.map((i) => f[i]!))));
    const denominator = keep.mul(Rational.sum(inB.map((i) => p0[i]!))).add(eps);
    return numerator.div(denominator);
}

// ---------------------------------------------------------------- total variation (§A.2, §A.4.7)

/** TV(p, q) = ½ Σ |p − q| with the maximising event A* = {x : p(x) > q(x)}. */
export function tvDistance(p: Vec, q: Vec): { distance: Rational; event: boolean[] } {
    const distance = Rational.sum(p.map((x, i) => x.sub(q[i]!).abs())).div(Rational.of(2));
    return { distance, event: p.map((x, i) => x.gt(q[i]!)) };
}

/** Greedy transport: move up to δ mass from the highest payoffs to argmin f. */
export function tvBallLowerE(p0: Vec, delta: Rational, f: Vec): Rational {
    const target = argmins(f)[0]!;
    const order = f.map((_, i) => i).filter((i) => i !== target).sort((a, b) => f[b]!.cmp(f[a]!));
    let value = dot(p0, f);
    let remaining = delta;
    for (const x of order) {
        if (remaining.isZero()) break;
        const moved = Rational.min(p0[x]!, remaining);
        value = value.sub(moved.mul(f[x]!.sub(f[target]!)));
        remaining = remaining.sub(moved);
    }
    return value;
}

/** The ball is the whole simplex once δ ≥ 1 − min p0. */
export function tvBallIsVacuous(p0: Vec, delta: Rational): boolean {
    return delta.ge(Rational.ONE.sub(minOf(p0)));
}

/** Vertices: for each receiving state y, empty some sources completely and one partly into y. */
export function tvBallVertices(p0: Vec, delta: Rational, budget: Budget): Rational[][] {
    const n = p0.length;
    if (delta.isZero()) return [[...p0]];
    const found: Rational[][] = [];
    for (let y = 0; y < n; y++) {
        const visited = new Set<string>();
        const moveInto = (emptied: readonly boolean[], partial: number | undefined, partialAmount: Rational): Rational[] => {
            let moved = partialAmount;
            const v = p0.map((p, i) => {
                if (!emptied[i]) return p;
                moved = moved.add(p);
                return Rational.ZERO;
            });
            if (partial !== undefined) v[partial] = v[partial]!.sub(partialAmount);
            v[y] = v[y]!.add(moved);
            return v;
        };
        const explore = (emptied: boolean[], remaining: Rational): void => {
            budget.spend();
            let anySource = false;
            for (let x = 0; x < n; x++) {
                if (x === y || emptied[x] || p0[x]!.isZero()) continue;
                anySource = true;
                if (p0[x]!.lt(remaining)) {
                    const next = emptied.slice();
                    next[x] = true;
                    const key = next.map((b) => (b ? '1' : '0')).join('');
                    if (!visited.has(key)) { visited.add(key); explore(next, remaining.sub(p0[x]!)); }
                } else {
                    found.push(moveInto(emptied, x, remaining));
                }
            }
            if (!anySource) found.push(pointMass(n, y));
        };
        explore(new Array<boolean>(n).fill(false), delta);
    }
    return uniqueSorted(found);
}
