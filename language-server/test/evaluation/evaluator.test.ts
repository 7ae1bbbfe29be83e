import { afterEach, describe, expect, it } from 'vitest';
import { formatValue } from '../../src/evaluation/format-value.js';
import { describeIssues, evaluationKit } from './evaluation-kit.js';

const kit = evaluationKit();
afterEach(() => kit.clear());

const COIN = 'set Coin = {heads, tails}\n';
const DIE = 'set Die = {1 .. 6}\n';

describe('constants, numbers and arithmetic', () => {
    it('evaluates exact rationals, powers and let constants', async () => {
        expect(await kit.values('let big = 10^6\nlet eps = 1/10\neval big * eps + 0.25\neval 2.5e-3\neval -(1/3)\neval (2/4)^2')).toEqual([
            '400001/4', '1/400', '-1/3 ≈ -0.3333', '1/4'
        ]);
    });

    it('reports division by zero at the divisor', async () => {
        const issues = await kit.issues('let z = 0\neval 1 / (z * 2)');
        expect(describeIssues(issues)).toEqual(['E-DIV-ZERO 2:10 division by zero: `(z * 2)` is 0']);
    });
});

describe('sets, events, distributions and gambles', () => {
    it('reads events on a set, with ∪ ∩ ∖ compl all none', async () => {
        const values = await kit.values(DIE
            + 'event Even on Die = {2, 4, 6}\nevent Low on Die = {1, 2} ∪ {3}\neval P(uniform, Even ∩ Low)\n'
            + 'dist u on Die = uniform\neval P(u, compl(Even))\neval P(u, Low ∖ Even)\neval P(u, all)\neval P(u, none)');
        expect(values).toEqual(['1/6 ≈ 0.1667', '1/2', '1/3 ≈ 0.3333', '1', '0']);
    });

    it('reads mappings with rest, else, point and mix', async () => {
        const text = COIN + 'dist biased on Coin = {heads: 0.7, tails: rest}\ndist d on Coin = point(heads)\n'
            + 'dist m = mix(1/2: biased, 1/2: d)\ngamble w on Coin = {heads: 100, else: -5}\n'
            + 'eval P(m, {heads})\neval E(biased, w)\neval E(m, 1[{heads}] * 3 - 1)';
        expect(await kit.values(text)).toEqual(['17/20', '137/2', '31/20']);
    });

    it('E-GAMBLE-PARTIAL lists the missing elements; I-IMPLICIT-ZERO for unlisted masses', async () => {
        const issues = await kit.issues('set X = {a, b, c, d}\ngamble g on X = {a: 1, c: 2}\ndist p on X = {a: 1}');
        expect(describeIssues(issues)).toEqual([
            'E-GAMBLE-PARTIAL 2:17 the gamble gives no value to b, d; list them or add `else: 0`',
            'I-IMPLICIT-ZERO 3:15 b, c, d are not listed and have mass 0'
        ]);
        expect(issues[0]!.data).toMatchObject({ missing: ['b', 'd'] });
    });

    it('E-DIST-SUM carries the normalized masses; a negative rest is E-DIST-NEG at `rest`', async () => {
        const issues = await kit.issues('set X = {a, b, c}\ndist p on X = {a: 1/2, b: 1/4, c: 1/2}\ndist q on X = {a: 0.7, b: 0.5, c: rest}');
        expect(describeIssues(issues)).toEqual([
            'E-DIST-SUM 2:15 sums to 5/4; 1/4 too much',
            'E-DIST-NEG 3:35 `rest` would be -1/5: the listed masses already sum to 6/5'
        ]);
        expect(issues[0]!.data).toMatchObject({ sum: '5/4', missing: '-1/4', normalized: ['2/5', '1/5', '2/5'], elements: ['a', 'b',
            'c'] });
    });

    it('a tuple must have one entry per element (E-TYPE)', async () => {
        const issues = await kit.issues(DIE + 'dist q on Die = (1/2, 1/2)');
        expect(describeIssues(issues)).toEqual(['E-TYPE 2:17 the tuple has 2 entries, but Die has 6 elements']);
    });

    it('E-TYPE names the expected and the actual kind and set', async () => {
        const issues = await kit.issues(COIN + DIE
            + 'gamble g on Die = (1, 2, 3, 4, 5, 6)\ncredal K on Coin = vacuous\neval lowerE(K, g)\neval lowerE(g, g)');
        expect(describeIssues(issues)).toEqual([
            'E-TYPE 5:16 expected a gamble on Coin, got a gamble on Die',
            'E-TYPE 6:13 expected a credal set on Die, got a gamble on Die'
        ]);
    });
});

describe('credal sets', () => {
    it('every constructor: hull, vacuous(A), contamination, tvball, ∩, hull(∪), |, ⊠, marginal, a dist as a set', async () => {
        const text = 'set X = {a, b, c}\ndist p on X = (1/2, 1/4, 1/4)\ndist q on X = (0, 1/2, 1/2)\n'
            + 'credal H on X = hull{p, q, {a: 1}}\ncredal VA on X = vacuous({a, b})\ncredal C = contamination(p, 1/2)\n'
            + 'credal T = tvball(p, 1/4)\ncredal I = VA ∩ T\ncredal U = hull(VA ∪ C)\ncredal G = H | {b, c}\ncredal P1 = p\n'
            + 'set Y = {y, n}\ncredal KY on Y = { P({y}) in [1/2, 1] }\ncredal S = VA ⊠ KY\ncredal M = marginal(S, Y)\n'
            + 'eval vertices(H)\neval vertices(VA)\neval vertices(C)\neval lowerP(T, {a})\neval vertices(I)\neval upperP(U, {c})\n'
            + 'eval vertices(G)\neval isPrecise(P1)\neval vertices(M)\neval dim(S)';
        expect(await kit.values(text)).toEqual([
            '{(0, 1/2, 1/2), (1, 0, 0)}',
            '{(0, 1, 0), (1, 0, 0)}',
            '{(1/4, 1/8, 5/8), (1/4, 5/8, 1/8), (3/4, 1/8, 1/8)}',
            '1/4',
            '{(1/2, 1/2, 0), (3/4, 1/4, 0)}',
            '5/8',
            '{(0, 1/2, 1/2)}',
            'true',
            '{(1/2, 1/2), (1, 0)}',
            '3'
        ]);
    });

    it('constraint forms: comparative, scaled, chained and equalities', async () => {
        const text = 'set X = {a, b, c}\ncredal K on X = { P({a}) >= P({b}), 2*P({a}) + P({b}) <= 1, 1/10 <= P({c}) <= 1/2 }\n'
            + 'eval vertices(K)\neval interval(K, {a})';
        expect(await kit.values(text)).toEqual(['{(1/4, 1/4, 1/2), (1/3, 1/3, 1/3), (1/2, 0, 1/2)}', '[1/4, 1/2]']);
    });

    it('E-STRICT at the relation, E-OPEN at the bracket, E-BOUND-RANGE at the bound, E-BOUND-ORDER at the interval', async () => {
        const issues = await kit.issues('set X = {a, b}\ncredal K on X = {\n  P({a}) > 1/4\n  P({b}) in [1/3, 2/3)\n  P({a}) <= 3/2\n  P({b}) in [2/3, 1/3]\n}');
        expect(describeIssues(issues)).toEqual([
            'E-STRICT 3:10 credal sets must be closed; use >= instead of >',
            'E-OPEN 4:22 open or half-open interval: credal sets must be closed; write [1/3, 2/3]',
            'E-BOUND-RANGE 5:13 probability bound 3/2 is outside [0, 1]',
            'E-BOUND-ORDER 6:13 lower bound 2/3 exceeds upper bound 1/3; did you mean [1/3, 2/3]?'
        ]);
        expect(issues[0]!.data).toMatchObject({ replacement: '>=' });
        expect(issues[1]!.data).toMatchObject({ replacement: '[1/3, 2/3]' });
    });

    it('E-NONCONVEX suggests the hull; a list of distributions is an implicit hull (I-HULL)', async () => {
        const issues = await kit.issues(COIN + 'dist p on Coin = (1, 0)\ndist q on Coin = (0, 1)\ncredal U = p ∪ q\ncredal L = {p, q}');
        expect(describeIssues(issues)).toEqual([
            'E-NONCONVEX 4:14 a union of credal sets is not convex; write hull(p ∪ q)',
            'I-HULL 5:12 a list of distributions is read as its convex hull; write hull{…} to say so'
        ]);
    });

    it('W-DUP-GEN at the repeated generator; I-REDUNDANT at a non-extreme one (expensive only)', async () => {
        const text = COIN + 'dist p on Coin = (1, 0)\ndist q on Coin = (0, 1)\ndist h on Coin = (1/2, 1/2)\ncredal K = hull{p, q, h, p}';
        expect(describeIssues(await kit.issues(text, false))).toEqual(['W-DUP-GEN 5:26 `p` repeats generator `p`']);
        expect(describeIssues(await kit.issues(text, true))).toEqual([
            'W-DUP-GEN 5:26 `p` repeats generator `p`',
            'I-REDUNDANT 5:23 `h` is not an extreme point: it is a mixture of the other generators and can be removed'
        ]);
    });

    it('E-PARAM-RANGE at ε, δ and α', async () => {
        const issues = await kit.issues(COIN + 'dist f on Coin = (1/2, 1/2)\ncredal C = contamination(f, 3/2)\ncredal T = tvball(f, -1)\n'
            + 'decision D on Coin { belief f acts { a = (1, 0) } }\neval choose(D, hurwicz(2))');
        expect(describeIssues(issues).map(s => s.split(' ').slice(0, 2).join(' '))).toEqual(['E-PARAM-RANGE 3:29', 'E-PARAM-RANGE 4:22',
            'E-PARAM-RANGE 6:24']);
    });

    it('conditioning: W-ZERO-COND and E-COND-NULL', async () => {
        const text = 'set X = {a, b, c}\ncredal V on X = hull{(1, 0, 0), (0, 1/2, 1/2)}\ndist p on X = (1, 0, 0)\ncredal G = V | {b, c}\ncredal N = p | {b, c}';
        expect(describeIssues(await kit.issues(text))).toEqual([
            'W-ZERO-COND 4:14 {b, c} has lower probability 0 (upper 1) under V: conditioning uses the regular extension (only distributions that give it positive probability), default from setting `credal.conditioning.zeroLowerProbability` (CLI `--zero-conditioning`); `conventions { conditioning natural }` or `condition(K, B, natural)` chooses the other rule',
            'I-PRECISE 4:8 G is a single distribution',
            'E-COND-NULL 5:16 cannot condition on {b, c}: its upper probability under p is 0'
        ]);
    });
});

describe('eval and assert', () => {
    const BET = COIN + 'credal K on Coin = { P({heads}) in [1/3, 2/3] }\ngamble bet on Coin = {heads: 1, tails: -1}\n'
        + 'decision Bet on Coin { belief K acts { back = bet lay = -bet abstain = 0 } }\n';

    it('every query function of §4.1', async () => {
        const text = BET + 'dist fair on Coin = (1/2, 1/2)\n'
            + 'eval P(fair, {heads})\neval E(fair, bet)\neval lowerP(K, {heads})\neval upperP(K, {heads})\neval lowerE(K, bet)\neval upperE(K, bet)\n'
            + 'eval interval(K, bet)\neval interval(K, {tails})\neval vertices(K)\neval tv(fair, {heads: 1, tails: 0})\neval isEmpty(K)\n'
            + 'eval isPrecise(K)\neval isVacuous(K)\neval contains(K, fair)\neval subset(K, vacuous)\neval dim(K)\n'
            + 'eval choose(Bet, maximin)\neval choose(Bet, maximality)\neval value(Bet, back, maximin)\neval value(Bet, abstain, minimaxRegret)';
        expect(await kit.values(text)).toEqual([
            '1/2', '0', '1/3 ≈ 0.3333', '2/3 ≈ 0.6667', '-1/3 ≈ -0.3333', '1/3 ≈ 0.3333', '[-1/3, 1/3]', '[1/3, 2/3]',
            '{(1/3, 2/3), (2/3, 1/3)}', '1/2', 'false', 'false', 'false', 'true', 'true', '1',
            '{abstain}', '{back, lay, abstain}', '-1/3 ≈ -0.3333', '1/3 ≈ 0.3333'
        ]);
    });

    it('literals of every kind on the right of a claim; sets compare order-free', async () => {
        const results = await kit.results(BET + 'assert vertices(K) == {(2/3, 1/3), (1/3, 2/3)}\nassert interval(K, bet) == [-1/3, 1/3]\n'
            + 'assert choose(Bet, maximality) == {lay, abstain, back}\nassert isEmpty(K) == false\nassert lowerE(K, bet) ∈ [-1, 0]\n'
            + 'assert 0 <= lowerP(K, {heads}) <= 1\nassert choose(Bet, maximin) != {back}\nassert contains(K, (1/2, 1/2))');
        expect(results.map(r => r.ok)).toEqual([true, true, true, true, true, true, true, true]);
    });

    it('named evals are usable in later expressions', async () => {
        expect(await kit.values(BET + 'eval low = lowerE(K, bet)\neval high = upperE(K, bet)\neval high - low')).toEqual([
            '-1/3 ≈ -0.3333', '1/3 ≈ 0.3333', '2/3 ≈ 0.6667'
        ]);
    });

    it('E-ASSERT shows both sides; its data carries the actual value for the quick fix', async () => {
        const text = BET + 'assert lowerE(K, bet) == 1/3\nassert vertices(K) == {(1/3, 2/3)}\nassert isVacuous(K)';
        const results = await kit.results(text);
        expect(results.map(r => [r.ok, formatValue(r.value), r.right ? formatValue(r.right) : undefined])).toEqual([
            [false, '-1/3 ≈ -0.3333', '1/3 ≈ 0.3333'], [false, '{(1/3, 2/3), (2/3, 1/3)}', '{(1/3, 2/3)}'], [false, 'false', undefined]
        ]);
        const issues = (await kit.issues(text)).filter(i => i.code === 'E-ASSERT');
        expect(issues.map(i => i.message)).toEqual([
            'the claim is false: `lowerE(K, bet)` is -1/3 ≈ -0.3333, and `1/3` is 1/3 ≈ 0.3333',
            'the claim is false: `vertices(K)` is {(1/3, 2/3), (2/3, 1/3)}, and `{(1/3, 2/3)}` is {(1/3, 2/3)}',
            'the claim is false: `isVacuous(K)` is false'
        ]);
        expect(issues[0]!.data).toMatchObject({ actual: '-1/3' });
        expect(issues[1]!.data).toMatchObject({ actual: '{(1/3, 2/3), (2/3, 1/3)}' });
    });

    it('value(D, act, rule) refuses set-valued rules with a sentence', async () => {
        const issues = await kit.issues(BET + 'eval value(Bet, back, maximality)');
        expect(describeIssues(issues)).toEqual([
            'E-TYPE 5:23 maximality chooses a set of acts and gives no score; value(…) needs maximin, maximax, hurwicz(α) or minimaxRegret'
        ]);
    });

    it('an unknown function gets a did-you-mean', async () => {
        expect(describeIssues(await kit.issues(BET + 'eval lowerEE(K, bet)'))).toEqual([
            'E-UNRESOLVED 5:6 unknown function `lowerEE`; did you mean `lowerE`?'
        ]);
    });
});

describe('DDT', () => {
    const WORLDS = 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous({11, 22})\n';
    it('E-DDT-EMPTY at the policy the belief rules out; W-DDT-UNREACHABLE for an outcome in no E_π', async () => {
        const text = WORLDS + 'ddt N on W {\n  belief T\n  policies {\n    one consistent {11}\n    odd consistent {12, 21}\n  }\n  utility (1, 2, 3, 4)\n}\neval choose(N)';
        expect(describeIssues(await kit.issues(text))).toEqual([
            'W-DDT-UNREACHABLE 3:5 N: outcome 22 is consistent with no policy; under the strict semantics it can be deleted without changing any value',
            'E-DDT-EMPTY 7:5 the belief rules out policy odd: no distribution in it is consistent with odd (Θ_odd is empty); fix the belief, or write `inconsistent exclude` to drop such policies',
            'I-DEPENDS 11:13 depends on N, whose belief rules out a policy'
        ]);
    });
});

describe('errors are reported once, where they are', () => {
    it('a declaration depending on an erroneous one says so once at the use', async () => {
        const text = COIN + 'dist bad on Coin = (1/2, 1/4)\ncredal K = tvball(bad, 1/10)\ncredal L = K ∩ vacuous\neval lowerP(L, {heads})';
        expect(describeIssues(await kit.issues(text))).toEqual([
            'E-DIST-SUM 2:20 sums to 3/4; 1/4 missing',
            'I-DEPENDS 3:19 depends on bad, which has errors',
            'I-DEPENDS 4:12 depends on K, which has errors (through bad)',
            'I-DEPENDS 5:13 depends on L, which has errors (through bad)'
        ]);
    });

    it('an empty set is E-EMPTY at its declaration; queries on it depend on it', async () => {
        const text = 'set X = {0, 1, 2, 3}\ncredal K on X = { E[(1, 2, 3, 0)] >= 5/2, E[(3, 2, 1, 0)] >= 5/2 }\ncredal J = K\neval lowerE(J, (1, 1, 1, 1))';
        const issues = describeIssues(await kit.issues(text));
        expect(issues.map(s => s.split(' ').slice(0, 2).join(' '))).toEqual(['E-EMPTY 2:8', 'I-DEPENDS 3:8', 'I-DEPENDS 4:13']);
        expect(issues[0]).toContain('1 × (E[(1, 2, 3, 0)] ≥ 5/2) and 1 × (E[(3, 2, 1, 0)] ≥ 5/2) yields the gamble (-1, -1, -1, -5)');
    });

    it('cycles give an error value instead of recursing', async () => {
        const text = 'let a = b + 1\nlet b = a * 2\neval a';
        const results = await kit.results(text);
        expect(results[0]!.value.kind).toBe('error');
    });
});

describe('laziness, caching, budgets and robustness', () => {
    it('evaluating one declaration evaluates only what it depends on, and caches it', async () => {
        const document = await kit.parse(COIN + 'credal K on Coin = vacuous\neval lowerP(K, {heads})\neval vertices(K)');
        const [first] = document.parseResult.value.statements.filter(s => s.$type === 'Eval');
        const a = kit.evaluator.resultOf(first as never);
        const b = kit.evaluator.resultOf(first as never);
        expect(b).toBe(a);
        expect(formatValue(a.value)).toBe('0');
    });

    it('an exploding vertex enumeration reports E-BUDGET on vertices(K) while lowerE answers exactly', async () => {
        kit.evaluator.updateSettings({ maxSteps: 20_000, timeoutMs: 10_000 });
        try {
            const bounds = Array.from({ length: 16 }, (_, i) => `P({${i + 1}}) <= 1/8`).join(', ');
            const text = `set X = {1 .. 16}\ncredal K on X = { ${bounds}, P({1}) >= P({2}) }\n`
                + 'eval vertices(K)\neval lowerE(K, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))';
            const started = Date.now();
            const results = await kit.results(text);
            expect(results[0]!.value).toMatchObject({ kind: 'error', code: 'E-BUDGET' });
            expect(formatValue(results[1]!.value)).toBe('9/2');
            expect(Date.now() - started).toBeLessThan(10_000);
        } finally {
            kit.evaluator.updateSettings({ maxSteps: 2_000_000, timeoutMs: 10_000 });
        }
    });

    it('never throws on garbage input, and every eval gets a result', async () => {
        const garbage = [
            'eval', 'eval (((((', 'credal K = {P(', 'eval lowerE(, )', 'dist p on Nope = {a: 1}', 'eval P({x})', 'eval 1[2]',
            'set X = {}\neval vertices(vacuous)', 'eval 10^1000000', 'assert', 'eval hull{}', 'eval {(1, 2), a}', 'eval choose(1, 2)',
            'set X = {a}\ncredal K on X = { P({a}) in (0 }', 'eval x = x', 'eval marginal(1, 2)', 'eval mix(1, 2)', 'eval E[1]',
            'set X = {a, b}\nevent E on X = {a: 1}\neval tvball(E, 1)', 'eval ⋉', 'kernel k = 1\neval k'
        ];
        for (const text of garbage) {
            const document = await kit.parse(text);
            expect(() => kit.evaluator.issuesFor(document, { expensive: true })).not.toThrow();
            for (const statement of document.parseResult.value.statements) {
                expect(() => kit.evaluator.valueOf(statement)).not.toThrow();
            }
        }
    });
});
