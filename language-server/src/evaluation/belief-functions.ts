/**
 * Version 1.1 constructors on credal sets (LANGUAGE §8.2–§8.4): `mix` of credal sets, `belief{A: m, …}`,
 * `dempster(B1, B2)`, `mobius(K, A)`, and `finite{…}`, which only a decision's belief may hold.
 */
import { IssueCodes } from '../diagnostics/codes.js';
import { isKeyValue, type BraceLiteral, type Call, type Expression } from '../generated/ast.js';
import * as credal from '../math/credal.js';
import { Rational } from '../math/rational.js';
import { sourceText, type EvalContext } from './context.js';
import { coerce, evaluate, evaluateAs, evaluateNumber, type Want } from './expressions.js';
import { checkedDistribution } from './literals.js';
import { isError, type CredalValue, type DistributionValue, type ErrorValue, type EventValue, type FiniteSet,
    type Value } from './values.js';

/** `mix(w1: p1, w2: K2, …)`: a distribution when every part is one, else the mixture Σ wᵢ Kᵢ of credal sets. */
export function mixture(ctx: EvalContext, call: Call, set: FiniteSet | undefined): Value {
    const weights: Rational[] = [];
    const parts: (DistributionValue | CredalValue)[] = [];
    let failed: ErrorValue | undefined;
    for (const arg of call.arguments) {
        if (!isKeyValue(arg)) { failed ??= ctx.fail(IssueCodes.Type, 'mix takes weighted parts: mix(1/3: p, 2/3: K)',
            { node: arg }); continue; }
        const w = evaluateNumber(ctx, arg.key);
        const raw = evaluate(ctx, arg.value, { kind: 'distribution', set: set ?? ctx.setOf(arg.value) });
        const part = raw.kind === 'credal' ? coerce(ctx, raw, { kind: 'credal', set }, arg.value) : coerce(ctx, raw,
            { kind: 'distribution', set: set ?? ctx.setOf(arg.value) }, arg.value);
        if (isError(w)) { failed ??= w; continue; }
        if (isError(part)) { failed ??= part; continue; }
        if (w.sign() < 0) { failed ??= ctx.fail(IssueCodes.DistNeg, `negative mixture weight ${w}`, { node: arg.key }); continue; }
        const typed = part as DistributionValue | CredalValue;
        set ??= typed.set;
        weights.push(w);
        parts.push(typed);
    }
    if (failed) return failed;
    const sum = Rational.sum(weights);
    if (!sum.eq(Rational.ONE)) {
        const missing = Rational.ONE.sub(sum);
        return ctx.fail(IssueCodes.DistSum,
            `mixture weights sum to ${sum}; ${missing.sign() > 0 ? `${missing} missing` : `${missing.neg()} too much`}`, { node: call },
            { data: { sum: String(sum), missing: String(missing) } });
    }
    const target = set!;
    if (parts.every((p) => p.kind === 'distribution')) {
        const p = Array.from({ length: target.size }, (_, i) => Rational.sum(parts.map((part,
            k) => weights[k]!.mul((part as DistributionValue).p[i]!))));
        return checkedDistribution(ctx, p, target, () => undefined, call);
    }
    const sets: credal.CredalSet[] = [];
    for (const part of parts) {
        if (part.kind === 'credal') { sets.push(part.credal); continue; }
        const r = credal.precise(part.p);
        if (!r.ok) return ctx.engineFailure(r.error, { node: call });
        sets.push(r.value);
    }
    const r = credal.mixture(sets, weights);
    return r.ok ? { kind: 'credal', set: target, credal: r.value, origin: 'mixture' } : ctx.engineFailure(r.error, { node: call });
}

/** `belief{ {a}: 3/10, {a, b}: 1/2, all: 1/5 }`: Möbius masses on focal events. */
export function beliefLiteral(ctx: EvalContext, call: Call, set: FiniteSet | undefined): Value {
    const brace = call.arguments[0] as BraceLiteral | undefined;
    if (!set) return ctx.unknownSet('cannot tell which set this belief function is on; add `on <set>` to the declaration', call);
    const focal: credal.Focal[] = [];
    let failed: ErrorValue | undefined;
    for (const item of brace?.items ?? []) {
        if (!isKeyValue(item)) { failed ??= ctx.fail(IssueCodes.Type,
            'a belief function lists `event: mass`, e.g. belief{ {a}: 1/2, all: 1/2 }', { node: item }); continue; }
        const event = evaluateAs(ctx, item.key, { kind: 'event', set });
        const mass = evaluateNumber(ctx, item.value);
        if (isError(event)) { failed ??= event; continue; }
        if (isError(mass)) { failed ??= mass; continue; }
        const members = (event as EventValue).members;
        if (mass.sign() < 0) { failed ??= ctx.fail(IssueCodes.DistNeg, `negative mass ${mass} on ${sourceText(item.key)}`,
            { node: item.value! }); continue; }
        if (!members.some((m) => m) && !mass.isZero()) {
            failed ??= ctx.fail(IssueCodes.Type,
                `the empty event cannot carry mass (${mass}): a belief function's masses sit on non-empty focal events`,
                    { node: item.key! });
            continue;
        }
        focal.push({ event: [...members], mass });
    }
    if (failed) return failed;
    const sum = Rational.sum(focal.map((f) => f.mass));
    if (!sum.eq(Rational.ONE)) {
        const missing = Rational.ONE.sub(sum);
        return ctx.fail(IssueCodes.DistSum,
            `masses sum to ${sum}; ${missing.sign() > 0 ? `${missing} missing` : `${missing.neg()} too much`}`, { node: call },
            { data: { sum: String(sum), missing: String(missing) } });
    }
    const r = credal.beliefFunction(set.size, focal);
    return r.ok ? { kind: 'credal', set, credal: r.value, origin: 'belief' } : ctx.engineFailure(r.error, { node: call });
}

/** `dempster(B1, B2)`: Dempster's rule; E-DEMPSTER-CONFLICT under total conflict. */
export function dempsterCall(ctx: EvalContext, call: Call, want: Want): Value {
    const first = evaluateAs(ctx, call.arguments[0], { kind: 'credal', set: want.set ?? ctx.setOf(call.arguments[0]) });
    if (isError(first)) return first;
    const a = first as CredalValue;
    const second = evaluateAs(ctx, call.arguments[1], { kind: 'credal', set: a.set });
    if (isError(second)) return second;
    for (const [node, value] of [[call.arguments[0], a], [call.arguments[1], second as CredalValue]] as const) {
        if (!credal.beliefMasses(value.credal)) {
            return ctx.fail(IssueCodes.Type,
                `dempster(…) combines belief functions: \`${sourceText(node)}\` is not one; write it as belief{ event: mass, … }`,
                    { node: node! });
        }
    }
    const r = credal.dempsterCombination(a.credal, (second as CredalValue).credal, ctx.budget);
    if (!r.ok && r.error.code === IssueCodes.DempsterConflict) {
        return ctx.fail(IssueCodes.DempsterConflict,
            `${sourceText(call.arguments[0])} and ${sourceText(call.arguments[1])} conflict totally: every pair of focal events is disjoint (conflict 1), so Dempster's normalisation 1/(1 − conflict) is undefined`,
            { node: call });
    }
    return r.ok ? { kind: 'credal', set: a.set, credal: r.value.set, origin: 'dempster', conflict: r.value.conflict }
        : ctx.engineFailure(r.error, { node: call });
}

/** `mobius(K, A)`: the Möbius value of K's lower probability at A. */
export function mobiusCall(ctx: EvalContext, call: Call, want: Want): Value {
    const K = evaluateAs(ctx, call.arguments[0], { kind: 'credal', set: want.set ?? ctx.setOf(call.arguments[0]) });
    if (isError(K)) return K;
    const event = evaluateAs(ctx, call.arguments[1], { kind: 'event', set: (K as CredalValue).set });
    if (isError(event)) return event;
    const r = credal.mobius((K as CredalValue).credal, (event as EventValue).members, ctx.budget);
    return r.ok ? { kind: 'number', value: r.value } : ctx.engineFailure(r.error, { node: call }, 'mobius');
}

/** `finite{…}` outside a decision's belief: not convex (§8.4). */
export function finiteOutsideDecision(ctx: EvalContext, call: Call): ErrorValue {
    const inner = sourceText(call.arguments[0]).trim();
    const replacement = `hull${inner}`;
    return ctx.fail(IssueCodes.NonConvex,
        `finite{…} is a finite, non-convex set of distributions, allowed only as a decision's belief (E-admissibility over the listed distributions); as a credal set write ${replacement}`,
        { node: call }, { data: { replacement, replaceRange: call.$cstNode?.range } });
}

/** The listed distributions of `belief finite{p1, p2, …}` and their hull. */
export function finiteBelief(ctx: EvalContext, call: Call,
    set: FiniteSet): { hull: CredalValue; points: readonly (readonly Rational[])[] } | ErrorValue {
    const items = (call.arguments[0] as BraceLiteral | undefined)?.items ?? [];
    if (items.length === 0) return ctx.fail(IssueCodes.Type, 'finite{…} needs at least one distribution', { node: call });
    const points: Rational[][] = [];
    let failed: ErrorValue | undefined;
    for (const item of items) {
        const p = evaluateAs(ctx, item as Expression, { kind: 'distribution', set });
        if (isError(p)) failed ??= p; else points.push([...(p as DistributionValue).p]);
    }
    if (failed) return failed;
    const r = credal.hull(points);
    if (!r.ok) return ctx.engineFailure(r.error, { node: call });
    return { hull: { kind: 'credal', set, credal: r.value, origin: 'finite' }, points };
}
