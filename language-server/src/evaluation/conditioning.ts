/**
 * `K | B` (SEMANTICS §A.4.12). Conditioning needs the lower and upper probability of B under K, which
 * for some constructions is an LP, and declarations are evaluated on every keystroke. So:
 *
 * - Where the engine answers P̲(B) and P̄(B) in closed form (precise, vacuous, a hull of listed
 *   distributions, probability intervals, ε-contamination, a TV ball, and what is built from those
 *   without an LP), conditioning is computed at once and W-ZERO-COND / E-COND-NULL are cheap issues.
 * - Otherwise its check belongs to the save: W-ZERO-COND / E-COND-NULL (and whatever the rest of the
 *   declaration, or a declaration using it, reports) are expensive issues, whatever the machine's
 *   speed. While typing, a tightly bounded attempt (TYPING_CONDITIONING_STEPS pivots, a few ms) only
 *   decides whether the value is there yet; beyond it the value is deferred (silent, not cached), so
 *   typing never waits for the LP. Any other request (save, CLI, hover) computes it in full.
 */
import type { BinaryExpression } from '../generated/ast.js';
import { Budget, type Outcome } from '../math/budget.js';
import * as credal from '../math/credal.js';
import type { CredalSet } from '../math/credal-set.js';
import type { Rational } from '../math/rational.js';
import { sourceText, type EvalContext } from './context.js';
import { evaluateAs, type Want } from './expressions.js';
import { type IssueCost } from './issues.js';
import { SETTING_NAMES, type ZeroConditioningSetting } from './settings.js';
import { errorValue, isError, type CredalValue, type EventValue, type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** The W-ZERO-COND explanation: the convention in force and how to pick the other one. */
const ZERO_COND_CONVENTION: Record<ZeroConditioningSetting, string> = {
    regular: `conditioning uses the regular extension (only distributions that give it positive probability); setting \`${SETTING_NAMES.zeroConditioning}\` (CLI \`--zero-conditioning\`) can choose \`natural\` instead`,
    natural: `conditioning uses the natural extension (vacuous on the event: a lower expectation is the minimum over it); setting \`${SETTING_NAMES.zeroConditioning}\` (CLI \`--zero-conditioning\`) can choose \`regular\` instead`
};

/** What conditioning may spend on a keystroke when no closed form answers P̲(B), P̄(B). */
export const TYPING_CONDITIONING_STEPS = 50;
export const TYPING_CONDITIONING_MS = 25;

export function conditioning(ctx: EvalContext, node: BinaryExpression, want: Want): Value {
    const base = evaluateAs(ctx, node.left, { kind: 'credal', set: want.set });
    if (isError(base)) return base;
    const K = base as CredalValue;
    const event = evaluateAs(ctx, node.right, { kind: 'event', set: K.set });
    if (isError(event)) return event;
    const members = (event as EventValue).members;
    if (hasClosedFormBounds(K.credal)) return conditioned(ctx, node, K, credal.condition(K.credal, members, { rule: ctx.settings.zeroConditioning, budget: ctx.budget }), undefined);
    ctx.beyondTypingBound();
    if (!ctx.deferCostly) return conditioned(ctx, node, K, credal.condition(K.credal, members, { rule: ctx.settings.zeroConditioning, budget: ctx.budget }), 'expensive');
    const bounded = new Budget({ maxSteps: TYPING_CONDITIONING_STEPS, timeMs: TYPING_CONDITIONING_MS, isCancelled: ctx.isCancelled });
    const quick = credal.condition(K.credal, members, { rule: ctx.settings.zeroConditioning, budget: bounded });
    if (quick.ok || !overTypingBound(quick)) return conditioned(ctx, node, K, quick, 'expensive');
    ctx.uncacheable = true;
    return errorValue(IssueCodes.Deferred, 'conditioning needs an LP: computed on save', { node, reported: true });
}

/**
 * Whether the engine's lower/upper expectation of K takes a closed form (no LP, no vertex enumeration
 * beyond a closed-form construction). Mirrors the routes of math/credal-compute.ts `lowerE`. Decided
 * by the structure alone, never by caches, so every pass classifies the same conditioning the same way.
 */
export function hasClosedFormBounds(K: CredalSet): boolean {
    const s = K.structure;
    switch (s.kind) {
        case 'precise': case 'vacuous': case 'hull': case 'intervals': case 'contamination': case 'tvball':
            return true;
        case 'pushforward':
            return hasClosedFormBounds(s.base);
        case 'hullUnion':
            return s.parts.every(hasClosedFormBounds);
        case 'conditioned':
            return s.base.structure.kind === 'contamination';
        default:
            return false;
    }
}

/** Stopped by the typing bound (steps or time), not by cancellation or a real error. */
function overTypingBound(outcome: Outcome<unknown>): boolean {
    if (outcome.ok || outcome.error.code !== IssueCodes.Budget) return false;
    const reason = (outcome.error.data as { reason?: string } | undefined)?.reason;
    return reason === 'steps' || reason === 'time';
}

/**
 * The conditioned value, or E-COND-NULL; W-ZERO-COND when B may have probability 0. `cost`: forced
 * 'expensive' beyond the typing bound, else the computation's own.
 */
function conditioned(ctx: EvalContext, node: BinaryExpression, K: CredalValue, r: Outcome<CredalSet>, cost: IssueCost | undefined): Value {
    if (!r.ok) {
        if (r.error.code === IssueCodes.CondNull) {
            return ctx.fail(IssueCodes.CondNull, `cannot condition on ${sourceText(node.right)}: its upper probability under ${sourceText(node.left)} is 0`, { node: node.right }, { cost });
        }
        return ctx.engineFailure(r.error, { node }, undefined, cost);
    }
    for (const note of r.value.notes) {
        if (note.code === IssueCodes.ZeroCond) {
            const data = note.data as { upperP: Rational; rule: ZeroConditioningSetting };
            ctx.note('warning', IssueCodes.ZeroCond,
                `${sourceText(node.right)} has lower probability 0 (upper ${data.upperP}) under ${sourceText(node.left)}: ${ZERO_COND_CONVENTION[data.rule]}`,
                { node, property: 'op' }, { upperP: String(data.upperP), rule: data.rule }, undefined, cost);
        }
    }
    return { kind: 'credal', set: K.set, credal: r.value, origin: 'conditioned' };
}
