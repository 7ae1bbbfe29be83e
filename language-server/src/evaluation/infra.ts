/**
 * Version 2 values (LANGUAGE §7): a-measure literals, `hull{…}` of a-measures, mixtures, `normalize`,
 * `ibupdate`, the crisp embedding of credal sets and back, kernels and `k(x)`, and `K ⋉ k`. The engine
 * is math/infra; here only arguments are read and failures are put where they belong.
 */
import type { AstNode } from 'langium';
import {
    isAMeasureLiteral, isBinaryExpression, isBraceLiteral, isCall, isElseItem, isKeyValue,
    type AMeasureLiteral, type BinaryExpression, type BraceLiteral, type Call, type InfraDeclaration, type KernelDeclaration
} from '../generated/ast.js';
import * as credal from '../math/credal.js';
import * as infra from '../math/infra/infra.js';
import { Rational } from '../math/rational.js';
import { EvalContext, rangeOf, sourceText } from './context.js';
import { declaredSet } from './declarations.js';
import { ANY, coerce, evaluate, evaluateAs, evaluateNumber } from './expressions.js';
import { IssueCodes } from '../diagnostics/codes.js';
import { elementOf } from './literals.js';
import {
    describeValue, elementLabel, errorValue, isError, sameFiniteSet,
    type AMeasuresValue, type CredalValue, type ErrorValue, type FiniteSet, type InfraValue, type Value
} from './values.js';

// ---------------------------------------------------------------- a-measures

/** `(m: …, b: …)`: m a mapping or tuple (unlisted elements 0) or `c * dist`; b a number ≥ 0. */
export function aMeasureLiteral(ctx: EvalContext, node: AMeasureLiteral, set: FiniteSet | undefined): AMeasuresValue | ErrorValue {
    const known = set ?? ctx.contextSet(node) ?? ctx.setOf(node.measure);
    if (!known) return ctx.unknownSet('cannot tell which set this a-measure is on; add `on <set>` to the declaration', node);
    const m = measureOf(ctx, node.measure, known);
    const b = evaluateNumber(ctx, node.offset);
    if (isError(m)) return m;
    if (isError(b)) return b;
    const negative = m.findIndex((x) => x.sign() < 0);
    if (negative >= 0) {
        return ctx.fail(IssueCodes.InfraNeg, `a-measure ${sourceText(node)} has a negative mass ${m[negative]} at ${elementLabel(known, negative)}`,
            { node: node.measure }, { data: { element: elementLabel(known, negative), value: String(m[negative]) } });
    }
    if (b.sign() < 0) return ctx.fail(IssueCodes.InfraNeg, `a-measure ${sourceText(node)} has a negative b = ${b}`, { node: node.offset }, { data: { value: String(b) } });
    return { kind: 'ameasures', set: known, ameasures: [{ m, b }] };
}

/** The measure part of an a-measure, as masses in element order. */
function measureOf(ctx: EvalContext, node: AstNode | undefined, set: FiniteSet): Rational[] | ErrorValue {
    if (isBraceLiteral(node) && node.items.some((item) => isKeyValue(item) || isElseItem(item))) {
        return measureMapping(ctx, node.items, set);
    }
    if (isBinaryExpression(node) && node.op === '*') {
        const left = evaluate(ctx, node.left, { kind: 'any', set });
        const right = evaluate(ctx, node.right, { kind: 'any', set });
        if (isError(left)) return left;
        if (isError(right)) return right;
        const [c, p] = left.kind === 'number' ? [left, right] : [right, left];
        if (c.kind === 'number' && (p.kind === 'distribution' || p.kind === 'vector' || p.kind === 'gamble')) {
            const masses = measureFromValue(ctx, p, set, node);
            return isError(masses) ? masses : masses.map((x) => x.mul(c.value));
        }
    }
    const value = evaluate(ctx, node, { kind: 'any', set });
    if (isError(value)) return value;
    return measureFromValue(ctx, value, set, node!);
}

function measureFromValue(ctx: EvalContext, value: Value, set: FiniteSet, node: AstNode): Rational[] | ErrorValue {
    switch (value.kind) {
        case 'distribution': case 'gamble': {
            if (!sameFiniteSet(value.set, set)) return ctx.fail(IssueCodes.Type, `expected a measure on ${set.label}, got ${describeValue(value)}`, { node });
            return [...(value.kind === 'distribution' ? value.p : value.f)];
        }
        case 'vector':
            if (value.entries.length !== set.size) {
                return ctx.fail(IssueCodes.Type, `the tuple has ${value.entries.length} entries, but ${set.label} has ${set.size} elements`, { node });
            }
            return [...value.entries];
        default:
            return ctx.fail(IssueCodes.Type, `the m of an a-measure is a mapping, a tuple or c * <distribution>; got ${describeValue(value)}`, { node });
    }
}

function measureMapping(ctx: EvalContext, items: readonly AstNode[], set: FiniteSet): Rational[] | ErrorValue {
    const masses = Array.from({ length: set.size }, () => Rational.ZERO);
    for (const item of items) {
        if (isElseItem(item)) {
            const v = evaluateNumber(ctx, item.value);
            if (isError(v)) return v;
            masses.forEach((_, i) => { if (!items.some((it) => isKeyValue(it) && elementOf(ctx, it.key, set) === i)) masses[i] = v; });
            continue;
        }
        if (!isKeyValue(item)) return ctx.fail(IssueCodes.Type, `expected \`element: mass\`, got \`${sourceText(item)}\``, { node: item });
        const index = elementOf(ctx, item.key, set);
        if (typeof index !== 'number') return index;
        const v = evaluateNumber(ctx, item.value);
        if (isError(v)) return v;
        masses[index] = v;
    }
    return masses;
}

/** `{(m: …, b: …), …}` on the right of a claim about a set of a-measures. */
export function aMeasureSetLiteral(ctx: EvalContext, node: BraceLiteral, set: FiniteSet | undefined): Value {
    const list: infra.AMeasure[] = [];
    let known = set;
    for (const item of node.items) {
        if (!isAMeasureLiteral(item)) return ctx.fail(IssueCodes.Type, `expected an a-measure (m: …, b: …), got \`${sourceText(item)}\``, { node: item });
        const a = aMeasureLiteral(ctx, item, known);
        if (isError(a)) return a;
        known ??= a.set;
        list.push(...a.ameasures);
    }
    return { kind: 'ameasures', set: known, ameasures: list };
}

/** `hull{(m: …, b: …), …}`: also distributions, credal sets (taken crisp) and infradistributions as items. */
export function infraHull(ctx: EvalContext, items: readonly AstNode[], set: FiniteSet | undefined, node: AstNode): Value {
    const list: infra.AMeasure[] = [];
    let known = set;
    for (const item of items) {
        const value = isAMeasureLiteral(item) ? aMeasureLiteral(ctx, item, known) : evaluate(ctx, item, { kind: 'any', set: known });
        if (isError(value)) return value;
        if (value.kind === 'ameasures') { known ??= value.set; list.push(...value.ameasures); continue; }
        const H = asInfra(ctx, value, known, item);
        if (isError(H)) return H;
        known ??= H.set;
        list.push(...H.infra.generators);
    }
    if (!known) return ctx.unknownSet('cannot tell which set this hull is on; add `on <set>`', node);
    const r = infra.fromAMeasures(known.size, list, ctx.budget);
    return r.ok ? { kind: 'infra', set: known, infra: r.value, origin: 'hull' } : ctx.engineFailure(r.error, { node });
}

// ---------------------------------------------------------------- coercions

/** A value where an infradistribution is expected: infra as is, a credal set or a distribution crisp. */
export function asInfra(ctx: EvalContext, value: Value, set: FiniteSet | undefined, node: AstNode): InfraValue | ErrorValue {
    if (isError(value)) return value;
    if (value.kind === 'infra') {
        if (set && !sameFiniteSet(value.set, set)) return ctx.fail(IssueCodes.Type, `expected an infradistribution on ${set.label}, got ${describeValue(value)}`, { node });
        return value;
    }
    const K = coerce(ctx, value, { kind: 'credal', set }, node);
    if (isError(K)) return K;
    const c = K as CredalValue;
    const r = infra.crisp(c.credal, ctx.budget);
    return r.ok ? { kind: 'infra', set: c.set, infra: r.value, origin: 'crisp' } : ctx.engineFailure(r.error, { node });
}

/** Evaluate an argument as an infradistribution. */
function infraArgument(ctx: EvalContext, node: AstNode | undefined, set?: FiniteSet): InfraValue | ErrorValue {
    const value = evaluate(ctx, node, { kind: 'any', set: set ?? (node ? ctx.setOf(node) : undefined) });
    if (!node) return value as ErrorValue;
    return asInfra(ctx, value, set, node);
}

/** The infra query that replaces a credal-set-only one (for E-NOT-CRISP). */
const INFRA_ALTERNATIVE: Readonly<Record<string, string>> = {
    vertices: 'generators(H)', upperE: 'lowerE(H, f) (E_H is a lower expectation; there is no upper one)',
    upperP: 'lowerP(H, A)', interval: 'lowerE(H, f) and lowerP(H, A)', contains: 'generators(H)', subset: 'generators(H)',
    dim: 'generators(H)', isEmpty: 'generators(H)', isPrecise: 'isCrisp(H) and generators(H)', isVacuous: 'generators(H)',
strong: 'H ⋉ k with a kernel', '|': 'ibupdate(H, L, g)', choose: 'choose(D, maximin)',
};

/** E-NOT-CRISP at `node`: an infradistribution where only a credal set will do. */
export function notCrisp(ctx: EvalContext, value: InfraValue, node: AstNode): ErrorValue {
    const holder = node.$container;
    const use = isCall(holder) ? holder.callee : isBinaryExpression(holder) ? String(holder.op) : undefined;
    const alternative = (use && INFRA_ALTERNATIVE[use]) ?? 'lowerE(H, f), lowerP(H, A), generators(H) or ibupdate(H, L, g)';
    const why = value.infra.generators.find((a) => !a.b.isZero())
        ? `a minimal generator has b = ${value.infra.generators.find((a) => !a.b.isZero())!.b}`
        : `a minimal generator has m(X) = ${Rational.sum(value.infra.generators.find((a) => !Rational.sum(a.m).eq(Rational.ONE))?.m ?? [])}`;
    const what = use ? `\`${use}\` needs a credal set` : 'a credal set is expected here';
    return ctx.fail(IssueCodes.NotCrisp, `${what}, but \`${sourceText(node)}\` is not crisp (${why}): use ${alternative}`, { node });
}

/** credal(H): the credal set of a crisp infradistribution. */
export function credalOfInfra(ctx: EvalContext, value: InfraValue, node: AstNode): CredalValue | ErrorValue {
    if (!infra.isCrisp(value.infra)) return notCrisp(ctx, value, node);
    const r = infra.credalOf(value.infra);
    return r.ok ? { kind: 'credal', set: value.set, credal: r.value, origin: 'hull' } : ctx.engineFailure(r.error, { node });
}

// ---------------------------------------------------------------- builtins of §7.1–7.2

function gambleOn(ctx: EvalContext, node: AstNode | undefined, set: FiniteSet, kind: 'gamble' | 'event'): Rational[] | ErrorValue {
    const value = evaluateAs(ctx, node, { kind, set });
    if (isError(value)) return value;
    if (value.kind === 'event') return value.members.map((m) => (m ? Rational.ONE : Rational.ZERO));
    return [...(value as { f: readonly Rational[] }).f];
}

/** E-IB-RANGE for a gamble outside [0, 1], with the affine rescaling that would bring it there. */
function rangeFailure(ctx: EvalContext, f: readonly Rational[], what: string, node: AstNode): ErrorValue {
    const lo = Rational.min(...f), hi = Rational.max(...f);
    const fix = hi.gt(lo) ? `rescale it to (f − ${lo})/${hi.sub(lo)}` : 'use a constant in [0, 1]';
    return ctx.fail(IssueCodes.IbRange, `${what} takes values in [${lo}, ${hi}], outside [0, 1], where an infradistribution needs [0, 1]: ${fix}`,
        { node }, { data: { lower: String(lo), upper: String(hi) } });
}

/** lowerE(H, f) / lowerP(H, A) on an infradistribution. */
export function infraLowerE(ctx: EvalContext, H: InfraValue, call: Call, kind: 'gamble' | 'event'): Value {
    const f = gambleOn(ctx, call.arguments[1], H.set, kind);
    if (isError(f)) return f;
    if (!infra.isCrisp(H.infra) && infra.outsideUnit(f)) return rangeFailure(ctx, f, `\`${sourceText(call.arguments[1])}\``, call.arguments[1]!);
    const r = infra.lowerE(H.infra, f);
    return r.ok ? { kind: 'number', value: r.value } : ctx.engineFailure(r.error, { node: call });
}

/** The (L, g) arguments of ibupdate/ibprob: an event and an off-event utility in [0, 1] (a number is constant). */
function eventAndUtility(ctx: EvalContext, call: Call, H: InfraValue): { L: boolean[]; g: Rational[] } | ErrorValue {
    const L = evaluateAs(ctx, call.arguments[1], { kind: 'event', set: H.set });
    if (isError(L)) return L;
    const g = gambleOn(ctx, call.arguments[2], H.set, 'gamble');
    if (isError(g)) return g;
    if (infra.outsideUnit(g)) return rangeFailure(ctx, g, `the off-event utility \`${sourceText(call.arguments[2])}\``, call.arguments[2]!);
    return { L: [...(L as { members: readonly boolean[] }).members], g };
}

export function ibupdateCall(ctx: EvalContext, call: Call): Value {
    if (call.arguments.length !== 3) return ctx.fail(IssueCodes.Type, `ibupdate takes 3 arguments: ibupdate(H, L, g); got ${call.arguments.length}`, { node: call, property: 'callee' });
    const H = infraArgument(ctx, call.arguments[0], ctx.setOf(call.arguments[0]) ?? ctx.contextSet(call));
    if (isError(H)) return H;
    const args = eventAndUtility(ctx, call, H);
    if (isError(args)) return args;
    const r = infra.update(H.infra, args.L, args.g, ctx.budget);
    if (!r.ok) return ctx.engineFailure(r.error, { node: call });
    const p = infra.ibProbability(H.infra, args.L, args.g);
    return { kind: 'infra', set: H.set, infra: r.value, origin: 'update', update: p.ok ? { probability: p.value } : undefined };
}

export function ibprobCall(ctx: EvalContext, call: Call): Value {
    const H = infraArgument(ctx, call.arguments[0]);
    if (isError(H)) return H;
    const args = eventAndUtility(ctx, call, H);
    if (isError(args)) return args;
    const r = infra.ibProbability(H.infra, args.L, args.g);
    return r.ok ? { kind: 'number', value: r.value } : ctx.engineFailure(r.error, { node: call });
}

export function normalizeCall(ctx: EvalContext, call: Call): Value {
    const H = infraArgument(ctx, call.arguments[0], ctx.contextSet(call));
    if (isError(H)) return H;
    const r = infra.normalize(H.infra, ctx.budget);
    return r.ok ? { kind: 'infra', set: H.set, infra: r.value, origin: 'normalize' } : ctx.engineFailure(r.error, { node: call });
}

export function generatorsCall(ctx: EvalContext, call: Call): Value {
    const H = infraArgument(ctx, call.arguments[0]);
    if (isError(H)) return H;
    return { kind: 'ameasures', set: H.set, ameasures: H.infra.generators };
}

export function isCrispCall(ctx: EvalContext, call: Call): Value {
    const H = infraArgument(ctx, call.arguments[0]);
    return isError(H) ? H : { kind: 'boolean', value: infra.isCrisp(H.infra) };
}

export function credalCall(ctx: EvalContext, call: Call): Value {
    const value = evaluate(ctx, call.arguments[0], ANY);
    if (isError(value)) return value;
    if (value.kind === 'infra') return credalOfInfra(ctx, value, call.arguments[0]!);
    return coerce(ctx, value, { kind: 'credal' }, call.arguments[0]!);
}

/** Whether `mix(…)` mixes infradistributions: one is wanted, or a part is one (parts are cached names or cheap literals). */
export function wantsInfraMix(ctx: EvalContext, call: Call, want: { kind: string }): boolean {
    if (want.kind === 'infra') return true;
    return call.arguments.some((arg) => isKeyValue(arg) && evaluate(ctx, arg.value, ANY).kind === 'infra');
}

/** `mix(w₁: H₁, …)` of infradistributions: weights ≥ 0 summing to 1 (E-DIST-NEG / E-DIST-SUM as for distributions). */
export function infraMixCall(ctx: EvalContext, call: Call, set: FiniteSet | undefined): Value {
    const weights: Rational[] = [];
    const parts: Value[] = [];
    for (const arg of call.arguments) {
        if (!isKeyValue(arg)) return ctx.fail(IssueCodes.Type, 'mix takes weighted parts: mix(1/3: H, 2/3: K)', { node: arg });
        const w = evaluateNumber(ctx, arg.key);
        if (isError(w)) return w;
        if (w.sign() < 0) return ctx.fail(IssueCodes.DistNeg, `negative mixture weight ${w}`, { node: arg.key });
        const part = evaluate(ctx, arg.value, { kind: 'any', set });
        if (isError(part)) return part;
        weights.push(w);
        parts.push(part);
    }
    const sum = Rational.sum(weights);
    if (!sum.eq(Rational.ONE)) {
        const missing = Rational.ONE.sub(sum);
        return ctx.fail(IssueCodes.DistSum, `mixture weights sum to ${sum}; ${missing.sign() > 0 ? `${missing} missing` : `${missing.neg()} too much`}`,
            { node: call }, { data: { sum: String(sum), missing: String(missing) } });
    }
    return infraMix(ctx, call, weights, parts, set);
}

/** mix(w₁: H₁, …) when a part is an infradistribution (or one is wanted): parts taken crisp where needed. */
function infraMix(
    ctx: EvalContext, call: Call, weights: readonly Rational[], parts: readonly Value[], set: FiniteSet | undefined
): Value {
    const sets: InfraValue[] = [];
    for (const [i, part] of parts.entries()) {
        const H = asInfra(ctx, part, set ?? sets[0]?.set, (call.arguments[i] as { value?: AstNode }).value ?? call);
        if (isError(H)) return H;
        sets.push(H);
    }
    const r = infra.mixture(sets.map((H) => H.infra), weights, ctx.budget);
    return r.ok ? { kind: 'infra', set: sets[0]!.set, infra: r.value, origin: 'mix' } : ctx.engineFailure(r.error, { node: call });
}

// ---------------------------------------------------------------- declarations

/** `infra H = …`: the value must be normalised (E-INFRA-NORM, fixed by wrapping in normalize(…)). */
export function infraDeclaration(ctx: EvalContext, node: InfraDeclaration): Value {
    const set = declaredSet(ctx, node);
    if (set && 'kind' in set) return set;
    const value = evaluate(ctx, node.value, { kind: 'infra', set });
    const H = asInfra(ctx, value, set, node.value);
    if (isError(H)) return H;
    const { minB, minTotal } = infra.normalisationMinima(H.infra);
    if (!minB.isZero() || !minTotal.eq(Rational.ONE)) {
        const spread = minTotal.sub(minB);
        const fix = spread.sign() > 0
            ? `; normalize(…) subtracts ${minB} from every b and divides by ${spread}` : '; it cannot be normalised (min (m(X) + b) − min b = 0)';
        const replacement = `normalize(${sourceText(node.value)})`;
        return ctx.fail(IssueCodes.InfraNorm,
            `${node.name} is not normalised: min b = ${minB} (must be 0) and min (m(X) + b) = ${minTotal} (must be 1)${fix}`, { node: node.value },
            { data: { minB: String(minB), minTotal: String(minTotal),
                ...(spread.sign() > 0 ? { replacement, replaceRange: rangeOf(node.value) } : {}) } });
    }
    return H;
}

/** `kernel k from X to Y = { x: K, …, else: K }`. */
export function kernelDeclaration(ctx: EvalContext, node: KernelDeclaration): Value {
    const fromShape = ctx.inference.shapeOf(node.from), toShape = ctx.inference.shapeOf(node.to);
    if (!fromShape || !toShape) return errorValue(IssueCodes.Type, 'unknown set', { reported: true });
    const from = ctx.finiteSet(fromShape, { node: node.from });
    const to = ctx.finiteSet(toShape, { node: node.to });
    if (isError(from)) return from;
    if (isError(to)) return to;
    const body = node.value;
    if (!isBraceLiteral(body)) return ctx.fail(IssueCodes.Type, 'a kernel is written { x: <credal set>, …, else: <credal set> }', { node: body ?? node });
    const rows: (credal.CredalSet | undefined)[] = new Array<credal.CredalSet | undefined>(from.size).fill(undefined);
    let fallback: credal.CredalSet | undefined;
    let failed: ErrorValue | undefined;
    const row = (valueNode: AstNode | undefined, label: string): credal.CredalSet | undefined => {
        const raw = evaluate(ctx, valueNode, { kind: 'credal', set: to });
        if (isError(raw)) { failed ??= raw; return undefined; }
        const onSet = 'set' in raw ? raw.set as FiniteSet | undefined : undefined;
        if (onSet && raw.kind !== 'set' && !sameFiniteSet(onSet, to)) {
            failed ??= ctx.fail(IssueCodes.KernelSet, `${node.name} maps to ${to.label}, but the value of ${label} is ${describeValue(raw)}`, { node: valueNode! });
            return undefined;
        }
        const K = raw.kind === 'infra' ? credalOfInfra(ctx, raw, valueNode!) : coerce(ctx, raw, { kind: 'credal', set: to }, valueNode!);
        if (isError(K)) { failed ??= K; return undefined; }
        return (K as CredalValue).credal;
    };
    for (const item of body.items) {
        if (isElseItem(item)) { fallback = row(item.value, 'else'); continue; }
        if (!isKeyValue(item)) { failed ??= ctx.fail(IssueCodes.Type, `expected \`element: credal set\`, got \`${sourceText(item)}\``, { node: item }); continue; }
        const index = elementOf(ctx, item.key, from);
        if (typeof index !== 'number') { failed ??= index; continue; }
        rows[index] = row(item.value, elementLabel(from, index));
    }
    if (failed) return failed;
    const missing = rows.flatMap((r, i) => (r || fallback ? [] : [elementLabel(from, i)]));
    if (missing.length > 0) {
        return ctx.fail(IssueCodes.KernelPartial, `${node.name} gives no credal set to ${missing.join(', ')}; list ${missing.length > 1 ? 'them' : 'it'} or add \`else: vacuous\``,
            { node: body }, { data: { missing } });
    }
    return { kind: 'kernel', name: node.name, from, to, rows: rows.map((r) => r ?? fallback!) };
}

/** `k(x)`: the credal set of one element. */
export function kernelApplication(ctx: EvalContext, call: Call, declaration: KernelDeclaration): Value {
    const kernel = ctx.host.declarationValue(declaration, ctx);
    if (isError(kernel)) return errorValue(kernel.code, `depends on ${declaration.name}, which has errors`, { reported: true, dependsOn: declaration.name });
    if (kernel.kind !== 'kernel') return ctx.fail(IssueCodes.Type, `${declaration.name} is not a kernel`, { node: call });
    if (call.arguments.length !== 1) return ctx.fail(IssueCodes.Type, `${kernel.name}(x) takes one element of ${kernel.from.label}`, { node: call, property: 'callee' });
    const index = elementOf(ctx, call.arguments[0], kernel.from);
    if (typeof index !== 'number') return index;
    return { kind: 'credal', set: kernel.to, credal: kernel.rows[index]!, origin: 'hull' };
}

// ---------------------------------------------------------------- K ⋉ k

export function semidirectProduct(
    ctx: EvalContext, node: BinaryExpression, productOf: (a: FiniteSet, b: FiniteSet) => FiniteSet | undefined
): Value {
    const left = evaluate(ctx, node.left, ANY);
    const right = evaluate(ctx, node.right, ANY);
    if (isError(left)) return left;
    if (isError(right)) return right;
    if (right.kind !== 'kernel') {
        return ctx.fail(IssueCodes.Type, `the right side of ⋉ is a kernel (\`kernel k from X to Y = {…}\`), got ${describeValue(right)}`, { node: node.right });
    }
    const onSet = 'set' in left ? left.set as FiniteSet | undefined : undefined;
    if (onSet && left.kind !== 'set' && !sameFiniteSet(onSet, right.from)) {
        return ctx.fail(IssueCodes.KernelSet, `${right.name} is a kernel from ${right.from.label}, but \`${sourceText(node.left)}\` is ${describeValue(left)}`, { node: node.left });
    }
    const set = productOf(right.from, right.to);
    if (!set) return ctx.fail(IssueCodes.Budget, 'the product set is too large to evaluate', { node });
    if (left.kind === 'infra' && !infra.isCrisp(left.infra)) {
        const r = infra.semidirect(left.infra, right.rows, ctx.budget);
        return r.ok ? { kind: 'infra', set, infra: r.value, origin: 'semidirect' } : ctx.engineFailure(r.error, { node });
    }
    const K = left.kind === 'infra' ? credalOfInfra(ctx, left, node.left) : coerce(ctx, left, { kind: 'credal', set: right.from }, node.left);
    if (isError(K)) return K;
    const r = credal.semidirect((K as CredalValue).credal, right.rows);
    return r.ok ? { kind: 'credal', set, credal: r.value, origin: 'semidirect' } : ctx.engineFailure(r.error, { node });
}

