import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/evaluation/settings.js';
import { describeIssues, evaluationKit } from './evaluation-kit.js';

// The conventions a note may leave open (credal.ddt.*, credal.conditioning.*): default, changed by the
// setting, and overridden by an explicit clause in the note.
const kit = evaluationKit();
afterEach(() => {
    kit.evaluator.updateSettings(DEFAULT_SETTINGS);
    return kit.clear();
});

describe('credal.conditioning.zeroLowerProbability', () => {
    // C-12's p0 and gamble, with a second vertex that gives B = {0, 2} probability 0: P̲(B) = 0 < P̄(B) = 3/5.
    const NOTE = 'set X = {0 .. 3}\ndist p0 on X = (42/100, 8/100, 18/100, 32/100)\ndist z on X = (0, 1/2, 0, 1/2)\n'
        + 'credal K on X = hull{p0, z}\ncredal G = K | {0, 2}\neval lowerE(G, (5, 5, -5, -5))\neval upperE(G, (5, 5, -5, -5))';

    it('default: the regular extension (only p0 conditions: E = 0.7·5 − 0.3·5 = 2), and the warning says how to change it', async () => {
        expect(await kit.values(NOTE)).toEqual(['2', '2']);
        const zero = describeIssues(await kit.issues(NOTE)).filter((s) => s.startsWith('W-ZERO-COND'));
        expect(zero).toEqual([
            'W-ZERO-COND 5:14 {0, 2} has lower probability 0 (upper 3/5) under K: conditioning uses the regular extension (only distributions that give it positive probability), default from setting `credal.conditioning.zeroLowerProbability` (CLI `--zero-conditioning`); `conventions { conditioning natural }` or `condition(K, B, natural)` chooses the other rule'
        ]);
    });

    it('natural: vacuous on B, so the lower expectation is min over B of f = −5 and the upper is 5', async () => {
        kit.evaluator.updateSettings({ zeroConditioning: 'natural' });
        expect(await kit.values(NOTE)).toEqual(['-5', '5']);
        const zero = describeIssues(await kit.issues(NOTE)).filter((s) => s.startsWith('W-ZERO-COND'));
        expect(zero).toEqual([
            'W-ZERO-COND 5:14 {0, 2} has lower probability 0 (upper 3/5) under K: conditioning uses the natural extension (vacuous on the event: a lower expectation is the minimum over it), default from setting `credal.conditioning.zeroLowerProbability` (CLI `--zero-conditioning`); `conventions { conditioning regular }` or `condition(K, B, regular)` chooses the other rule'
        ]);
    });

    it('leaves C-12 itself alone (P̲(B) = 27/50 > 0): 29/32 and 79/32 under either convention', async () => {
        const c12 = 'set X = {0 .. 3}\ndist p0 on X = (42/100, 8/100, 18/100, 32/100)\ncredal K = contamination(p0, 1/10)\n'
            + 'eval lowerE(K | {0, 2}, (5, 5, -5, -5))\neval upperE(K | {0, 2}, (5, 5, -5, -5))';
        expect(await kit.values(c12)).toEqual(['29/32', '79/32']);
        kit.evaluator.updateSettings({ zeroConditioning: 'natural' });
        expect(await kit.values(c12)).toEqual(['29/32', '79/32']);
    });
});

describe('credal.ddt.defaultSemantics', () => {
    // Θ = hull{δx, (0, 1/2, 1/2)}. Strict: Θ_p = {δx}, V(p) = 1; Θ_q = {v2}, V(q) = 2.
    // nirvana0: V(p) = max(1, 1/2·4) = 2, V(q) = max(0, 2) = 2: a tie instead of p.
    const ddt = (clauses = '') => 'set W = {x, y, z}\ndist v1 on W = (1, 0, 0)\ndist v2 on W = (0, 1/2, 1/2)\ncredal T on W = hull{v1, v2}\n'
        + `ddt N on W {\n  belief T\n  policies { p consistent {x, y} q consistent {y, z} }\n  loss (1, 4, 0)${clauses}\n}\n`
        + 'eval value(N, p)\neval value(N, q)\neval choose(N)';

    it('default strict', async () => {
        expect(await kit.values(ddt())).toEqual(['1', '2', '{p}']);
    });

    it('setting nirvana0 (losses ≥ 0, so no top is needed)', async () => {
        kit.evaluator.updateSettings({ ddtSemantics: 'nirvana0' });
        expect(await kit.values(ddt())).toEqual(['2', '2', '{p, q}']);
        const value = await kit.declaration(ddt(), 'N');
        expect(value.kind === 'ddt' && value.from).toEqual({ semantics: 'setting', inconsistent: 'setting' });
    });

    it('a `semantics` clause wins over the setting, both ways', async () => {
        kit.evaluator.updateSettings({ ddtSemantics: 'nirvana0' });
        expect(await kit.values(ddt('\n  semantics strict'))).toEqual(['1', '2', '{p}']);
        kit.evaluator.updateSettings({ ddtSemantics: 'strict' });
        expect(await kit.values(ddt('\n  semantics nirvana0'))).toEqual(['2', '2', '{p, q}']);
        const value = await kit.declaration(ddt('\n  semantics nirvana0'), 'N');
        expect(value.kind === 'ddt' && value.from?.semantics).toBe('note');
    });

    it('nirvana0 from the setting with a negative loss or with utilities: E-PARAM-RANGE says to add a top', async () => {
        kit.evaluator.updateSettings({ ddtSemantics: 'nirvana0' });
        const negative = describeIssues(await kit.issues(ddt().replace('loss (1, 4, 0)', 'loss (1, 4, -1)')));
        expect(negative.filter((s) => !s.startsWith('I-DEPENDS'))).toEqual([
            'E-PARAM-RANGE 5:5 nirvana0 without `top` needs every loss ≥ 0 (inconsistent mass gets loss 0) (nirvana0 is the semantics default from setting `credal.ddt.defaultSemantics` (CLI `--ddt-semantics`)): add `semantics nirvana0 top <number>`, or `semantics strict`'
        ]);
        const utility = describeIssues(await kit.issues(ddt().replace('loss (1, 4, 0)', 'utility (1, 4, 0)')));
        expect(utility[0]).toBe('E-PARAM-RANGE 5:5 nirvana0 with utilities needs a declared top value (at least the largest utility) (nirvana0 is the semantics default from setting `credal.ddt.defaultSemantics` (CLI `--ddt-semantics`)): add `semantics nirvana0 top <number>`, or `semantics strict`');
        // Written in the note, the same problem points at the clause.
        kit.evaluator.updateSettings({ ddtSemantics: 'strict' });
        const written = describeIssues(await kit.issues(ddt('\n  semantics nirvana0').replace('loss (1, 4, 0)', 'utility (1, 4, 0)')));
        expect(written[0]).toBe('E-PARAM-RANGE 9:3 nirvana0 with utilities needs a declared top value (at least the largest utility): add `semantics nirvana0 top <number>`');
        // With a top, utilities are fine: V(p) = min(1, 1/2·4 + 1/2·10) = 1, V(q) = min(10, 2) = 2.
        expect(await kit.values(ddt('\n  semantics nirvana0 top 10').replace('loss (1, 4, 0)', 'utility (1, 4, 0)'))).toEqual(['1', '2',
            '{q}']);
    });
});

describe('credal.ddt.defaultInconsistent', () => {
    // The belief δx rules out q (Θ_q = ∅).
    const ddt = (clauses = '') => 'set W = {x, y, z}\ndist T on W = (1, 0, 0)\n'
        + `ddt N on W {\n  belief T\n  policies { p consistent {x, y} q consistent {y, z} }\n  loss (1, 4, 0)${clauses}\n}\n`
        + 'eval choose(N)';
    const codes = async (text: string) => describeIssues(await kit.issues(text)).map((s) => s.split(' ').slice(0, 2).join(' '));

    it('default error: E-DDT-EMPTY at q', async () => {
        expect(await codes(ddt())).toEqual(['E-DDT-EMPTY 5:34', 'I-DEPENDS 8:13']);
    });

    it('setting exclude drops q; setting nirvana makes q optimal with a warning', async () => {
        kit.evaluator.updateSettings({ ddtInconsistent: 'exclude' });
        expect(await kit.values(ddt())).toEqual(['{p}']);
        const severity = async () => (await kit.issues(ddt())).map((i) => `${i.severity} ${i.code}`);
        expect(await severity()).toEqual(['info E-DDT-EMPTY']);
        kit.evaluator.updateSettings({ ddtInconsistent: 'nirvana' });
        expect(await kit.values(ddt())).toEqual(['{q}']);
        expect(await severity()).toEqual(['warning E-DDT-EMPTY']);
    });

    it('an `inconsistent` clause wins over the setting', async () => {
        kit.evaluator.updateSettings({ ddtInconsistent: 'exclude' });
        expect(await codes(ddt('\n  inconsistent error'))).toEqual(['E-DDT-EMPTY 5:34', 'I-DEPENDS 9:13']);
        kit.evaluator.updateSettings({ ddtInconsistent: 'error' });
        expect(await kit.values(ddt('\n  inconsistent exclude'))).toEqual(['{p}']);
    });
});
