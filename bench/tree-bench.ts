/**
 * Decision trees: a 3-stage binary tree (decide, observe, decide, observe, decide) on Ω = X1 × X2 with
 * 128 strategies. Times strategy enumeration and both solutions under maximality and Γ-maximin, and
 * reports backward induction relative to the normal form, measured in one run.
 */
import { fromConstraints, probabilityConstraint } from '../language-server/src/math/credal.js';
import type { Rule } from '../language-server/src/math/decision.js';
import { Rational } from '../language-server/src/math/rational.js';
import { analyseTree, chooseBackward, chooseNormal } from '../language-server/src/math/tree/solve.js';
import { strategies, strategyCount, type DecisionNode, type DecisionTree, type TreeNode } from '../language-server/src/math/tree/tree.js';

export interface TreeRow {
    rule: string; strategies: number; enumerate_ms: number; normal_ms: number; backward_ms: number; ratio: number; agree: boolean
}

/** A small deterministic generator, so that every run times the same tree. */
function seeded(seed: number): () => number {
    let s = seed >>> 0;
    return () => ((s = (s * 1664525 + 1013904223) >>> 0) % 11) - 5;
}

function threeStageTree(): DecisionTree {
    const next = seeded(7);
    const n = 4; // (x1, x2) for x1, x2 ∈ {0, 1}, row-major
    const firstIs = (v: number): boolean[] => [0, 1, 2, 3].map((i) => Math.floor(i / 2) === v);
    const secondIs = (v: number): boolean[] => [0, 1, 2, 3].map((i) => i % 2 === v);
    const leaf = (): TreeNode => ({ kind: 'leaf', payoff: Array.from({ length: n }, () => Rational.of(next())) });
    const decide = (make: () => TreeNode): DecisionNode => ({ kind: 'decision', branches: ['a', 'b'].map((choice) => ({ choice,
        node: make() })) });
    const observe = (events: boolean[][], make: () => TreeNode): TreeNode => ({ kind: 'chance', branches: events.map((event,
        i) => ({ label: `e${i}`, event, node: make() })) });
    const stage1 = (): TreeNode => decide(leaf);
    const stage2 = (): TreeNode => decide(() => observe([secondIs(0), secondIs(1)], stage1));
    const root = decide(() => observe([firstIs(0), firstIs(1)], stage2));
    const rows = [0, 1, 2, 3].map((i) => probabilityConstraint(`l${i}`, [0, 1, 2, 3].map((j) => j === i), '>=', Rational.of(1, 8)));
    const belief = fromConstraints(n, rows.map((r) => { if (!r.ok) throw new Error(r.error.message); return r.value; }));
    if (!belief.ok) throw new Error(belief.error.message);
    return { belief: belief.value, root, orientation: 'utility' };
}

function timed<T>(run: () => T, minTotalMs: number): { value: T; ms: number } {
    let best = Infinity, value: T | undefined, runs = 0;
    const start = performance.now();
    while (runs < 3 || performance.now() - start < minTotalMs) {
        const t0 = performance.now();
        value = run();
        best = Math.min(best, performance.now() - t0);
        runs++;
        if (runs === 1 && best > 1000) break;
    }
    return { value: value as T, ms: best };
}

export function benchTrees(minTotalMs: number): TreeRow[] {
    const tree = threeStageTree();
    const count = Number(strategyCount(tree.root));
    const enumerate = timed(() => strategies(tree), minTotalMs);
    const rules: Rule[] = [{ kind: 'maximality' }, { kind: 'maximin' }];
    const rows = rules.map((rule) => {
        // A fresh tree for every run: the belief caches its vertices, and a hover meets a new belief after each edit.
        const normal = timed(() => chooseNormal(threeStageTree(), rule), minTotalMs);
        const backward = timed(() => chooseBackward(threeStageTree(), rule), minTotalMs);
        const same = normal.value.ok && backward.value.ok
            && [...normal.value.value].sort().join() === [...backward.value.value].sort().join();
        const row: TreeRow = {
            rule: rule.kind, strategies: count, enumerate_ms: enumerate.ms, normal_ms: normal.ms, backward_ms: backward.ms,
            ratio: backward.ms / normal.ms, agree: same,
        };
        console.log(`Tree, ${count} strategies, ${rule.kind}: enumerate ${enumerate.ms.toFixed(2)} ms, normal form ${normal.ms.toFixed(1)} ms, `
            + `backward induction ${backward.ms.toFixed(1)} ms (ratio ${row.ratio.toFixed(2)}), solutions ${same ? 'agree' : 'differ'}`);
        return row;
    });
    // What hover, lenses and the preview ask for: every rule's normal-form and backward-induction solutions.
    const summary = timed(() => analyseTree(threeStageTree()), minTotalMs);
    const agree = summary.value.ok && summary.value.value.results.every((r) => !r.differ);
    console.log(`Tree, ${count} strategies, every rule (hover summary): ${summary.ms.toFixed(1)} ms, solutions ${agree ? 'agree' : 'differ'}`);
    rows.push({ rule: 'summary', strategies: count, enumerate_ms: enumerate.ms, normal_ms: summary.ms, backward_ms: Number.NaN, ratio: Number.NaN,
        agree });
    return rows;
}
