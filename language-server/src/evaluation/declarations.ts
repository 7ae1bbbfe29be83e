/**
 * The value of each declaration kind. The set a declaration lives on comes from its `on` clause or, when
 * absent, from linking's set inference; the value must then live on that set (E-TYPE otherwise).
 */
import type { AstNode } from 'langium';
import {
    isCredalDeclaration, isDdtDeclaration, isDecisionDeclaration, isDistDeclaration, isEventDeclaration,
    isGambleDeclaration, isInfraDeclaration, isKernelDeclaration, isLetDeclaration, isSetDeclaration, isTreeDeclaration,
    type CredalDeclaration, type DistDeclaration, type InfraDeclaration, type EventDeclaration, type GambleDeclaration, type SetDeclaration
} from '../generated/ast.js';
import type { EvalContext } from './context.js';
import { evaluateAs, type Want, type WantKind } from './expressions.js';
import { infraDeclaration, kernelDeclaration } from './infra.js';
import { evaluateDdt, evaluateDecision } from './problems.js';
import { evaluateTree } from './trees.js';
import { errorValue, isError, type FiniteSet, type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** Declarations that have a value of their own (Eval is a statement, see claims.ts). */
export function isEvaluatedDeclaration(node: AstNode): boolean {
    return isLetDeclaration(node) || isSetDeclaration(node) || isEventDeclaration(node) || isDistDeclaration(node)
        || isGambleDeclaration(node) || isCredalDeclaration(node) || isDecisionDeclaration(node) || isDdtDeclaration(node)
        || isTreeDeclaration(node) || isInfraDeclaration(node) || isKernelDeclaration(node);
}

export function evaluateDeclaration(ctx: EvalContext, node: AstNode): Value {
    if (isLetDeclaration(node)) return evaluateAs(ctx, node.value, { kind: 'number' });
    if (isSetDeclaration(node)) return setValue(ctx, node);
    if (isEventDeclaration(node)) return valueOn(ctx, node, 'event');
    if (isDistDeclaration(node)) return valueOn(ctx, node, 'distribution');
    if (isGambleDeclaration(node)) return valueOn(ctx, node, 'gamble');
    if (isCredalDeclaration(node)) return valueOn(ctx, node, 'credal');
    if (isDecisionDeclaration(node)) return evaluateDecision(ctx, node);
    if (isDdtDeclaration(node)) return evaluateDdt(ctx, node);
    if (isTreeDeclaration(node)) return evaluateTree(ctx, node);
    if (isInfraDeclaration(node)) return infraDeclaration(ctx, node);
    if (isKernelDeclaration(node)) return kernelDeclaration(ctx, node);
    return errorValue(IssueCodes.Type, `${node.$type} has no value`, { reported: true });
}

function setValue(ctx: EvalContext, node: SetDeclaration): Value {
    const shape = ctx.inference.setOf(node);
    // Empty sets, duplicates and unknown factors are reported by the linking validator.
    if (!shape) return errorValue(IssueCodes.SetEmpty, `${node.name} is not a valid set`, { reported: true });
    const set = ctx.finiteSet(shape, { node, property: 'name' });
    return isError(set) ? set : { kind: 'set', set };
}

type WithOn = EventDeclaration | DistDeclaration | GambleDeclaration | CredalDeclaration | InfraDeclaration;

/** The declared (`on X`) or inferred set of a declaration, or an error when `on` names no usable set. */
export function declaredSet(ctx: EvalContext,
    node: AstNode & { on?: WithOn['on'] }): FiniteSet | undefined | ReturnType<typeof errorValue> {
    if (node.on) {
        const shape = ctx.inference.shapeOf(node.on);
        if (!shape) return errorValue(IssueCodes.Type, 'unknown set', { reported: true });
        return ctx.finiteSet(shape, { node: node.on });
    }
    return ctx.setOf(node);
}

function valueOn(ctx: EvalContext, node: WithOn, kind: WantKind): Value {
    const set = declaredSet(ctx, node);
    if (set && 'kind' in set) return set;
    const want: Want = { kind, set };
    return evaluateAs(ctx, node.value, want);
}
