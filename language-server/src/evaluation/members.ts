/**
 * Acts and DDT events as values (LANGUAGE §8.7): `D.d1` is the gamble of act d1 of decision D, `N.onebox`
 * the event E_onebox of DDT problem N, usable wherever a gamble (event) is; `T.s` (§9.2) the gamble of
 * strategy s of decision tree T.
 */
import { IssueCodes } from '../diagnostics/codes.js';
import { isAct, isDdtDeclaration, isDecisionDeclaration, isPoliciesClause, isPolicy, isTreeDeclaration, type MemberAccess } from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import type { EvalContext } from './context.js';
import { actPayoff, dependsOn, evaluateAs } from './expressions.js';
import { generatedPolicies } from './generated-policies.js';
import { closestName } from '../linking/edit-distance.js';
import { declaredSet } from './declarations.js';
import { strategyGamble } from './tree-queries.js';
import { errorValue, isError, type Value } from './values.js';

export function memberValue(ctx: EvalContext, node: MemberAccess): Value {
    const problem = targetOf(node.receiver?.ref);
    const memberName = node.member?.$refText ?? '';
    // The receiver or the member did not resolve: linking reported it, once.
    if (!problem) return errorValue(IssueCodes.Unresolved, `unknown name \`${node.receiver?.ref?.$refText ?? ''}\``, { reported: true });
    if (isTreeDeclaration(problem)) {
        // `T.s` (§9.2): the gamble of strategy s; linking checked the name against the tree's syntax.
        const linkerSilent = (node.member?.error as { silent?: boolean } | undefined)?.silent === true;
        if (node.member?.error && !linkerSilent) return errorValue(IssueCodes.Unresolved, `\`${memberName}\` is not a strategy`, { reported: true });
        const tree = ctx.host.declarationValue(problem, ctx);
        if (isError(tree)) return dependsOn(ctx, tree, problem, node);
        return tree.kind === 'tree' ? strategyGamble(ctx, tree, memberName, node) : errorValue(IssueCodes.Type, `${problem.name} is not a tree`, { reported: true });
    }
    if (!isDecisionDeclaration(problem) && !isDdtDeclaration(problem)) {
        return errorValue(IssueCodes.Type, `\`${node.receiver.ref.$refText}\` has no members`, { reported: true });
    }
    const set = declaredSet(ctx, problem);
    if (!set) return ctx.fail(IssueCodes.Type, `cannot tell which set ${problem.name} is on; add \`on <set>\``, { node });
    if ('kind' in set) return set;
    const member = targetOf(node.member);
    if (isDecisionDeclaration(problem)) {
        if (member?.$type !== 'Act') return errorValue(IssueCodes.Unresolved, `\`${memberName}\` is not an act of ${problem.name}`, { reported: true });
        return isAct(member) ? actPayoff(ctx, member, node, { kind: 'gamble', set }) : errorValue(IssueCodes.Unresolved,
            `\`${memberName}\` is not an act`, { reported: true });
    }
    if (isPolicy(member)) return evaluateAs(ctx, member.consistent, { kind: 'event', set });
    const clause = problem.clauses.find(isPoliciesClause);
    if (!clause?.from) return errorValue(IssueCodes.Unresolved, `\`${memberName}\` is not a policy of ${problem.name}`, { reported: true });
    const policies = generatedPolicies(ctx, problem, clause, set);
    if (isError(policies)) return dependsOn(ctx, policies, problem, node);
    const policy = policies.find((p) => p.name === memberName);
    if (!policy) {
        const best = closestName(memberName, policies.map((p) => p.name));
        return ctx.fail(IssueCodes.Unresolved,
            `\`${memberName}\` is not a policy of ${problem.name}; its policies are named by their actions in the order of the observations${best ? `; did you mean \`${best}\`?` : ''}`,
            { node, property: 'member' });
    }
    return { kind: 'event', set, members: policy.consistent };
}

