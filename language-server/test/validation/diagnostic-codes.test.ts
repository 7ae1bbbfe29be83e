import { afterEach, describe as group, expect, it } from 'vitest';
import { describe, validationKit } from './validation-kit.js';

// Per diagnostic code (SEMANTICS §A.9, LANGUAGE §5): a note that triggers it, with the exact text the
// range covers, the numbers in the message and the severity; and a near miss that does not trigger it.

interface Case {
    code: string;
    note: string;
    /** The exact source text each diagnostic with this code covers, in order. */
    covers: string[];
    message: RegExp;
    severity: 'error' | 'warning' | 'info';
    nearMiss: string;
    /** Related information messages expected on the first diagnostic. */
    related?: RegExp[];
}

const X3 = 'set X = {a, b, c}\n';
const X2 = 'set X = {a, b}\n';
const W = 'set W = {0, 1, 2}\n';

const CASES: Case[] = [
    { code: 'E-SYNTAX', note: 'set X = {a, b\ndist p on X = {a: 1}', covers: ['dist'], severity: 'error',
        message: /^expected `}` to close the set opened on line 1, found the keyword `dist`$/,
            nearMiss: 'set X = {a, b}\ndist p on X = {a: 1}' },
    { code: 'E-UNRESOLVED', note: 'set Coin = {heads, tails}\ndist fair on Coin = {heads: 1/2, tails: 1/2}\ncredal B = tvball(fiar, 1/10)',
        covers: ['fiar'], severity: 'error', message: /unknown name `fiar`; did you mean `fair`\?/,
        nearMiss: 'set Coin = {heads, tails}\ndist fair on Coin = {heads: 1/2, tails: 1/2}\ncredal B = tvball(fair, 1/10)' },
    { code: 'E-DUP-NAME', note: 'set X = {a}\nset X = {b}', covers: ['X'], severity: 'error', message: /`X` is already declared \(line 1\)/,
        related: [/first declaration of `X`/], nearMiss: 'set X = {a}\nset Y = {b}' },
    { code: 'E-SET-EMPTY', note: 'set X = {}', covers: ['{}'], severity: 'error', message: /at least one element/,
        nearMiss: 'set X = {a}' },
    { code: 'E-SET-DUP', note: 'set X = {a, b, a}', covers: ['a'], severity: 'error', message: /`a` is listed twice/,
        related: [/first listed here/], nearMiss: 'set X = {a, b, c}' },
    { code: 'E-CYCLE', note: `${X2}credal K = L\ncredal L = K`, covers: ['K', 'L'], severity: 'error', message: /K → L → K/,
        nearMiss: `${X2}credal K on X = vacuous\ncredal L = K` },
    { code: 'E-ELEM-UNKNOWN', note: 'set X = {apple, banana}\ndist p on X = {apple: 0.5, banan: 0.5}', covers: ['banan'], severity: 'error',
        message: /`banan` is not an element of X; did you mean `banana`\?/,
            nearMiss: 'set X = {apple, banana}\ndist p on X = {apple: 0.5, banana: 0.5}' },
    { code: 'E-TYPE', note: `${X2}set Y = {c, d}\ngamble g on Y = (1, 2)\ncredal K on X = vacuous\neval lowerE(K, g)`, covers: ['g'],
        severity: 'error',
        message: /expected a gamble on X, got a gamble on Y/,
            nearMiss: `${X2}gamble g on X = (1, 2)\ncredal K on X = vacuous\neval lowerE(K, g)` },
    { code: 'E-GAMBLE-PARTIAL', note: `${X3}gamble f on X = {a: 1}`, covers: ['{a: 1}'], severity: 'error', message: /no value to b, c/,
        nearMiss: `${X3}gamble f on X = {a: 1, else: 0}` },
    { code: 'E-DIST-NEG', note: 'set C = {h, t}\ndist p on C = {h: 1.2, t: -0.2}', covers: ['1.2', '-0.2'], severity: 'error',
        message: /mass 6\/5 at h exceeds 1/, nearMiss: 'set C = {h, t}\ndist p on C = {h: 0.8, t: 0.2}' },
    { code: 'E-DIST-SUM', note: `${X3}dist p on X = {a: 0.2, b: 0.3, c: 0.4}`, covers: ['{a: 0.2, b: 0.3, c: 0.4}'], severity: 'error',
        message: /^sums to 9\/10; 1\/10 missing$/, nearMiss: `${X3}dist p on X = {a: 0.2, b: 0.3, c: 0.5}` },
    { code: 'E-BOUND-RANGE', note: `${X2}credal K on X = { P({a}) >= 3/2 }`, covers: ['3/2'], severity: 'error',
        message: /probability bound 3\/2 is outside \[0, 1\]/, nearMiss: `${X2}credal K on X = { P({a}) >= 1/2 }` },
    { code: 'E-BOUND-ORDER', note: `${X2}credal K on X = { P({a}) in [2/3, 1/3] }`, covers: ['[2/3, 1/3]'], severity: 'error',
        message: /lower bound 2\/3 exceeds upper bound 1\/3/, nearMiss: `${X2}credal K on X = { P({a}) in [1/3, 2/3] }` },
    { code: 'E-STRICT', note: `${X2}credal K on X = { P({a}) > 1/3 }`, covers: ['>'], severity: 'error',
        message: /credal sets must be closed/,
        nearMiss: `${X2}credal K on X = { P({a}) >= 1/3 }` },
    { code: 'E-OPEN', note: `${X2}credal K on X = { P({a}) in [0, 1) }`, covers: [')'], severity: 'error', message: /write \[0, 1\]/,
        nearMiss: `${X2}credal K on X = { P({a}) in [0, 1] }` },
    { code: 'E-NONCONVEX', note: `${X2}credal K1 on X = { P({a}) >= 1/2 }\ncredal K2 on X = { P({a}) <= 1/4 }\ncredal U = K1 ∪ K2`,
        covers: ['∪'],
        severity: 'error', message: /write hull\(K1 ∪ K2\)/,
        nearMiss: `${X2}credal K1 on X = { P({a}) >= 1/2 }\ncredal K2 on X = { P({a}) <= 1/4 }\ncredal U = hull(K1 ∪ K2)` },
    { code: 'E-EMPTY', note: 'set X = {0, 1, 2, 3}\ncredal K on X = { E[(1, 2, 3, 0)] >= 5/2, E[(3, 2, 1, 0)] >= 5/2 }', covers: ['K'],
        severity: 'error',
        message: /sure loss.*1 × \(E\[\(1, 2, 3, 0\)\] ≥ 5\/2\) and 1 × \(E\[\(3, 2, 1, 0\)\] ≥ 5\/2\) yields the gamble \(-1, -1, -1, -5\)/,
        related: [/multiplier 1/, /multiplier 1/],
            nearMiss: 'set X = {0, 1, 2, 3}\ncredal K on X = { E[(1, 2, 3, 0)] >= 2, E[(3, 2, 1, 0)] >= 2 }' },
    { code: 'E-PARAM-RANGE', note: `${X2}dist p on X = {a: 1/2, b: 1/2}\ncredal C = contamination(p, 3/2)`, covers: ['3/2'],
        severity: 'error',
        message: /ε = 3\/2 is outside \[0, 1\]/, nearMiss: `${X2}dist p on X = {a: 1/2, b: 1/2}\ncredal C = contamination(p, 1/2)` },
    { code: 'E-COND-NULL', note: `${X2}credal K on X = { P({a}) = 1 }\ncredal G = K | {b}`, covers: ['{b}'], severity: 'error',
        message: /upper probability under K is 0/, nearMiss: `${X2}credal K on X = { P({a}) = 1 }\ncredal G = K | {a}` },
    { code: 'E-DDT-EMPTY', note: 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous({11})\nddt N on W {\n  belief T\n  policies {\n    one consistent {11, 21}\n    two consistent {12, 22}\n  }\n  utility (1, 2, 3, 4)\n}',
        covers: ['two'], severity: 'error', message: /rules out policy two/,
        nearMiss: 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous({11, 22})\nddt N on W {\n  belief T\n  policies {\n    one consistent {11, 21}\n    two consistent {12, 22}\n  }\n  utility (1, 2, 3, 4)\n}' },
    { code: 'E-ASSERT', note: `${X2}credal K on X = { P({a}) in [1/3, 2/3] }\nassert lowerP(K, {a}) == 1/2`,
        covers: ['lowerP(K, {a}) == 1/2'], severity: 'error',
        message: /`lowerP\(K, \{a\}\)` is 1\/3 ≈ 0\.3333, and `1\/2` is 1\/2/,
            nearMiss: `${X2}credal K on X = { P({a}) in [1/3, 2/3] }\nassert lowerP(K, {a}) == 1/3` },
    { code: 'W-NOT-COHERENT', note: `${W}credal K on W = { P({0}) in [0.5, 0.666], P({1}) in [0.222, 0.272], P({2}) in [0.125, 0.181] }`,
        covers: ['P({0}) in [0.5, 0.666]'], severity: 'warning',
        message: /^lower bound 1\/2 is never attained: the other assessments force P\(\{0\}\) ≥ 547\/1000; upper bound 333\/500 is never attained: the other assessments force P\(\{0\}\) ≤ 653\/1000$/,
        nearMiss: `${W}credal K on W = { P({0}) in [0.547, 0.653], P({1}) in [0.222, 0.272], P({2}) in [0.125, 0.181] }` },
    // v1.1 §8.9: a singleton event (where the rules agree) is the near miss; the rules differ on {b, c}.
    { code: 'W-ZERO-COND', note: `${X3}credal K on X = hull{(1, 0, 0), (0, 1/2, 1/2)}\ncredal G = K | {b, c}`, covers: ['|'],
        severity: 'warning', message: /\{b, c\} has lower probability 0 \(upper 1\) under K/,
        nearMiss: `${X3}credal K on X = vacuous\ncredal G = K | {b}` },
    { code: 'W-DDT-UNREACHABLE', note: 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous\nddt N on W {\n  belief T\n  policies {\n    one consistent {11}\n    two consistent {12, 22}\n  }\n  utility (1, 2, 3, 4)\n}',
        covers: ['N'], severity: 'warning', message: /^N: outcome 21 is consistent with no policy/, related: [/^21 is declared here$/],
        nearMiss: 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous\nddt N on W {\n  belief T\n  policies {\n    one consistent {11, 21}\n    two consistent {12, 22}\n  }\n  utility (1, 2, 3, 4)\n}' },
    { code: 'W-DUP-GEN', note: `${X2}dist p on X = {a: 1/2, b: 1/2}\ncredal K on X = hull{p, p}`, covers: ['p'], severity: 'warning',
        message: /`p` repeats generator `p`/, related: [/first listed here/],
            nearMiss: `${X2}dist p on X = {a: 1/2, b: 1/2}\ncredal K on X = hull{p}` },
    { code: 'I-HULL', note: `${X2}dist p on X = {a: 1/2, b: 1/2}\ndist q on X = {a: 1, b: 0}\ncredal K = {p, q}`, covers: ['{p, q}'],
        severity: 'info',
        message: /read as its convex hull/,
            nearMiss: `${X2}dist p on X = {a: 1/2, b: 1/2}\ndist q on X = {a: 1, b: 0}\ncredal K = hull{p, q}` },
    { code: 'I-REDUNDANT', note: `${X2}dist p on X = {a: 1/2, b: 1/2}\ndist q on X = {a: 1, b: 0}\ndist r on X = {a: 0, b: 1}\ncredal K on X = hull{p, q, r}`,
        covers: ['p'], severity: 'info', message: /`p` is not an extreme point/,
        nearMiss: `${X2}dist p on X = {a: 1/2, b: 1/2}\ndist q on X = {a: 1, b: 0}\ncredal K on X = hull{p, q}` },
    { code: 'I-PRECISE', note: `${X2}credal K on X = { P({a}) = 1/3 }`, covers: ['K'], severity: 'info',
        message: /K is a single distribution/,
        nearMiss: `${X2}credal K on X = { P({a}) >= 1/3 }` },
    { code: 'I-IMPLICIT-ZERO', note: `${X3}dist p on X = {a: 0.5, b: 0.5}`, covers: ['{a: 0.5, b: 0.5}'], severity: 'info',
        message: /^c is not listed and has mass 0$/,
        nearMiss: `${X3}dist p on X = {a: 0.5, b: 0.5, c: 0}` },
    // ── Version 2 (LANGUAGE §7) ──
    { code: 'E-INFRA-NEG', note: `${X2}infra H on X = hull{ (m: (1, -1/2), b: 0) }`, covers: ['(1, -1/2)'], severity: 'error',
        message: /negative mass -1\/2 at b/, nearMiss: `${X2}infra H on X = hull{ (m: (1, 0), b: 0) }` },
    { code: 'E-INFRA-NORM', note: `${X2}infra H on X = hull{ (m: (1, 1), b: 1/2) }`, covers: ['hull{ (m: (1, 1), b: 1/2) }'], severity: 'error',
        message: /min b = 1\/2 \(must be 0\) and min \(m\(X\) \+ b\) = 5\/2 \(must be 1\)/,
        nearMiss: `${X2}infra H on X = normalize(hull{ (m: (1, 1), b: 1/2) })` },
    { code: 'E-NOT-CRISP', note: `${X2}infra H on X = hull{ (m: (1/2, 0), b: 1/2), (m: (0, 1), b: 0) }\ncredal K = credal(H)`, covers: ['H'],
        severity: 'error', message: /not crisp \(a minimal generator has b = 1\/2\)/,
        nearMiss: `${X2}infra H on X = hull{ (m: (1/2, 1/2), b: 0), (m: (0, 1), b: 0) }\ncredal K = credal(H)` },
    { code: 'E-KERNEL-PARTIAL', note: `${X2}set Y = {u, v}\nkernel k from X to Y = { a: vacuous }`, covers: ['{ a: vacuous }'], severity: 'error',
        message: /gives no credal set to b; list it or add `else: vacuous`/,
        nearMiss: `${X2}set Y = {u, v}\nkernel k from X to Y = { a: vacuous, else: point(u) }` },
    { code: 'E-KERNEL-SET', note: `${X2}set Y = {u, v}\ndist p on X = point(a)\nkernel k from X to Y = { a: vacuous, b: p }`, covers: ['p'],
        severity: 'error', message: /k maps to Y, but the value of b is a distribution on X/,
        nearMiss: `${X2}set Y = {u, v}\ndist p on Y = point(u)\nkernel k from X to Y = { a: vacuous, b: p }` },
    { code: 'E-RULE-INFRA', note: `${X2}infra H on X = hull{ (m: (1/2, 0), b: 1/2), (m: (0, 1), b: 0) }\ndecision D on X { belief H acts { x = (1, 0) y = (0, 1) } }\neval choose(D, maximality)`,
        covers: ['choose(D, maximality)'], severity: 'error', message: /only maximin \(the infra-Bayesian rule\) applies, not maximality/,
        nearMiss: `${X2}infra H on X = hull{ (m: (1/2, 0), b: 1/2), (m: (0, 1), b: 0) }\ndecision D on X { belief H acts { x = (1, 0) y = (0, 1) } }\neval choose(D, maximin)` },
    { code: 'E-IB-RANGE', note: `${X2}infra H on X = hull{ (m: (1/2, 0), b: 1/2), (m: (0, 1), b: 0) }\neval lowerE(H, (2, -1))`, covers: ['(2, -1)'],
        severity: 'error', message: /takes values in \[-1, 2\], outside \[0, 1\].*rescale it to \(f − -1\)\/3/,
        nearMiss: `${X2}infra H on X = hull{ (m: (1/2, 0), b: 1/2), (m: (0, 1), b: 0) }\neval lowerE(H, (1, 0))` },
    { code: 'E-IB-NULL', note: `${X2}infra H on X = hull{ (m: (0, 1), b: 0) }\ninfra U = ibupdate(H, {a}, 0)`, covers: ['ibupdate(H, {a}, 0)'],
        severity: 'error', message: /P\^g_H\(L\) = E_H\(1★g\) − E_H\(0★g\) = 0 − 0 = 0/,
        nearMiss: `${X2}infra H on X = hull{ (m: (1/2, 1/2), b: 0) }\ninfra U = ibupdate(H, {a}, 0)` },
];

const kit = validationKit();
afterEach(() => kit.clear());

group.each(CASES)('$code', (c) => {
    it('is raised on the offending text with the exact numbers and severity', async () => {
        const { diagnostics } = await kit.validate(c.note);
        const hits = diagnostics.filter((d) => d.code === c.code);
        expect(hits.map((d) => d.text), describe(diagnostics).join('\n')).toEqual(c.covers);
        expect(hits[0]!.message).toMatch(c.message);
        expect(hits.every((d) => d.severity === c.severity)).toBe(true);
        if (c.related) {
            const related = (hits[0]!.diagnostic.relatedInformation ?? []).map((r) => r.message);
            expect(related).toHaveLength(c.related.length);
            c.related.forEach((pattern, i) => expect(related[i]).toMatch(pattern));
        }
    });

    it('is not raised by the near miss', async () => {
        const { diagnostics } = await kit.validate(c.nearMiss);
        expect(describe(diagnostics.filter((d) => d.code === c.code))).toEqual([]);
    });
});
