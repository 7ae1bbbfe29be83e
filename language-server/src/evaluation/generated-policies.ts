/**
 * `policies from Obs to Act` with `behaviour { e: {o: a, …}, … }` (LANGUAGE §8.8, SEMANTICS §B.2): every
 * map π : Obs → Act is a policy, named by its actions in the order of Obs joined with `_`, and
 * E_π = {e : π(o) = a for every (o: a) in beh(e)}; an outcome without an entry is consistent with every π.
 */
import { IssueCodes } from '../diagnostics/codes.js';
import { isBraceLiteral, isKeyValue, type BehaviourClause, type DdtDeclaration, type PoliciesClause } from '../generated/ast.js';
import { isBehaviourClause } from '../generated/ast.js';
import type { EvalContext } from './context.js';
import { elementOf } from './literals.js';
import { elementLabel, isError, type ErrorValue, type FiniteSet } from './values.js';

/** More policies than this are not enumerated (|Act|^|Obs| grows fast). */
const MAX_GENERATED_POLICIES = 4096;

interface GeneratedPolicy {
    readonly name: string;
    readonly consistent: boolean[];
}

/** The (observation index, action index) facts of each outcome, or undefined for "no entry". */
type Behaviour = (readonly (readonly [number, number])[] | undefined)[];

export function generatedPolicies(ctx: EvalContext, node: DdtDeclaration, clause: PoliciesClause,
    outcomes: FiniteSet): GeneratedPolicy[] | ErrorValue {
    const observations = setOfClause(ctx, clause, 'from');
    if (isError(observations)) return observations;
    const actions = setOfClause(ctx, clause, 'to');
    if (isError(actions)) return actions;
    const count = actions.size ** observations.size;
    if (!Number.isFinite(count) || count > MAX_GENERATED_POLICIES) {
        return ctx.fail(IssueCodes.Budget,
            `policies from ${observations.label} to ${actions.label} would be ${actions.size}^${observations.size} maps; at most ${MAX_GENERATED_POLICIES} are generated`,
            { node: clause });
    }
    const behaviour = readBehaviour(ctx, node.clauses.find(isBehaviourClause), outcomes, observations, actions);
    if (isError(behaviour)) return behaviour;
    const policies: GeneratedPolicy[] = [];
    for (let k = 0; k < count; k++) {
        // Digits of k in base |Act|, the first observation most significant: names sort like the table of maps.
        const map = Array.from({ length: observations.size }, (_,
            o) => Math.floor(k / actions.size ** (observations.size - 1 - o)) % actions.size);
        const name = map.map((a) => elementLabel(actions, a)).join('_');
        const consistent = behaviour.map((facts) => !facts || facts.every(([o, a]) => map[o] === a));
        policies.push({ name, consistent });
    }
    return policies;
}

function setOfClause(ctx: EvalContext, clause: PoliciesClause, which: 'from' | 'to'): FiniteSet | ErrorValue {
    const shape = ctx.inference.shapeOf(clause[which]);
    if (!shape) return ctx.fail(IssueCodes.Type, `\`policies from Obs to Act\` needs two declared sets`, { node: clause, property: which });
    return ctx.finiteSet(shape, { node: clause, property: which });
}

function readBehaviour(ctx: EvalContext, clause: BehaviourClause | undefined, outcomes: FiniteSet, observations: FiniteSet,
    actions: FiniteSet): Behaviour | ErrorValue {
    const behaviour: Behaviour = new Array(outcomes.size).fill(undefined);
    if (!clause?.entries) return behaviour;
    let failed: ErrorValue | undefined;
    for (const item of clause.entries.items) {
        if (!isKeyValue(item) || !isBraceLiteral(item.value)) {
            failed ??= ctx.fail(IssueCodes.Type, 'a behaviour entry is `outcome: {observation: action, …}`', { node: item });
            continue;
        }
        const e = elementOf(ctx, item.key, outcomes);
        if (isError(e)) { failed ??= e; continue; }
        const facts: (readonly [number, number])[] = [...(behaviour[e] ?? [])];
        for (const fact of item.value.items) {
            if (!isKeyValue(fact)) {
                failed ??= ctx.fail(IssueCodes.Type, 'a behaviour fact is `observation: action`', { node: fact });
                continue;
            }
            const o = elementOf(ctx, fact.key, observations);
            const a = elementOf(ctx, fact.value, actions);
            if (isError(o)) { failed ??= o; continue; }
            if (isError(a)) { failed ??= a; continue; }
            facts.push([o, a]);
        }
        behaviour[e] = facts;
    }
    return failed ?? behaviour;
}
