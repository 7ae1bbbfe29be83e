/**
 * Builtin calls: the query functions of LANGUAGE §4.1 and the constructors of §3.4–3.6. Each reads its
 * arguments with the kinds it needs (a literal argument lives on the set of the credal set or
 * distribution beside it) and calls the engine; engine failures are reported at the call.
 */
import { GrammarUtils, type AstNode } from 'langium';
import { isAMeasureLiteral, isBinaryExpression, isBraceLiteral, isKeyValue, isNameRef, type Call, type Expression } from '../generated/ast.js';
import { closestName } from '../linking/edit-distance.js';
import { targetOf } from '../linking/safe-ref.js';
import type { Outcome } from '../math/budget.js';
import * as credal from '../math/credal.js';
import { SCORING_RULES, type Rule } from '../math/decision.js';
import { Rational } from '../math/rational.js';
import { EvalContext, sourceText } from './context.js';
import { ANY, coerce, evaluate, evaluateAs, evaluateNumber, strongProduct, type Want } from './expressions.js';
import { factorIndexOf } from './finite-sets.js';
import {
    credalCall, generatorsCall, ibprobCall, ibupdateCall, infraHull, infraLowerE, infraMix, isCrispCall, kernelApplication, normalizeCall
} from './infra.js';
import { checkedDistribution, elementOf, hullOfItems } from './literals.js';
import { chooseIn, policyValueIn, scoreIn, solveDdtIn } from './problem-solvers.js';
import {
    isError,
    type CredalValue, type DdtValue, type DecisionValue, type DistributionValue, type ErrorValue, type EventValue,
    type FiniteSet, type GambleValue, type SetValue, type Value
} from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

type Builtin = (ctx: EvalContext, call: Call, want: Want) => Value;

const BUILTINS: Record<string, { arity: [number, number]; signature: string; run: Builtin }> = {
    P: { arity: [2, 2], signature: 'P(p, E)', run: (ctx, call) => distributionQuery(ctx, call, 'event') },
    E: { arity: [2, 2], signature: 'E(p, f)', run: (ctx, call) => distributionQuery(ctx, call, 'gamble') },
    lowerP: { arity: [2, 2], signature: 'lowerP(K, E)', run: (ctx, call) => boundQuery(ctx, call, 'event', credal.lowerE, true) },
    upperP: { arity: [2, 2], signature: 'upperP(K, E)', run: (ctx, call) => boundQuery(ctx, call, 'event', credal.upperE) },
    lowerE: { arity: [2, 2], signature: 'lowerE(K, f)', run: (ctx, call) => boundQuery(ctx, call, 'gamble', credal.lowerE, true) },
    upperE: { arity: [2, 2], signature: 'upperE(K, f)', run: (ctx, call) => boundQuery(ctx, call, 'gamble', credal.upperE) },
    interval: { arity: [2, 2], signature: 'interval(K, f) or interval(K, E)', run: intervalQuery },
    vertices: { arity: [1, 1], signature: 'vertices(K)', run: verticesQuery },
    tv: { arity: [2, 2], signature: 'tv(p, q)', run: tvQuery },
    isEmpty: { arity: [1, 1], signature: 'isEmpty(K)', run: (ctx, call) => booleanQuery(ctx, call, (K) => mapOutcome(credal.isEmpty(K, ctx.budget), (r) => r.empty), true) },
    isPrecise: { arity: [1, 1], signature: 'isPrecise(K)', run: (ctx, call) => booleanQuery(ctx, call, (K) => credal.isPrecise(K, ctx.budget)) },
    isVacuous: { arity: [1, 1], signature: 'isVacuous(K)', run: (ctx, call) => booleanQuery(ctx, call, (K) => credal.isVacuous(K, ctx.budget)) },
    contains: { arity: [2, 2], signature: 'contains(K, p)', run: containsQuery },
    subset: { arity: [2, 2], signature: 'subset(K1, K2)', run: subsetQuery },
    dim: { arity: [1, 1], signature: 'dim(K)', run: dimQuery },
    choose: { arity: [1, 2], signature: 'choose(D, rule) or choose(N)', run: chooseQuery },
    value: { arity: [2, 3], signature: 'value(D, act, rule) or value(N, policy)', run: valueQuery },
    hurwicz: { arity: [1, 1], signature: 'hurwicz(α)', run: hurwiczRule },
    hull: { arity: [1, Infinity], signature: 'hull{p, q, …} or hull(K1 ∪ K2)', run: hullConstructor },
    vacuous: { arity: [1, 1], signature: 'vacuous(A)', run: vacuousConstructor },
    contamination: { arity: [2, 2], signature: 'contamination(p0, ε)', run: (ctx, call, want) => ballConstructor(ctx, call, want, 'contamination') },
    tvball: { arity: [2, 2], signature: 'tvball(p0, δ)', run: (ctx, call, want) => ballConstructor(ctx, call, want, 'tvball') },
    mix: { arity: [1, Infinity], signature: 'mix(w1: p1, w2: p2, …)', run: mixConstructor },
    point: { arity: [1, 1], signature: 'point(x)', run: pointConstructor },
    compl: { arity: [1, 1], signature: 'compl(A)', run: complement },
    marginal: { arity: [2, 2], signature: 'marginal(K, X)', run: marginalConstructor },
    strong: { arity: [2, 2], signature: 'strong(K1, K2)', run: (ctx, call) => strongProduct(ctx, call.arguments[0], call.arguments[1], call) },
    ibupdate: { arity: [3, 3], signature: 'ibupdate(H, L, g)', run: ibupdateCall },
    ibprob: { arity: [3, 3], signature: 'ibprob(H, L, g)', run: ibprobCall },
    generators: { arity: [1, 1], signature: 'generators(H)', run: generatorsCall },
    isCrisp: { arity: [1, 1], signature: 'isCrisp(H)', run: isCrispCall },
    credal: { arity: [1, 1], signature: 'credal(H)', run: credalCall },
    normalize: { arity: [1, 1], signature: 'normalize(H)', run: normalizeCall },
};

export const BUILTIN_NAMES: readonly string[] = Object.keys(BUILTINS);

export function evaluateCall(ctx: EvalContext, call: Call, want: Want): Value {
    if (typeof call.callee !== 'string') return { kind: 'error', code: 'E-SYNTAX', message: 'missing function name', node: call, reported: true };
    const builtin = Object.hasOwn(BUILTINS, call.callee) ? BUILTINS[call.callee] : undefined;
    const kernel = builtin ? undefined : ctx.inference.kernelOf(call);
    if (kernel) return kernelApplication(ctx, call, kernel);
    if (!builtin) {
        const best = closestName(call.callee, BUILTIN_NAMES);
        const calleeRange = call.$cstNode ? GrammarUtils.findNodeForProperty(call.$cstNode, 'callee')?.range : undefined;
        return ctx.fail(IssueCodes.Unresolved, `unknown function \`${call.callee}\`${best ? `; did you mean \`${best}\`?` : ''}`, { node: call, property: 'callee' },
            { data: best && calleeRange ? { suggestion: best, replaceRange: calleeRange } : {} });
    }
    const count = call.arguments.length;
    const [min, max] = builtin.arity;
    if ((call.callee === 'P' || call.callee === 'E') && count === 1) {
        return ctx.fail(IssueCodes.Type, `${call.callee}(…) with one argument is the ${call.callee === 'P' ? 'probability' : 'expectation'} of the unknown distribution, meaningful only inside a constraint block; use ${builtin.signature}, or lower/upper bounds of a credal set`, { node: call });
    }
    if (count < min || count > max) {
        return ctx.fail(IssueCodes.Type, `${call.callee} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}: ${builtin.signature}; got ${count}`, { node: call, property: 'callee' });
    }
    return builtin.run(ctx, call, want);
}

// ---------------------------------------------------------------- argument readers

function argument(call: Call, i: number): Expression | undefined {
    return call.arguments[i] as Expression | undefined;
}

/** The set a call's arguments live on, judged from the first argument that can tell. */
function callSet(ctx: EvalContext, call: Call, want: Want): FiniteSet | undefined {
    return want.set ?? ctx.setOf(call) ?? ctx.contextSet(call);
}

/** A credal set argument (a distribution is its singleton set). */
function credalArgument(ctx: EvalContext, call: Call, i: number, set?: FiniteSet): CredalValue | ErrorValue {
    const node = argument(call, i);
    const value = evaluateAs(ctx, node, { kind: 'credal', set: set ?? (node ? ctx.setOf(node) : undefined) });
    return value as CredalValue | ErrorValue;
}

function distributionArgument(ctx: EvalContext, call: Call, i: number, set?: FiniteSet): DistributionValue | ErrorValue {
    const node = argument(call, i);
    return evaluateAs(ctx, node, { kind: 'distribution', set: set ?? (node ? ctx.setOf(node) ?? ctx.contextSet(node) : undefined) }) as DistributionValue | ErrorValue;
}

/** An engine outcome as a value, or an error at the call (an empty set blamed on the declaration it came from). */
function fromOutcome<T>(ctx: EvalContext, outcome: Outcome<T>, call: Call, make: (value: T) => Value, credalArg?: AstNode): Value {
    if (outcome.ok) return make(outcome.value);
    const error = outcome.error;
    if ((error.code === IssueCodes.Empty || error.code === IssueCodes.DdtEmpty) && credalArg && isNameRef(credalArg) && targetOf(credalArg.ref)) {
        const name = credalArg.ref.$refText;
        const what = error.code === IssueCodes.Empty ? 'which is empty (its assessments incur sure loss)' : 'whose belief rules out a policy';
        ctx.note('info', IssueCodes.DependsOnError, `depends on ${name}, ${what}`, { node: credalArg }, { dependsOn: name });
        return { kind: 'error', code: error.code, message: `depends on ${name}, ${what}`, node: call, reported: true, dependsOn: name };
    }
    return ctx.engineFailure(error, { node: call }, call.callee);
}

function mapOutcome<T, U>(outcome: Outcome<T>, f: (value: T) => U): Outcome<U> {
    return outcome.ok ? { ok: true, value: f(outcome.value) } : outcome;
}

const number = (value: Rational): Value => ({ kind: 'number', value });
const indicator = (e: EventValue): Rational[] => e.members.map((m) => (m ? Rational.ONE : Rational.ZERO));

// ---------------------------------------------------------------- queries

function distributionQuery(ctx: EvalContext, call: Call, second: 'event' | 'gamble'): Value {
    const first = evaluateAs(ctx, argument(call, 0), { kind: 'any', set: callSet(ctx, call, ANY) });
    if (isError(first)) return first;
    if (first.kind === 'credal') {
        const alt = second === 'event' ? 'lowerP(K, E) / upperP(K, E)' : 'lowerE(K, f) / upperE(K, f)';
        return ctx.fail(IssueCodes.Type, `${call.callee}(p, …) needs a distribution; for a credal set use ${alt}`, { node: argument(call, 0)! });
    }
    const p = coerce(ctx, first, { kind: 'distribution', set: callSet(ctx, call, ANY) }, argument(call, 0)!);
    if (isError(p)) return p;
    const dist = p as DistributionValue;
    const arg = evaluateAs(ctx, argument(call, 1), { kind: second, set: dist.set });
    if (isError(arg)) return arg;
    const f = second === 'event' ? indicator(arg as EventValue) : (arg as GambleValue).f;
    return number(Rational.dot(dist.p, f));
}

/** lowerE/upperE/lowerP/upperP; the lower ones also take an infradistribution (`infraToo`). */
function boundQuery(ctx: EvalContext, call: Call, second: 'event' | 'gamble', query: typeof credal.lowerE, infraToo = false): Value {
    const node = argument(call, 0);
    const want = { kind: 'credal' as const, set: callSet(ctx, call, ANY) ?? (node ? ctx.setOf(node) : undefined) };
    const raw = evaluate(ctx, node, want);
    if (infraToo && raw.kind === 'infra') return infraLowerE(ctx, raw, call, second);
    const K = (node ? coerce(ctx, raw, want, node) : raw) as CredalValue | ErrorValue;
    if (isError(K)) return K;
    const arg = evaluateAs(ctx, argument(call, 1), { kind: second, set: K.set });
    if (isError(arg)) return arg;
    const f = second === 'event' ? indicator(arg as EventValue) : (arg as GambleValue).f;
    return fromOutcome(ctx, query(K.credal, f, ctx.budget), call, number, argument(call, 0));
}

function intervalQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(K)) return K;
    const raw = evaluate(ctx, argument(call, 1), { kind: 'any', set: K.set });
    if (isError(raw)) return raw;
    const arg = raw.kind === 'event' ? raw : coerce(ctx, raw, { kind: 'gamble', set: K.set }, argument(call, 1)!);
    if (isError(arg)) return arg;
    const f = arg.kind === 'event' ? indicator(arg) : (arg as GambleValue).f;
    return fromOutcome(ctx, credal.interval(K.credal, f, ctx.budget), call, (i) => ({ kind: 'interval', lower: i.lower, upper: i.upper }), argument(call, 0));
}

function verticesQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    const r = credal.vertices(K.credal, ctx.budget);
    if (!r.ok && r.error.code === IssueCodes.Budget && (r.error.data as { reason?: string } | undefined)?.reason !== 'cancelled') {
        return ctx.fail(IssueCodes.Budget,
            `vertex enumeration of ${sourceText(argument(call, 0))} stopped: over budget (${r.error.message}); LP-based queries (lowerE, upperE, lowerP, upperP, interval, isEmpty, contains) still answer exactly`,
            { node: call }, { data: { reason: (r.error.data as { reason?: string } | undefined)?.reason } });
    }
    return fromOutcome(ctx, r, call, (points) => ({ kind: 'points', points, set: K.set }), argument(call, 0));
}

function tvQuery(ctx: EvalContext, call: Call): Value {
    const p = distributionArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(p)) return p;
    const q = distributionArgument(ctx, call, 1, p.set);
    if (isError(q)) return q;
    return fromOutcome(ctx, credal.tv(p.p, q.p), call, (r) => number(r.distance));
}

function booleanQuery(ctx: EvalContext, call: Call, query: (K: credal.CredalSet) => Outcome<boolean>, emptinessItself = false): Value {
    const K = credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    return fromOutcome(ctx, query(K.credal), call, (value) => ({ kind: 'boolean', value }), emptinessItself ? undefined : argument(call, 0));
}

function containsQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(K)) return K;
    const p = evaluateAs(ctx, argument(call, 1), { kind: 'distribution', set: K.set });
    if (isError(p)) return p;
    return fromOutcome(ctx, credal.contains(K.credal, (p as DistributionValue).p, ctx.budget), call, (value) => ({ kind: 'boolean', value }), argument(call, 0));
}

function subsetQuery(ctx: EvalContext, call: Call): Value {
    const K1 = credalArgument(ctx, call, 0, callSet(ctx, call, ANY));
    if (isError(K1)) return K1;
    const K2 = credalArgument(ctx, call, 1, K1.set);
    if (isError(K2)) return K2;
    return fromOutcome(ctx, credal.subset(K1.credal, K2.credal, ctx.budget), call, (value) => ({ kind: 'boolean', value }));
}

function dimQuery(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    return fromOutcome(ctx, credal.dim(K.credal, ctx.budget), call, (d) => number(Rational.of(d)), argument(call, 0));
}

function problemArgument(ctx: EvalContext, call: Call): DecisionValue | DdtValue | ErrorValue {
    const node = argument(call, 0);
    const value = evaluate(ctx, node, ANY);
    if (isError(value) || value.kind === 'decision' || value.kind === 'ddt') return value as DecisionValue | DdtValue | ErrorValue;
    return ctx.fail(IssueCodes.Type, `${call.callee}(…) needs a decision or DDT problem, got ${value.kind === 'credal' ? 'a credal set' : `\`${sourceText(node)}\``}`, { node: node ?? call });
}

function ruleArgument(ctx: EvalContext, node: AstNode | undefined): Rule | ErrorValue {
    const value = evaluate(ctx, node, ANY);
    if (isError(value)) return value;
    if (value.kind !== 'rule') {
        return ctx.fail(IssueCodes.Type, 'expected a decision rule: maximin, maximax, hurwicz(α), intervalDominance, maximality, eAdmissibility, minimaxRegret or admissibility', { node: node! });
    }
    return value.rule;
}

function chooseQuery(ctx: EvalContext, call: Call): Value {
    const problem = problemArgument(ctx, call);
    if (isError(problem)) return problem;
    if (problem.kind === 'ddt') {
        if (call.arguments.length > 1) {
            return ctx.fail(IssueCodes.Type, `${problem.name} is a DDT problem, which has its own rule: write choose(${problem.name})`, { node: argument(call, 1)! });
        }
        return fromOutcome(ctx, solveDdtIn(problem, ctx.budget), call, (r) => ({ kind: 'names', names: r.optimal }), argument(call, 0));
    }
    if (call.arguments.length < 2) return ctx.fail(IssueCodes.Type, `choose(${problem.name}, rule) needs a rule, e.g. choose(${problem.name}, maximin)`, { node: call });
    const rule = ruleArgument(ctx, argument(call, 1));
    if (isError(rule)) return rule;
    return fromOutcome(ctx, chooseIn(problem, rule, ctx.budget), call, (r) => ({ kind: 'names', names: r.chosen }), argument(call, 0));
}

function valueQuery(ctx: EvalContext, call: Call): Value {
    const problem = problemArgument(ctx, call);
    if (isError(problem)) return problem;
    const memberNode = argument(call, 1);
    const member = isNameRef(memberNode) ? memberNode.ref.$refText : sourceText(memberNode);
    if (isNameRef(memberNode) && !targetOf(memberNode.ref)) {
        return { kind: 'error', code: IssueCodes.Unresolved, message: `\`${member}\` is unknown`, node: memberNode, reported: true };
    }
    if (problem.kind === 'ddt') {
        if (call.arguments.length > 2) {
            return ctx.fail(IssueCodes.Type, `${problem.name} is a DDT problem: value(${problem.name}, policy) takes no rule`, { node: argument(call, 2)! });
        }
        return fromOutcome(ctx, policyValueIn(problem, member, ctx.budget), call, number, argument(call, 0));
    }
    if (call.arguments.length < 3) {
        return ctx.fail(IssueCodes.Type, `value(${problem.name}, ${member}, rule) needs a scoring rule: maximin, maximax, hurwicz(α) or minimaxRegret`, { node: call });
    }
    const rule = ruleArgument(ctx, argument(call, 2));
    if (isError(rule)) return rule;
    if (!SCORING_RULES.includes(rule.kind) && !problem.infra) {
        return ctx.fail(IssueCodes.Type, `${rule.kind} chooses a set of acts and gives no score; value(…) needs maximin, maximax, hurwicz(α) or minimaxRegret`, { node: argument(call, 2)! });
    }
    return fromOutcome(ctx, scoreIn(problem, member, rule, ctx.budget), call, number, argument(call, 0));
}

function hurwiczRule(ctx: EvalContext, call: Call): Value {
    const alpha = evaluateNumber(ctx, argument(call, 0));
    if (isError(alpha)) return alpha;
    if (alpha.sign() < 0 || alpha.gt(Rational.ONE)) {
        return ctx.fail(IssueCodes.ParamRange, `Hurwicz α = ${alpha} is outside [0, 1] (α is the weight of optimism)`, { node: argument(call, 0)! },
            { data: { parameter: 'alpha', value: String(alpha) } });
    }
    return { kind: 'rule', rule: { kind: 'hurwicz', alpha } };
}

// ---------------------------------------------------------------- constructors

function hullConstructor(ctx: EvalContext, call: Call, want: Want): Value {
    const set = want.set ?? ctx.setOf(call);
    const only = call.arguments[0];
    if (call.arguments.length === 1 && isBraceLiteral(only) && only.items.some(isAMeasureLiteral)) return infraHull(ctx, only.items, set, call);
    if (call.arguments.length === 1 && isBraceLiteral(only)) return hullOfItems(ctx, only.items, set, call, false);
    // `hull(K1 ∪ K2 ∪ …)`: the operands of the union, in order (iteratively: a union may be long).
    const items: AstNode[] = [];
    const pending: (AstNode | undefined)[] = [...call.arguments].reverse();
    while (pending.length > 0) {
        const node = pending.pop();
        if (isBinaryExpression(node) && node.op === '∪') pending.push(node.right, node.left);
        else if (node) items.push(node);
    }
    return hullOfItems(ctx, items, set, call, false);
}

function vacuousConstructor(ctx: EvalContext, call: Call, want: Want): Value {
    const set = callSet(ctx, call, want) ?? ctx.contextSet(argument(call, 0)!);
    const event = evaluateAs(ctx, argument(call, 0), { kind: 'event', set });
    if (isError(event)) return event;
    const e = event as EventValue;
    const r = credal.vacuous(e.set.size, e.members);
    if (!r.ok && r.error.code === IssueCodes.Empty) return ctx.fail(IssueCodes.Empty, 'vacuous(∅) is empty: the event must contain at least one element', { node: argument(call, 0)! });
    return r.ok ? { kind: 'credal', set: e.set, credal: r.value, origin: 'vacuous' } : ctx.engineFailure(r.error, { node: call });
}

function ballConstructor(ctx: EvalContext, call: Call, want: Want, which: 'contamination' | 'tvball'): Value {
    const p0 = distributionArgument(ctx, call, 0, callSet(ctx, call, want));
    if (isError(p0)) return p0;
    const radius = evaluateNumber(ctx, argument(call, 1));
    if (isError(radius)) return radius;
    if (radius.sign() < 0 || radius.gt(Rational.ONE)) {
        const symbol = which === 'contamination' ? 'ε' : 'δ';
        return ctx.fail(IssueCodes.ParamRange, `${symbol} = ${radius} is outside [0, 1]`, { node: argument(call, 1)! },
            { data: { parameter: which === 'contamination' ? 'epsilon' : 'delta', value: String(radius) } });
    }
    const r = which === 'contamination' ? credal.contamination(p0.p, radius) : credal.tvBall(p0.p, radius);
    if (!r.ok) return ctx.engineFailure(r.error, { node: call });
    for (const note of r.value.notes) {
        if (note.code === IssueCodes.Precise || note.code === IssueCodes.Vacuous) ctx.note('info', note.code, note.message, { node: argument(call, 1)! });
    }
    return { kind: 'credal', set: p0.set, credal: r.value, origin: which };
}

/**
 * `mix(w₁: x₁, …)`: one rule for every kind of part. Weights are read first (non-negative, summing to 1);
 * then the parts decide: an infradistribution among them (or wanted) gives the infra mixture, else
 * distributions mix into a distribution.
 */
function mixConstructor(ctx: EvalContext, call: Call, want: Want): Value {
    let set = callSet(ctx, call, want);
    const weights: Rational[] = [];
    const raw: Value[] = [];
    let failed: ErrorValue | undefined;
    for (const arg of call.arguments) {
        if (!isKeyValue(arg)) { failed ??= ctx.fail(IssueCodes.Type, 'mix takes weighted parts: mix(1/3: p, 2/3: q)', { node: arg }); continue; }
        const w = evaluateNumber(ctx, arg.key);
        const part = evaluate(ctx, arg.value, { kind: want.kind === 'infra' ? 'infra' : 'distribution', set: set ?? ctx.setOf(arg.value) });
        if (isError(w)) { failed ??= w; continue; }
        if (isError(part)) { failed ??= part; continue; }
        if (w.sign() < 0) { failed ??= ctx.fail(IssueCodes.DistNeg, `negative mixture weight ${w}`, { node: arg.key }); continue; }
        set ??= 'set' in part && part.kind !== 'set' ? part.set as FiniteSet | undefined : undefined;
        weights.push(w);
        raw.push(part);
    }
    if (failed) return failed;
    const infraMixture = want.kind === 'infra' || raw.some((part) => part.kind === 'infra');
    const parts: DistributionValue[] = [];
    if (!infraMixture) {
        for (const [i, part] of raw.entries()) {
            const node = (call.arguments[i] as { value?: AstNode }).value ?? call;
            const p = coerce(ctx, part, { kind: 'distribution', set }, node);
            if (isError(p)) failed ??= p; else parts.push(p as DistributionValue);
        }
        if (failed) return failed;
    }
    const sum = Rational.sum(weights);
    if (!sum.eq(Rational.ONE)) {
        const missing = Rational.ONE.sub(sum);
        return ctx.fail(IssueCodes.DistSum, `mixture weights sum to ${sum}; ${missing.sign() > 0 ? `${missing} missing` : `${missing.neg()} too much`}`, { node: call },
            { data: { sum: String(sum), missing: String(missing) } });
    }
    if (infraMixture) return infraMix(ctx, call, weights, raw, set);
    const target = set!;
    const p = Array.from({ length: target.size }, (_, i) => Rational.sum(parts.map((part, k) => weights[k]!.mul(part.p[i]!))));
    return checkedDistribution(ctx, p, target, () => undefined, call);
}

function pointConstructor(ctx: EvalContext, call: Call, want: Want): Value {
    const node = argument(call, 0)!;
    const set = want.set ?? ctx.contextSet(node) ?? ctx.setOf(node) ?? ctx.contextSet(call);
    if (!set) return ctx.unknownSet('cannot tell which set this element is from; add `on <set>` to the declaration', node);
    const index = elementOf(ctx, node, set);
    if (typeof index !== 'number') return index;
    return { kind: 'distribution', set, p: Array.from({ length: set.size }, (_, i) => (i === index ? Rational.ONE : Rational.ZERO)) };
}

function complement(ctx: EvalContext, call: Call, want: Want): Value {
    const event = evaluateAs(ctx, argument(call, 0), { kind: 'event', set: callSet(ctx, call, want) });
    if (isError(event)) return event;
    const e = event as EventValue;
    return { kind: 'event', set: e.set, members: e.members.map((m) => !m) };
}

function marginalConstructor(ctx: EvalContext, call: Call): Value {
    const K = credalArgument(ctx, call, 0);
    if (isError(K)) return K;
    const target = evaluate(ctx, argument(call, 1), ANY);
    if (isError(target)) return target;
    if (target.kind !== 'set') return ctx.fail(IssueCodes.Type, `marginal(K, X) needs a set X, got \`${sourceText(argument(call, 1))}\``, { node: argument(call, 1)! });
    const factors = (target as SetValue).set.shape.factors.map((f) => factorIndexOf(K.set, { ...(target as SetValue).set, shape: { factors: [f], label: f.label } }));
    if (factors.some((f) => f < 0)) {
        return ctx.fail(IssueCodes.Type, `${(target as SetValue).set.label} is not a factor of ${K.set.label}`, { node: argument(call, 1)! });
    }
    const sizes = K.set.factors.map((f) => f.length);
    const stride = (f: number): number => sizes.slice(f + 1).reduce((a, b) => a * b, 1);
    const map = Array.from({ length: K.set.size }, (_, index) =>
        factors.reduce((acc, f) => acc * sizes[f]! + (Math.floor(index / stride(f)) % sizes[f]!), 0));
    const r = credal.pushForward(K.credal, map, (target as SetValue).set.size);
    return r.ok ? { kind: 'credal', set: (target as SetValue).set, credal: r.value, origin: 'marginal' } : ctx.engineFailure(r.error, { node: call });
}
