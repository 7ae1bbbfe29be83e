/**
 * Decision trees on improb's worked examples (docs/decision/tree.rst): the Lake District newspaper
 * problem across costs and Kikuti et al.'s oil wildcatter, solved in normal form and by normal-form
 * backward induction, exactly; plus partition defects, strategy names and the strategy budget.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/math/budget.js';
import { fromConstraints, probabilityConstraint, type CredalConstraint } from '../../src/math/credal.js';
import type { Rule } from '../../src/math/decision.js';
import { q, type Rational } from '../../src/math/rational.js';
import { analyseTree, chooseBackward, chooseNormal, normalForm, strategyScore } from '../../src/math/tree/solve.js';
import {
    partitionDefects, strategies, strategyCount, MAX_STRATEGIES, type DecisionNode, type DecisionTree, type TreeNode
} from '../../src/math/tree/tree.js';

function get<T>(o: Outcome<T>): T {
    if (!o.ok) throw new Error(`${o.error.code}: ${o.error.message}`);
    return o.value;
}
const leaf = (...xs: (string | number)[]): TreeNode => ({ kind: 'leaf', payoff: xs.map((x) => q(String(x))) });
const decide = (branches: Record<string, TreeNode>): DecisionNode => ({ kind: 'decision', branches: Object.entries(branches).map(([choice, node]) => ({ choice, node })) });
const observe = (n: number, branches: [string, number[], TreeNode][]): TreeNode => ({
    kind: 'chance', branches: branches.map(([label, members, node]) => ({ label, event: Array.from({ length: n }, (_, i) => members.includes(i)), node }))
});
const shift = (node: TreeNode, c: Rational): TreeNode => {
    switch (node.kind) {
        case 'leaf': return { kind: 'leaf', payoff: node.payoff.map((x) => x.add(c)) };
        case 'decision': return { kind: 'decision', branches: node.branches.map((b) => ({ choice: b.choice, node: shift(b.node, c) })) };
        case 'chance': return { kind: 'chance', branches: node.branches.map((b) => ({ ...b, node: shift(b.node, c) })) };
    }
};
const sorted = (xs: readonly string[]): string[] => [...xs].sort();
const maximality: Rule = { kind: 'maximality' };

// Lake District: Forecast × Weather = (r,R), (r,S), (s,R), (s,S); linear-vacuous, lower masses 9/10 · (0.42, 0.18, 0.08, 0.32).
const lakeBelief = get(fromConstraints(4, ['0.42', '0.18', '0.08', '0.32'].map((m, i) =>
    get(probabilityConstraint(`l${i}`, [0, 1, 2, 3].map((j) => j === i), '>=', q(m).mul(q('9/10')))))));
const waterproof = decide({ take: leaf(10, 15, 10, 15), no: leaf(5, 20, 5, 20) });
const lake = (cost: string): DecisionTree => ({
    belief: lakeBelief, orientation: 'utility',
    root: decide({ buy: shift(observe(4, [['r', [0, 1], waterproof], ['s', [2, 3], waterproof]]), q(cost).neg()), dont: waterproof }),
});

describe('Lake District newspaper (improb)', () => {
    it('has six strategies named depth-first', () => {
        expect(get(strategies(lake('1'))).map((s) => s.name)).toEqual(['buy_take_take', 'buy_take_no', 'buy_no_take', 'buy_no_no', 'dont_take', 'dont_no']);
    });
    it.each([
        ['0.579', ['buy_take_no']],
        ['0.581', ['buy_take_no', 'dont_no', 'dont_take']],
        ['1.579', ['buy_take_no', 'dont_no', 'dont_take']],
        ['1.581', ['dont_no', 'dont_take']],
    ])('cost %s: maximality chooses %j both ways', (cost, expected) => {
        expect(sorted(get(chooseNormal(lake(cost), maximality)))).toEqual(expected);
        expect(sorted(get(chooseBackward(lake(cost), maximality)))).toEqual(expected);
    });
    it('strategy gambles are Σ 1[path event] · leaf', () => {
        const s = get(strategies(lake('1'))).find((x) => x.name === 'buy_take_no')!;
        expect(s.gamble.map(String)).toEqual(['9', '14', '4', '19']);
    });
    it('value is the score among all strategies', () => {
        expect(String(get(strategyScore(lake('1'), 'dont_take', { kind: 'maximin' })))).toBe(String(q(10).add(q(5).mul(q('0.18').add(q('0.32')).mul(q('9/10'))))));
    });
});

// Oil wildcatter (Kikuti, Cozman, de Campos 2005, as in improb): Sound × Soil, interval conditional assessments.
const sounds = ['noStructure', 'open', 'closed'];
const soils = ['soak', 'wet', 'dry'];
const idx = (sound: number, soil: number): number => sound * 3 + soil;
function oilBelief(): DecisionTree['belief'] {
    const rows: CredalConstraint[] = [];
    const ev = (members: number[]): boolean[] => Array.from({ length: 9 }, (_, i) => members.includes(i));
    const soundEvent = (s: number): boolean[] => ev([0, 1, 2].map((k) => idx(s, k)));
    const marginal: [string, string][] = [['0.183', '0.222'], ['0.333', '0.363'], ['0.444', '0.454']];
    marginal.forEach(([l, u], s) => {
        rows.push(get(probabilityConstraint(`m${s}l`, soundEvent(s), '>=', q(l))), get(probabilityConstraint(`m${s}u`, soundEvent(s), '<=', q(u))));
    });
    const cond: Record<string, [string, string][]> = {
        dry: [['0.500', '0.666'], ['0.222', '0.333'], ['0.111', '0.166']],
        wet: [['0.222', '0.272'], ['0.363', '0.444'], ['0.333', '0.363']],
        soak: [['0.125', '0.181'], ['0.250', '0.363'], ['0.454', '0.625']],
    };
    for (const [soil, bounds] of Object.entries(cond)) {
        const k = soils.indexOf(soil);
        bounds.forEach(([l, u], s) => {
            // P(soil | sound) ∈ [l, u] multiplied out: P(soil ∩ sound) − l·P(sound) ≥ 0 and ≤ u·P(sound).
            const coeff = (c: Rational): Rational[] => Array.from({ length: 9 }, (_, i) => (i === idx(s, k) ? q(1) : q(0)).sub(Math.floor(i / 3) === s ? c : q(0)));
            rows.push({ id: `${soil}${s}l`, coeffs: coeff(q(l)), rel: '>=', rhs: q(0) }, { id: `${soil}${s}u`, coeffs: coeff(q(u)), rel: '<=', rhs: q(0) });
        });
    }
    return get(fromConstraints(9, rows));
}
const oilPayoff = (cost: number): TreeNode => leaf(...Array.from({ length: 9 }, (_, i) => [20, 5, -7][i % 3]! - cost));
const oil: DecisionTree = {
    belief: oilBelief(), orientation: 'utility',
    root: decide({
        sounding: observe(9, sounds.map((name, s) => [name, [0, 1, 2].map((k) => idx(s, k)), decide({ drill: oilPayoff(1), skip: leaf(...Array(9).fill(-1)) })])),
        noSounding: decide({ drill: oilPayoff(0), skip: leaf(...Array(9).fill(0)) }),
    }),
};

describe('oil wildcatter (improb)', () => {
    it('has 2³ + 2 strategies', () => {
        expect(strategyCount(oil.root)).toBe(10n);
        expect(get(strategies(oil)).map((s) => s.name)).toContain('sounding_drill_skip_drill');
    });
    it('maximality chooses noSounding_drill in normal form and by backward induction', () => {
        expect(get(chooseNormal(oil, maximality))).toEqual(['noSounding_drill']);
        expect(get(chooseBackward(oil, maximality))).toEqual(['noSounding_drill']);
    });
    it('the summary reports both solutions per rule', () => {
        const summary = get(analyseTree(oil));
        expect(summary.results.find((r) => r.rule.kind === 'eAdmissibility')!.differ).toBe(false);
        expect(summary.bounds).toHaveLength(10);
    });
});

describe('structure', () => {
    it('names elements a chance node misses or covers twice, within the event reaching it', () => {
        const root = decide({ a: observe(4, [['x', [0, 1], leaf(1, 1, 1, 1)], ['y', [1, 2], observe(4, [['u', [1], leaf(0, 0, 0, 0)], ['v', [0, 3], leaf(0, 0, 0, 0)]])]]) });
        expect(partitionDefects(root, 4)).toEqual([
            { path: [0], missing: [3], overlapping: [1] },
            { path: [0, 1], missing: [2], overlapping: [] },
        ]);
    });
    it('duplicate strategy names are E-DUP-NAME', () => {
        const t: DecisionTree = { belief: lakeBelief, orientation: 'utility', root: decide({ a_b: decide({ c: leaf(0, 0, 0, 0) }), a: decide({ b_c: leaf(1, 1, 1, 1) }) }) };
        const r = normalForm(t);
        expect(r.ok ? '' : r.error.code).toBe('E-DUP-NAME');
    });
    it('too many strategies is E-BUDGET before any enumeration', () => {
        let node: TreeNode = decide({ a: leaf(0, 0, 0, 0), b: leaf(1, 1, 1, 1) });
        for (let i = 0; i < 15; i++) node = observe(4, [['x', [0, 1], node], ['y', [2, 3], node]]);
        const t: DecisionTree = { belief: lakeBelief, orientation: 'utility', root: decide({ go: node }) };
        expect(strategyCount(t.root) > BigInt(MAX_STRATEGIES)).toBe(true);
        const r = strategies(t);
        expect(r.ok ? '' : r.error.code).toBe('E-BUDGET');
        const b = chooseBackward(t, maximality);
        expect(b.ok ? '' : b.error.code).toBe('E-BUDGET');
    });
});
