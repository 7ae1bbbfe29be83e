import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/math/rational.js';
import { ensureFreshBundles } from '../support/bundle.js';
import { runCredal } from './run-cli.js';

// Every version-2 diagnostic code through `credal check` / `credal eval --json` as a process (LANGUAGE §7).
beforeAll(ensureFreshBundles, 120_000);

const INFRA = fileURLToPath(new URL('./fixtures/infra/', import.meta.url));

interface Output {
    diagnostics: Array<{ severity: string; code: string; message: string; line: number; column: number }>;
    results: Array<{ line: number; source: string; ok?: boolean; value: Record<string, unknown> }>;
}

function evalJson(file: string): { status: number | null; output: Output } {
    const run = runCredal(['eval', file, '--json'], INFRA);
    return { status: run.status, output: JSON.parse(run.stdout) as Output };
}

const errors = (output: Output) => output.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

describe('version-2 codes through the CLI', () => {
    it.each([
        ['infra-neg.cred', ['2:26 E-INFRA-NEG a-measure (m: (1, -1/2), b: 0) has a negative mass -1/2 at b']],
        ['infra-norm.cred', ['2:16 E-INFRA-NORM H is not normalised: min b = 1/2 (must be 0) and min (m(X) + b) = 5/2 (must be 1); normalize(…) subtracts 1/2 from every b and divides by 2']],
        ['not-crisp.cred', ['3:13 E-NOT-CRISP `upperE` needs a credal set, but `H` is not crisp (a minimal generator has b = 1/2): use lowerE(H, f) (E_H is a lower expectation; there is no upper one)']],
        ['kernel-partial.cred', ['3:24 E-KERNEL-PARTIAL k gives no credal set to c; list it or add `else: vacuous`']],
        ['kernel-set.cred', ['4:44 E-KERNEL-SET k maps to Y, but the value of else is a distribution on X']],
        ['rule-infra.cred', ['8:6 E-RULE-INFRA choose: the belief is a non-crisp infradistribution: only maximin (the infra-Bayesian rule) applies, not maximality']],
        ['ib-range.cred', [
            '3:10 E-IB-RANGE the payoffs of D lie in [-1, 3], outside [0, 1], which a non-crisp infradistribution needs: rescale them to (u + 1)/4',
            '7:23 E-IB-RANGE the off-event utility `2` takes values in [2, 2], outside [0, 1], where an infradistribution needs [0, 1]: use a constant in [0, 1]'
        ]],
        ['ib-null.cred', ['3:6 E-IB-NULL the update is undefined: P^g_H(L) = E_H(1★g) − E_H(0★g) = 0 − 0 = 0']],
    ])('%s', (file, expected) => {
        const check = runCredal(['check', file], INFRA);
        expect(check.status).toBe(1);
        const { output } = evalJson(file);
        expect(errors(output)).toEqual(expected);
    });

    it('E-INFRA-NORM carries the normalize(…) quick fix data', () => {
        const { output } = evalJson('infra-norm.cred');
        expect(output.diagnostics[0]!.code).toBe('E-INFRA-NORM');
        const fixed = runCredal(['eval', 'ameasures.cred'], INFRA);
        expect(fixed.status).toBe(0);
    });

    it('eval --json prints sets of a-measures as type ameasures, sorted by m then b, with exact values', () => {
        const { status, output } = evalJson('ameasures.cred');
        expect(status).toBe(0);
        // The third a-measure is the second plus (1/2, 0, 0 | 1/4): redundant, so pruned.
        expect(output.results[0]!.value).toEqual({ type: 'ameasures', ameasures: [{ m: ['0', '1/2', '1/2'], b: '0' }, { m: ['1/2', '1/4',
            '0'], b: '1/4' }] });
        // The generator formula by hand, g = 1/2 off L = {x1, x2}: c = E_H(0★g) = min(0 + 1/4, 1/4 + 0) = 1/4,
        // P = E_H(1★g) − c = min(1/2 + 1/4, 3/4 + 1/4) − 1/4 = 1/2; (m, b) ↦ (m|_L, b + m(x3)·g − c) / P.
        const q = (n: number, d = 1) => Rational.of(n, d);
        const g = q(1, 2), c = q(1, 4), P = q(1, 2);
        const up = (m: Rational[], b: Rational) => ({ m: [m[0]!.div(P), m[1]!.div(P), q(0)].map(String),
            b: String(b.add(m[2]!.mul(g)).sub(c).div(P)) });
        expect(output.results[1]!.value).toEqual({
            type: 'ameasures', ameasures: [up([q(0), q(1, 2), q(1, 2)], q(0)), up([q(1, 2), q(1, 4), q(0)], q(1, 4))]
        });
        expect(output.results[2]!.value).toMatchObject({ type: 'number', exact: '1/4' });
        expect(output.results[3]!.ok).toBe(true);
    });
});
