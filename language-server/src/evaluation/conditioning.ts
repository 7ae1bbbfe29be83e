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
import type { AstNode } from 'langium';
import { isBinaryExpression, isCall, isNameRef, type BinaryExpression, type Call, type Expression } from '../generated/ast.js';
import { Budget, type Outcome } from '../math/budget.js';
import * as credal from '../math/credal.js';
import type { CredalSet } from '../math/credal-set.js';
import type { Rational } from '../math/rational.js';
import { sourceText, type EvalContext } from './context.js';
import { coerce, evaluate, evaluateAs, type Want } from './expressions.js';
import { type IssueCost } from './issues.js';
import { CONVENTION_WORDS, conditioningConvention, conventionOrigin, type ConventionSource } from './conventions.js';
import { closestName } from '../linking/edit-distance.js';
import { orList } from '../syntax/parser-messages.js';
import type { ZeroConditioningSetting } from './settings.js';
import { errorValue, isError, type CredalValue, type EventValue, type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** The W-ZERO-COND explanation: the convention in force, where it comes from, and how to pick the other one. */
function zeroCondConvention(rule: ZeroConditioningSetting, from: ConventionSource | 'argument'): string {
    const other = rule === 'regular' ? 'natural' : 'regular';
    const what = rule === 'regular'
        ? 'the regular extension (only distributions that give it positive probability)'
        : 'the natural extension (vacuous on the event: a lower expectation is the minimum over it)';
    const change = from === 'argument' ? `\`condition(K, B, ${other})\` gives the other rule`
        : `\`conventions { conditioning ${other} }\` or \`condition(K, B, ${other})\` chooses the other rule`;
    return `conditioning uses ${what}, ${conventionOrigin('conditioning', from)}; ${change}`;
}

/** What conditioning may spend on a keystroke when no closed form answers P̲(B), P̄(B). */
const TYPING_CONDITIONING_STEPS = 50;
const TYPING_CONDITIONING_MS = 25;

/** `A | B` as the argument of `P(…)` / `E[…]`: a conditional, legal only in a constraint block (§8.1). */
export function isConditionalArgument(node: AstNode | undefined): boolean {
    return isBinaryExpression(node) && node.op === '|';
}

/** E-TYPE for a conditioning bar inside P(…) / E[…] outside a constraint block: what to write instead. */
export function conditionalOutsideBlock(head: 'P' | 'E', argument: BinaryExpression): string {
    const a = sourceText(argument.left).trim(), b = sourceText(argument.right).trim();
    const written = head === 'P' ? `P(${a} | ${b})` : `E[${a} | ${b}]`;
    const query = head === 'P' ? `lowerP(K | ${b}, ${a}) / upperP(K | ${b}, ${a})` : `lowerE(K | ${b}, ${a}) / upperE(K | ${b}, ${a})`;
    return `${written} is a conditional assessment, meaningful only inside a constraint block \`{ … }\`; `
        + `to ask a credal set K, condition it first: ${query}, where K | ${b} conditions K on ${b}`;
}

export function conditioning(ctx: EvalContext, node: BinaryExpression, want: Want): Value {
    return conditionedBy(ctx, node, node.left, node.right, want, conditioningConvention(node, ctx.settings));
}

/** `condition(K, B, regular|natural)` (§8.5): conditioning with the rule given in the call. */
export function conditionCall(ctx: EvalContext, call: Call, want: Want): Value {
    const ruleNode = call.arguments[2];
    const word = isNameRef(ruleNode) ? ruleNode.ref.$refText : sourceText(ruleNode).trim();
    const rules: readonly string[] = CONVENTION_WORDS.conditioning;
    if (!rules.includes(word)) {
        const suggestion = closestName(word, rules);
        return ctx.fail(IssueCodes.Type, `the rule of condition(K, B, rule) is ${orList(rules)}, got \`${word}\``
            + (suggestion ? `; did you mean \`${suggestion}\`?` : ''), { node: ruleNode ?? call }, { data: suggestion ? { suggestion } : undefined });
    }
    return conditionedBy(ctx, call, call.arguments[0], call.arguments[1], want, { value: word as ZeroConditioningSetting, from: 'argument' });
}

function conditionedBy(ctx: EvalContext, node: BinaryExpression | Call, leftNode: Expression | undefined,
    rightNode: Expression | undefined, want: Want,
    rule: { value: ZeroConditioningSetting; from: ConventionSource | 'argument' }): Value {
    const parts: Parts = { node, left: leftNode, right: rightNode, rule };
    const left = evaluate(ctx, leftNode, { kind: want.kind === 'credal' ? 'credal' : 'any', set: want.set });
    if (!isError(left) && (left.kind === 'event' || left.kind === 'gamble')) {
        const a = sourceText(leftNode).trim(), b = sourceText(rightNode).trim();
        const query = left.kind === 'event' ? `lowerP(K | ${b}, ${a})` : `lowerE(K | ${b}, ${a})`;
        return ctx.fail(IssueCodes.Type,
            `\`${a} | ${b}\` conditions ${left.kind === 'event' ? 'an event' : 'a gamble'}: a conditioning bar belongs in a `
            + `constraint block (P(${a} | ${b}) >= …) or after a credal set: write ${query}, where K | ${b} conditions K on ${b}`,
            { node: leftNode ?? node });
    }
    const base = leftNode ? coerce(ctx, left, { kind: 'credal', set: want.set }, leftNode) : left;
    if (isError(base)) return base;
    const K = base as CredalValue;
    const event = evaluateAs(ctx, rightNode, { kind: 'event', set: K.set });
    if (isError(event)) return event;
    const members = (event as EventValue).members;
    if (hasClosedFormBounds(K.credal)) return conditioned(ctx, parts, K, credal.condition(K.credal, members, { rule: rule.value,
        budget: ctx.budget }), undefined);
    ctx.beyondTypingBound();
    if (!ctx.deferCostly) return conditioned(ctx, parts, K, credal.condition(K.credal, members, { rule: rule.value, budget: ctx.budget }),
        'expensive');
    const bounded = new Budget({ maxSteps: TYPING_CONDITIONING_STEPS, timeMs: TYPING_CONDITIONING_MS, isCancelled: ctx.isCancelled });
    const quick = credal.condition(K.credal, members, { rule: rule.value, budget: bounded });
    if (quick.ok || !overTypingBound(quick)) return conditioned(ctx, parts, K, quick, 'expensive');
    ctx.uncacheable = true;
    return errorValue(IssueCodes.Deferred, 'conditioning needs an LP: computed on save', { reported: true });
}

/**
 * Whether the engine's lower/upper expectation of K takes a closed form (no LP, no vertex enumeration
 * beyond a closed-form construction). Mirrors the routes of math/credal-compute.ts `lowerE`. Decided
 * by the structure alone, never by caches, so every pass classifies the same conditioning the same way.
 */
export function hasClosedFormBounds(K: CredalSet): boolean {
    const s = K.structure;
    switch (s.kind) {
        case 'precise': case 'vacuous': case 'hull': case 'intervals': case 'contamination': case 'tvball': case 'belief':
            return true;
        case 'mixture':
            return s.parts.every(hasClosedFormBounds);
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
interface Parts {
    readonly node: BinaryExpression | Call;
    readonly left: Expression | undefined;
    readonly right: Expression | undefined;
    readonly rule: { value: ZeroConditioningSetting; from: ConventionSource | 'argument' };
}

function conditioned(ctx: EvalContext, parts: Parts, K: CredalValue, r: Outcome<CredalSet>, cost: IssueCost | undefined): Value {
    const where = isCall(parts.node) ? { node: parts.node, property: 'callee' } : { node: parts.node, property: 'op' };
    if (!r.ok) {
        if (r.error.code === IssueCodes.CondNull) {
            return ctx.fail(IssueCodes.CondNull,
                `cannot condition on ${sourceText(parts.right)}: its upper probability under ${sourceText(parts.left)} is 0`,
                    { node: parts.right ?? parts.node }, { cost });
        }
        return ctx.engineFailure(r.error, { node: parts.node }, undefined, cost);
    }
    let zero = false;
    for (const note of r.value.notes) {
        if (note.code === IssueCodes.ZeroCond) {
            zero = true;
            const data = note.data as { upperP: Rational; rule: ZeroConditioningSetting };
            ctx.note('warning', IssueCodes.ZeroCond,
                `${sourceText(parts.right)} has lower probability 0 (upper ${data.upperP}) under ${sourceText(parts.left)}: ${zeroCondConvention(data.rule, parts.rule.from)}`,
                where, { upperP: String(data.upperP), rule: data.rule, from: parts.rule.from }, undefined, cost);
        }
    }
    return { kind: 'credal', set: K.set, credal: r.value, origin: 'conditioned', ...(zero ? { convention: parts.rule } : {}) };
}
