/**
 * Property tests of SEMANTICS §A.8 on random small infradistributions: pruning never changes E_H; the
 * generator update equals the renormalised formula on random f ∈ [0,1]^X; a singleton credal set
 * updates like Bayes; crisp H agrees with the credal-set queries; backward induction equals brute force
 * over vertex combinations; marginal(K ⋉ κ, X) == K.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/math/budget.js';
import { lowerE as credalLowerE, marginal, precise, semidirect as credalSemidirect, vertices,
    type CredalSet } from '../../src/math/credal.js';
import { view } from '../../src/math/credal-compute.js';
import { viewMinimize } from '../../src/math/credal-lp.js';
import {
    credalOf, crisp, fromAMeasures, glue, ibProbability, isCrisp, lowerE, mixture, normalize, pushForward, semidirect, update,
    type AMeasure,
        type InfraSet,
} from '../../src/math/infra/infra.js';
import { expectation } from '../../src/math/infra/ameasure.js';
import { Rational } from '../../src/math/rational.js';
import { credalArb, distArb, eventArb, gambleArb, get } from './credal-arbitraries.js';

const RUNS = { numRuns: 50 };
const budget = (): Budget => Budget.unlimited();
const small = fc.integer({ min: 0, max: 4 }).chain((a) => fc.constantFrom(1, 2, 3, 4).map((d) => Rational.of(a, d)));
const unitValue = fc.integer({ min: 0, max: 6 }).map((a) => Rational.of(a, 6));
const unitGamble = (n: number): fc.Arbitrary<Rational[]> => fc.array(unitValue, { minLength: n, maxLength: n });
const sizeArb = fc.integer({ min: 2, max: 4 });

function aMeasureArb(n: number): fc.Arbitrary<AMeasure> {
    return fc.record({ m: fc.array(small, { minLength: n, maxLength: n }), b: small });
}

/** Raw generators (not pruned) with a random set of a-measures on n elements. */
function rawArb(n: number): fc.Arbitrary<AMeasure[]> {
    return fc.array(aMeasureArb(n), { minLength: 1, maxLength: 7 });
}

/** E over an explicit list: the definition, independent of the pruned representation. */
const minOver = (gens: readonly AMeasure[], f: Rational[]): Rational =>
    Rational.min(...gens.map((a) => Rational.dot(a.m, f).add(a.b)));

describe('minimal generators', () => {
    it('pruning never changes E_H on [0,1]^X, and keeps a subset of the input', () => {
        fc.assert(fc.property(sizeArb.chain((n) => fc.record({ raw: rawArb(n), fs: fc.array(unitGamble(n), { minLength: 1,
            maxLength: 6 }) })),
            ({ raw, fs }) => {
                const H = get(fromAMeasures(raw[0]!.m.length, raw));
                for (const f of fs) expect(expectation(H, f).eq(minOver(raw, f))).toBe(true);
                for (const g of H.generators) expect(raw.some((a) => a.b.eq(g.b) && a.m.every((x, i) => x.eq(g.m[i]!)))).toBe(true);
            }), RUNS);
    });

    it('drops a generator that is another plus an sa-measure, keeps one of two equal ones', () => {
        const q = (a: number, b = 1): Rational => Rational.of(a, b);
        // (1/2, 1/2 | 1/2) = (1/2, 0 | 1/2) + (0, 1/2 | 0): dominated; (0, 1 | 0) is kept; the copy goes.
        const H = get(fromAMeasures(2, [
            { m: [q(1, 2), q(0)], b: q(1, 2) }, { m: [q(1, 2), q(1, 2)], b: q(1, 2) },
            { m: [q(0), q(1)], b: q(0) }, { m: [q(0), q(1)], b: q(0) },
        ]));
        expect(H.generators.map((a) => `${a.m.join(',')};${a.b}`)).toEqual(['0,1;0', '1/2,0;1/2']);
        // (1, 0 | 0) is redundant against (0, 0 | 1)? m(f) ≥ 1·f(x1) vs 1: no. Against (1/2, 0 | 1/4)?
        // (1, 0 | 0) − (1/2, 0 | 1/4) = (1/2, 0 | −1/4): not an sa-measure. Kept.
        const K = get(fromAMeasures(2, [{ m: [q(1), q(0)], b: q(0) }, { m: [q(1, 2), q(0)], b: q(1, 4) }]));
        expect(K.generators.length).toBe(2);
        // Converting mass into b: (1, 0 | 0) + (−1, 0 | 1) = (0, 0 | 1), so (0, 0 | 1) is redundant.
        const C = get(fromAMeasures(2, [{ m: [q(1), q(0)], b: q(0) }, { m: [q(0), q(0)], b: q(1) }]));
        expect(C.generators.map((a) => `${a.m.join(',')};${a.b}`)).toEqual(['1,0;0']);
    });
});

describe('the infra-Bayesian update', () => {
    const updateCase = sizeArb.chain((n) => fc.record({
        raw: rawArb(n), L: eventArb(n), g: unitGamble(n), fs: fc.array(unitGamble(n), { minLength: 1, maxLength: 5 }),
    }));

    it('the generator update equals the renormalised formula on random f ∈ [0,1]^X', () => {
        fc.assert(fc.property(updateCase, ({ raw, L, g, fs }) => {
            const n = L.length;
            const H = get(fromAMeasures(n, raw));
            const zeros = L.map(() => Rational.ZERO), ones = L.map(() => Rational.ONE);
            const c = minOver(raw, glue(zeros, L, g));
            const P = minOver(raw, glue(ones, L, g)).sub(c);
            const r = update(H, L, g);
            if (P.isZero()) { expect(!r.ok && r.error.code).toBe('E-IB-NULL'); return; }
            const U = get(r);
            expect(get(ibProbability(H, L, g)).eq(P)).toBe(true);
            for (const f of fs) {
                const formula = minOver(raw, glue(f, L, g)).sub(c).div(P);
                expect(expectation(U, f).eq(formula)).toBe(true);
            }
        }), RUNS);
    });

    it('a singleton credal set updates like Bayes: P^g(L) = p(L), E(f) = p(f | L)', () => {
        fc.assert(fc.property(sizeArb.chain((n) => fc.record({ p: distArb(n), L: eventArb(n), g: unitGamble(n), f: unitGamble(n) })),
            ({ p, L, g, f }) => {
                const pL = Rational.sum(p.filter((_, i) => L[i]));
                fc.pre(pL.sign() > 0);
                const H = get(crisp(get(precise(p))));
                expect(get(ibProbability(H, L, g)).eq(pL)).toBe(true);
                const U = get(update(H, L, g));
                const bayes = Rational.sum(p.map((x, i) => (L[i] ? x.mul(f[i]!) : Rational.ZERO))).div(pL);
                expect(get(lowerE(U, f)).eq(bayes)).toBe(true);
                expect(isCrisp(U)).toBe(true);
            }), RUNS);
    });

    it('a crisp H updates by the crisp finite formula of §A.8 (three minima over ext K)', () => {
        fc.assert(fc.property(sizeArb.chain((n) => fc.record({ built: credalArb(n), L: eventArb(n), g: unitGamble(n), f: unitGamble(n) })),
            ({ built, L, g, f }) => {
                const ext = get(vertices(built.K));
                const H = get(crisp(built.K));
                const offL = glue(L.map(() => Rational.ZERO), L, g);
                const den = Rational.min(...ext.map((p) => Rational.dot(p, glue(L.map(() => Rational.ONE), L,
                    g)))).sub(Rational.min(...ext.map((p) => Rational.dot(p, offL))));
                fc.pre(den.sign() > 0);
                const num = Rational.min(...ext.map((p) => Rational.dot(p, glue(f, L,
                    g)))).sub(Rational.min(...ext.map((p) => Rational.dot(p, offL))));
                expect(get(lowerE(get(update(H, L, g)), f)).eq(num.div(den))).toBe(true);
            }), { numRuns: 30 });
    });
});

describe('crisp infradistributions', () => {
    it('crisp H agrees with the credal-set queries, on any real f; credal(H) has the same vertices', () => {
        fc.assert(fc.property(sizeArb.chain((n) => fc.record({ built: credalArb(n), f: gambleArb(n) })), ({ built, f }) => {
            const H = get(crisp(built.K));
            expect(isCrisp(H)).toBe(true);
            expect(get(lowerE(H, f)).eq(get(credalLowerE(built.K, f)))).toBe(true);
            const back = get(credalOf(H));
            expect(get(vertices(back)).map(String)).toEqual(get(vertices(built.K)).map(String));
        }), { numRuns: 30 });
    });

    it('mixture: E of Σ wᵢ Hᵢ is Σ wᵢ E_Hᵢ; normalize gives min b = 0 and min m(X)+b = 1', () => {
        fc.assert(fc.property(sizeArb.chain((n) => fc.record({ a: rawArb(n), b: rawArb(n), w: fc.integer({ min: 0, max: 4 }),
            f: unitGamble(n) })),
            ({ a, b, w, f }) => {
                const n = f.length;
                const Ha = get(fromAMeasures(n, a)), Hb = get(fromAMeasures(n, b));
                const weights = [Rational.of(w, 4), Rational.of(4 - w, 4)];
                const M = get(mixture([Ha, Hb], weights));
                expect(expectation(M, f).eq(weights[0]!.mul(minOver(a, f)).add(weights[1]!.mul(minOver(b, f))))).toBe(true);
                const N = normalize(Ha);
                const ones = f.map(() => Rational.ONE), zeros = f.map(() => Rational.ZERO);
                if (!N.ok) { expect(N.error.code).toBe('E-INFRA-NORM'); return; }
                expect(expectation(N.value, zeros).isZero()).toBe(true);
                expect(expectation(N.value, ones).eq(Rational.ONE)).toBe(true);
            }), RUNS);
    });
});

describe('semidirect products', () => {
    const kernelCase = fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([n, m]) => fc.record({
        K: credalArb(n), kernel: fc.array(credalArb(m), { minLength: n, maxLength: n }), f: gambleArb(n * m),
    }));

    /** Brute force: min over v ∈ ext K and one w_x ∈ ext κ(x) per x of Σ v(x) w_x(y) f(x, y). */
    function bruteForce(K: CredalSet, kernel: CredalSet[], f: Rational[]): Rational {
        const m = kernel[0]!.n;
        const ext = kernel.map((k) => get(vertices(k)));
        let best: Rational | undefined;
        for (const v of get(vertices(K))) {
            const choice = kernel.map(() => 0);
            for (;;) {
                const total = Rational.sum(v.map((px, x) => px.mul(Rational.dot(ext[x]![choice[x]!]!, f.slice(x * m, (x + 1) * m)))));
                if (!best || total.lt(best)) best = total;
                let x = 0;
                while (x < kernel.length && ++choice[x]! >= ext[x]!.length) choice[x++] = 0;
                if (x === kernel.length) break;
            }
        }
        return best!;
    }

    it('backward induction equals brute force over vertex combinations and the flat LP over the joint', () => {
        fc.assert(fc.property(kernelCase, ({ K, kernel, f }) => {
            const J = get(credalSemidirect(K.K, kernel.map((k) => k.K)));
            const bi = get(credalLowerE(J, f));
            expect(bi.eq(bruteForce(K.K, kernel.map((k) => k.K), f))).toBe(true);
            expect(viewMinimize(view(J, budget()), f, budget()).value.eq(bi)).toBe(true);
        }), { numRuns: 40 });
    });

    it('marginal(K ⋉ κ, X) == K', () => {
        fc.assert(fc.property(kernelCase, ({ K, kernel }) => {
            const n = K.K.n, m = kernel[0]!.K.n;
            const J = get(credalSemidirect(K.K, kernel.map((k) => k.K)));
            const M = get(marginal(J, [n, m], 0));
            expect(get(vertices(M)).map(String)).toEqual(get(vertices(K.K)).map(String));
        }), { numRuns: 30 });
    });

    it('H ⋉ κ for an infradistribution: E = E_H(x ↦ E̲_κ(x) f(x, ·)) on [0,1]-valued f', () => {
        fc.assert(fc.property(fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([n, m]) => fc.record({
            raw: rawArb(n), kernel: fc.array(credalArb(m), { minLength: n, maxLength: n }), f: unitGamble(n * m),
        })), ({ raw, kernel, f }) => {
            const n = raw[0]!.m.length, m = kernel[0]!.K.n;
            const H: InfraSet = get(fromAMeasures(n, raw));
            const G = get(semidirect(H, kernel.map((k) => k.K)));
            const inner = kernel.map((k, x) => get(credalLowerE(k.K, f.slice(x * m, (x + 1) * m))));
            expect(expectation(G, f).eq(minOver(raw, inner))).toBe(true);
        }), { numRuns: 30 });
    });
    it('the marginal of an infradistribution: E of the push-forward is E_H(f ∘ π), and marginal(H ⋉ κ, X) == H', () => {
        fc.assert(fc.property(fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([n, m]) => fc.record({
            raw: rawArb(n), kernel: fc.array(credalArb(m), { minLength: n, maxLength: n }), g: unitGamble(m),
        })), ({ raw, kernel, g }) => {
            const n = raw[0]!.m.length, m = kernel[0]!.K.n;
            const H: InfraSet = get(fromAMeasures(n, raw));
            const G = get(semidirect(H, kernel.map((k) => k.K)));
            const toX = Array.from({ length: n * m }, (_, i) => Math.floor(i / m));
            const toY = Array.from({ length: n * m }, (_, i) => i % m);
            const onX = get(pushForward(G, toX, n));
            const text = (a: AMeasure): string => `${a.m.join(',')};${a.b}`;
            expect(onX.generators.map(text)).toEqual(H.generators.map(text));
            // On Y: E_{π_Y G}(g) = E_G(g ∘ π_Y), the gamble g on Y read on the joint.
            const onY = get(pushForward(G, toY, m));
            expect(expectation(onY, g).eq(expectation(G, toY.map((y) => g[y]!)))).toBe(true);
        }), { numRuns: 30 });
    });
});
