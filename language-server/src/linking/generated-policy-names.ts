/**
 * The names of the policies `policies from Obs to Act` generates (LANGUAGE §8.8): each map Obs → Act,
 * named by its actions in the order of Obs, joined with `_`. Linking uses them to accept `{one_two}` and
 * `N.one_two`, which have no declaration to link to. Undefined when they cannot be listed here (a product
 * set, an unknown set, too many maps): the evaluator then checks the name itself.
 */
import { isPoliciesClause, type DdtDeclaration } from '../generated/ast.js';
import type { SetInference } from './set-inference.js';
import { elementNames } from './set-shape.js';

const MAX_NAMES = 4096;

export function generatedPolicyNames(problem: DdtDeclaration, inference: SetInference): string[] | undefined {
    const clause = problem.clauses.find(isPoliciesClause);
    if (!clause?.from) return undefined;
    const from = inference.shapeOf(clause.from);
    const to = inference.shapeOf(clause.to);
    if (!from || !to || from.factors.length !== 1 || to.factors.length !== 1) return undefined;
    const observations = elementNames(from.factors[0], MAX_NAMES + 1).length;
    const actions = elementNames(to.factors[0], MAX_NAMES + 1);
    if (actions.length ** observations > MAX_NAMES) return undefined;
    let names = [''];
    for (let o = 0; o < observations; o++) {
        names = names.flatMap(prefix => actions.map(action => (prefix ? `${prefix}_${action}` : action)));
    }
    return names;
}
