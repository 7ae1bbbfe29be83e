/**
 * Expression evaluation, directed by what the position expects (`Want`): the grammar has ONE general
 * expression language, so `{heads}` is an event, `{heads: 1/2, …}` a distribution or a gamble, and
 * `(1, 0)` a gamble, a distribution or a point, depending on where they stand. Kinds come from the
 * expression; the set comes from linking's set inference. Wrong kinds are E-TYPE with a sentence.
 */
import type { AstNode } from 'langium';
import {
    isAct, isExpression, isTuple,
    type Act, type BinaryExpression, type BracketApplication, type Constant, type Interval, type NameRef, type Tuple, type UnaryExpression
} from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import * as credal from '../math/credal.js';
import { isCrisp } from '../math/infra/infra.js';
import { Rational } from '../math/rational.js';
import { evaluateCall } from './builtins.js';
import { aMeasureLiteral, asInfra, notCrisp, semidirectProduct, credalOfInfra } from './infra.js';
import { comparisonValue } from './claims.js';
import { conditionalOutsideBlock, conditioning, isConditionalArgument } from './conditioning.js';
import { EvalContext, MAX_DEFINITION_DEPTH, rangeOf, sourceText } from './context.js';
import { productSet } from './finite-sets.js';
import { braceLiteral, checkedDistribution } from './literals.js';
import { memberValue } from './members.js';
import {
    describeValue, errorValue, isError, KIND_WORDS, sameFiniteSet,
    type ConstraintSource, type CredalSources, type CredalValue, type DistributionValue, type ErrorValue, type EventValue, type FiniteSet,
        type Value, type ValueKind
} from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

export type WantKind = 'any' | Exclude<ValueKind, 'error' | 'vector'>;

/** What a position expects: a kind (or anything) and, when known, the set it lives on. */
export interface Want {
    readonly kind: WantKind;
    readonly set?: FiniteSet;
}

export const ANY: Want = { kind: 'any' };

/** Evaluate `node` as written (no coercion to the wanted kind; literals use `want` to pick a reading). */
export function evaluate(ctx: EvalContext, node: AstNode | undefined, want: Want): Value {
    // A part missing after error recovery: the parser reported it.
    if (!node) return errorValue(IssueCodes.Syntax, 'missing expression', { reported: true });
    return ctx.deeper(node, () => evaluateNode(ctx, node, want));
}

function evaluateNode(ctx: EvalContext, node: AstNode, want: Want): Value {
    if (!isExpression(node)) return ctx.fail(IssueCodes.Type, `cannot evaluate this ${node.$type}`, { node });
    // Exhaustive over the grammar's Expression union: a new kind of expression does not compile until it is handled here.
    switch (node.$type) {
        case 'Decimal': return parseNumber(ctx, node, node.value);
        case 'Integer': return parseNumber(ctx, node, node.element?.$refText);
        case 'BooleanLiteral': return { kind: 'boolean', value: node.value === true };
        case 'Constant': return constant(ctx, node, want);
        case 'DecisionRule': return { kind: 'rule', rule: { kind: node.rule } };
        case 'NameRef': return nameRef(ctx, node, want);
        case 'MemberAccess': return memberValue(ctx, node);
        case 'Interval': return interval(ctx, node);
        case 'Tuple': return tuple(ctx, node, want);
        case 'BraceLiteral': return braceLiteral(ctx, node, want);
        case 'Call': return evaluateCall(ctx, node, want);
        case 'AMeasureLiteral': return aMeasureLiteral(ctx, node, want.set);
        case 'BracketApplication': return bracket(ctx, node, want);
        case 'BinaryExpression': return binary(ctx, node, want);
        case 'UnaryExpression': return unary(ctx, node, want);
        case 'Comparison': return comparisonValue(ctx, node);
        case 'KeyValue': return ctx.fail(IssueCodes.Type, '`key: value` belongs inside a mapping `{…}` or a `mix(…)`', { node });
        case 'ElseItem': return ctx.fail(IssueCodes.Type, '`else: value` belongs inside a gamble mapping `{…}`', { node });
        default: return cannotEvaluate(ctx, node);
    }
}

/** `node` is `never` here for the compiler; error recovery can still leave a node of the abstract type `Expression`. */
function cannotEvaluate(ctx: EvalContext, node: never): Value {
    const recovered: AstNode = node;
    return ctx.fail(IssueCodes.Type, `cannot evaluate this ${recovered.$type}`, { node: recovered });
}

/** Evaluate and coerce to the wanted kind and set, or report E-TYPE. */
export function evaluateAs(ctx: EvalContext, node: AstNode | undefined, want: Want): Value {
    const value = evaluate(ctx, node, want);
    return node ? coerce(ctx, value, want, node) : value;
}

/** A number, or the error (reported). */
export function evaluateNumber(ctx: EvalContext, node: AstNode | undefined): Rational | ErrorValue {
    const value = evaluateAs(ctx, node, { kind: 'number' });
    return value.kind === 'number' ? value.value : value as ErrorValue;
}

/**
 * Coercions the language allows: a tuple of numbers to a distribution/gamble on a known set, a number to
 * a constant gamble, a distribution to its singleton credal set. Everything else must match.
 */
export function coerce(ctx: EvalContext, value: Value, want: Want, node: AstNode): Value {
    if (isError(value) || want.kind === 'any') return value;
    const set = want.set;
    if (value.kind === 'vector') {
        if ((want.kind === 'distribution' || want.kind === 'gamble' || want.kind === 'credal') && set) {
            if (value.entries.length !== set.size) {
                return ctx.fail(IssueCodes.Type,
                    `the tuple has ${value.entries.length} entries, but ${set.label} has ${set.size} elements`, { node },
                    { data: { expected: set.size, actual: value.entries.length } });
            }
            if (want.kind === 'gamble') return { kind: 'gamble', set, f: value.entries };
            const entryNodes = isTuple(node) ? node.items : [];
            const p = checkedDistribution(ctx, value.entries, set, (i) => entryNodes[i], node);
            return want.kind === 'credal' && !isError(p) ? precise(ctx, p, node) : p;
        }
        if (want.kind === 'points') return { kind: 'points', points: [value.entries] };
        if (!set && (want.kind === 'distribution' || want.kind === 'gamble' || want.kind === 'credal')) {
            return ctx.unknownSet(`cannot tell which set this tuple is on; add \`on <set>\` to the declaration or use a named ${KIND_WORDS[want.kind].replace(/^an? /, '')}`, node);
        }
    }
    if (value.kind === 'number' && want.kind === 'gamble' && set) {
        return { kind: 'gamble', set, f: new Array<Rational>(set.size).fill(value.value) };
    }
    if (value.kind === 'distribution' && want.kind === 'credal') {
        return checkSet(ctx, precise(ctx, value, node), set, node);
    }
    if (value.kind === 'distribution' && want.kind === 'points') return { kind: 'points', points: [value.p], set: value.set };
    if (want.kind === 'infra' && (value.kind === 'credal' || value.kind === 'distribution' || value.kind === 'infra' || value.kind === 'vector')) {
        return asInfra(ctx, value, set, node);
    }
    if (value.kind === 'infra' && want.kind === 'credal') {
        const K = isCrisp(value.infra) ? credalOfInfra(ctx, value, node) : notCrisp(ctx, value, node);
        return checkSet(ctx, K, set, node);
    }
    if (value.kind === want.kind) return checkSet(ctx, value, set, node);
    let hint = '';
    if (value.kind === 'event' && want.kind === 'gamble') hint = '; write 1[A] for the indicator of an event';
    if (value.kind === 'credal' && want.kind === 'distribution') hint = '; a credal set is not a single distribution';
    const expected = `${KIND_WORDS[want.kind as ValueKind]}${set ? ` on ${set.label}` : ''}`;
    return ctx.fail(IssueCodes.Type, `expected ${expected}, got ${describeValue(value)}${hint}`, { node },
        { data: { expected: want.kind, actual: value.kind } });
}

function checkSet(ctx: EvalContext, value: Value, set: FiniteSet | undefined, node: AstNode): Value {
    if (isError(value) || !set || !('set' in value) || !value.set || value.kind === 'set' || value.kind === 'points') return value;
    const own = value.set as FiniteSet;
    if (sameFiniteSet(own, set)) return value;
    return ctx.fail(IssueCodes.Type, `expected ${KIND_WORDS[value.kind]} on ${set.label}, got ${describeValue(value)}`, { node },
        { data: { expectedSet: set.label, actualSet: own.label } });
}

function precise(ctx: EvalContext, p: DistributionValue, node: AstNode): CredalValue | ErrorValue {
    const r = credal.precise(p.p);
    return r.ok ? { kind: 'credal', set: p.set, credal: r.value, origin: 'distribution' } : ctx.engineFailure(r.error, { node });
}

function parseNumber(ctx: EvalContext, node: AstNode, text: string | undefined): Value {
    if (text === undefined) return errorValue(IssueCodes.Syntax, 'missing number', { reported: true });
    try {
        return sizedNumber(ctx, node, Rational.parse(text));
    } catch (error) {
        return ctx.fail(IssueCodes.Type, `not a number: ${text} (${error instanceof Error ? error.message : String(error)})`, { node });
    }
}

function constant(ctx: EvalContext, node: Constant, want: Want): Value {
    if (node.value === 'rest') {
        return ctx.fail(IssueCodes.Type, '`rest` stands only as a mass in a distribution mapping, e.g. {heads: 0.7, tails: rest}',
            { node });
    }
    const set = want.set ?? ctx.contextSet(node);
    if (!set) return ctx.unknownSet(`cannot tell which set \`${node.value}\` is on; add \`on <set>\` to the declaration`, node);
    switch (node.value) {
        case 'all': return { kind: 'event', set, members: new Array<boolean>(set.size).fill(true) };
        case 'none': return { kind: 'event', set, members: new Array<boolean>(set.size).fill(false) };
        case 'uniform': return { kind: 'distribution', set, p: new Array<Rational>(set.size).fill(Rational.of(1, set.size)) };
        case 'vacuous': {
            const r = credal.vacuous(set.size);
            return r.ok ? { kind: 'credal', set, credal: r.value, origin: 'vacuous' } : ctx.engineFailure(r.error, { node });
        }
    }
}

/** Inherit a declaration's value; an erroneous one is noted once here ("depends on K, which has errors"). */
function nameRef(ctx: EvalContext, node: NameRef, want: Want): Value {
    const target = targetOf(node.ref);
    if (!target) return errorValue(IssueCodes.Unresolved, `unknown name \`${node.ref?.$refText ?? ''}\``, { reported: true });
    switch (target.$type) {
        case 'Element':
            return ctx.fail(IssueCodes.Type,
                `\`${node.ref.$refText}\` is an element; write {${node.ref.$refText}} for the event, or point(${node.ref.$refText}) for the distribution`, { node });
        case 'Act':
            // Inside a problem an act may be defined from another (`lay = -back`): it then stands for its payoff.
            if (want.kind === 'gamble' && isAct(target)) return actPayoff(ctx, target, node, want);
            return { kind: 'names', names: [target.name] };
        case 'Policy':
            return { kind: 'names', names: [(target as { name: string }).name] };
        default: {
            if (ctx.host.nesting.definitions >= MAX_DEFINITION_DEPTH) {
                ctx.uncacheable = true; // the depth depends on who asked, not only on this use
                return ctx.fail(IssueCodes.Budget,
                    `definitions nested deeper than ${MAX_DEFINITION_DEPTH} levels: \`${node.ref.$refText}\` is not evaluated here`,
                        { node });
            }
            const value = ctx.host.declarationValue(target, ctx);
            return isError(value) ? dependsOn(ctx, value, target, node) : value;
        }
    }
}

const actsInProgress = new Set<AstNode>();

export function actPayoff(ctx: EvalContext, act: Act, use: AstNode, want: Want): Value {
    if (actsInProgress.has(act)) {
        return ctx.fail(IssueCodes.Cycle, `act \`${act.name}\` is defined in terms of itself`, { node: use });
    }
    actsInProgress.add(act);
    try {
        return evaluateAs(ctx, act.value, want);
    } finally {
        actsInProgress.delete(act);
    }
}

export function dependsOn(ctx: EvalContext, value: ErrorValue, target: AstNode, use: AstNode): ErrorValue {
    const name = (target as { name?: string }).name ?? '?';
    if (value.code === IssueCodes.Cycle || value.code === IssueCodes.Deferred || (value.code === IssueCodes.Budget
        && value.message === 'cancelled')) return { ...value, reported: true };
    const through = value.dependsOn && value.dependsOn !== name ? ` (through ${value.dependsOn})` : '';
    // An error found only on save is depended on on save too (typing never sees it).
    const cost = value.costly ? 'expensive' : undefined;
    ctx.note('info', IssueCodes.DependsOnError, `depends on ${name}, which has errors${through}`, { node: use },
        { dependsOn: name }, [{ node: target, property: 'name', message: `${name} is declared here` }], cost);
    return errorValue(value.code, `depends on ${name}, which has errors`, { reported: true, dependsOn: value.dependsOn ?? name,
        ...(value.costly ? { costly: true } : {}) });
}

function interval(ctx: EvalContext, node: Interval): Value {
    const lower = evaluateNumber(ctx, node.lower);
    const upper = evaluateNumber(ctx, node.upper);
    if (node.openUpper) return openInterval(ctx, node, ')');
    if (isError(lower)) return lower;
    if (isError(upper)) return upper;
    return { kind: 'interval', lower, upper };
}

/** E-OPEN for `[l, u)`, `(l, u]` and `(l, u)` with the closed interval as the fix. */
export function openInterval(ctx: EvalContext, node: Interval | Tuple, bracket: string | undefined): ErrorValue {
    // The CST of a tuple's first item starts at its `(`; the inner text between the brackets is exact.
    const text = sourceText(node).trim();
    const replacement = `[${text.slice(1, -1).trim()}]`;
    return ctx.fail(IssueCodes.Open, `open or half-open interval: credal sets must be closed; write ${replacement}`,
        { node, keyword: bracket }, { data: { replacement, replaceRange: rangeOf(node) } });
}

function tuple(ctx: EvalContext, node: Tuple, want: Want): Value {
    if (node.closedByBracket) return openInterval(ctx, node, '(');
    const entries: Rational[] = [];
    let failed: ErrorValue | undefined;
    for (const item of node.items) {
        const value = evaluateNumber(ctx, item);
        if (isError(value)) failed ??= value; else entries.push(value);
    }
    if (failed) return failed;
    const vector: Value = { kind: 'vector', entries };
    return want.kind === 'any' || want.kind === 'points' ? vector : coerce(ctx, vector, want, node);
}

function bracket(ctx: EvalContext, node: BracketApplication, want: Want): Value {
    if (node.head === '1') {
        const set = want.set ?? ctx.contextSet(node) ?? ctx.setOf(node.argument);
        const event = evaluateAs(ctx, node.argument, { kind: 'event', set });
        if (isError(event)) return event;
        const e = event as EventValue;
        return { kind: 'gamble', set: e.set, f: e.members.map((m) => (m ? Rational.ONE : Rational.ZERO)) };
    }
    if (node.head === 'E' && isConditionalArgument(node.argument)) {
        return ctx.fail(IssueCodes.Type, conditionalOutsideBlock('E', node.argument as BinaryExpression), { node });
    }
    if (node.head === 'E') {
        return ctx.fail(IssueCodes.Type,
            '`E[f]` is the expectation of the unknown distribution, meaningful only inside a constraint block; use E(p, f) or lowerE(K, f)', { node });
    }
    return ctx.fail(IssueCodes.Type, `unknown bracket \`${node.head}[…]\`; \`1[A]\` is the indicator of the event A`, { node,
        property: 'head' });
}

// ---------------------------------------------------------------- operators

function unary(ctx: EvalContext, node: UnaryExpression, want: Want): Value {
    const operand = evaluate(ctx, node.operand, arithmeticWant(want));
    if (isError(operand) || node.op === '+') return operand;
    switch (operand.kind) {
        case 'number': return { kind: 'number', value: operand.value.neg() };
        case 'gamble': return { ...operand, f: operand.f.map((x) => x.neg()) };
        case 'vector': return { kind: 'vector', entries: operand.entries.map((x) => x.neg()) };
        default: return ctx.fail(IssueCodes.Type, `cannot negate ${describeValue(operand)}`, { node });
    }
}

function arithmeticWant(want: Want): Want {
    return want.kind === 'gamble' || want.kind === 'number' ? want : { kind: 'any', set: want.set };
}

function binary(ctx: EvalContext, node: BinaryExpression, want: Want): Value {
    switch (node.op) {
        case '+': case '-': case '*': case '/': return arithmetic(ctx, node, want);
        case '^': return power(ctx, node);
        case '∪': case '∩': case '∖': return setAlgebra(ctx, node, want);
        case '|': return conditioning(ctx, node, want);
        case '⊠': return strongProduct(ctx, node.left, node.right, node);
        case '⋉': return semidirectProduct(ctx, node, productSet);
        default: return ctx.fail(IssueCodes.Type, `unknown operator ${String(node.op)}`, { node, property: 'op' });
    }
}

function power(ctx: EvalContext, node: BinaryExpression): Value {
    const base = evaluateNumber(ctx, node.left);
    const exponent = evaluateNumber(ctx, node.right);
    if (isError(base)) return base;
    if (isError(exponent)) return exponent;
    if (!exponent.isInteger() || exponent.sign() < 0) {
        return ctx.fail(IssueCodes.Type, `\`^\` takes a non-negative integer exponent, got ${exponent}`, { node: node.right });
    }
    const big = base.abs().gt(Rational.ONE) || (!base.isZero() && base.abs().lt(Rational.ONE));
    if (big && exponent.gt(Rational.of(100_000))) {
        return ctx.fail(IssueCodes.Budget, `the power ${sourceText(node)} is too large to compute exactly (exponent above 100000)`,
            { node: node.right });
    }
    // The exponent alone does not bound the work: (10^99999)^99999 has ten billion digits.
    const bits = (base.num < 0n ? -base.num : base.num).toString(16).length * 4 + base.den.toString(16).length * 4;
    if (big && bits * Number(exponent.toString()) > 2 * MAX_NUMBER_BITS) {
        return ctx.fail(IssueCodes.Budget,
            `the power ${sourceText(node)} is too large to compute exactly (more than ${MAX_NUMBER_DIGITS} digits)`, { node });
    }
    return sizedNumber(ctx, node, base.pow(BigInt(exponent.toString())));
}

/**
 * Numbers are exact, but not unbounded: a coefficient of 100,000 digits makes every exact LP pivot take
 * seconds and no budget check comes in between (fuzzing found `1/1e99999` stalling the save for minutes).
 * About 5,000 digits is far beyond any probability a note needs.
 */
const MAX_NUMBER_BITS = 16_384;
const MAX_NUMBER_DIGITS = 4_900;

function sizedNumber(ctx: EvalContext, node: AstNode, value: Rational): Value {
    const bits = (value.num < 0n ? -value.num : value.num).toString(16).length * 4 + value.den.toString(16).length * 4;
    if (bits <= MAX_NUMBER_BITS) return { kind: 'number', value };
    return ctx.fail(IssueCodes.Budget, `${sourceText(node).length > 40 ? 'this number' : `\`${sourceText(node)}\``} has more than ${MAX_NUMBER_DIGITS} digits: too large to compute with exactly`, { node });
}

function arithmetic(ctx: EvalContext, node: BinaryExpression, want: Want): Value {
    const inner = arithmeticWant(want);
    const left = evaluate(ctx, node.left, inner);
    if (node.op === '*' && left.kind === 'set') {
        const right = evaluate(ctx, node.right, ANY);
        if (isError(right)) return right;
        if (right.kind !== 'set') return ctx.fail(IssueCodes.Type, `the product of sets needs two sets, got ${describeValue(right)}`,
            { node: node.right });
        const set = productSet(left.set, right.set);
        return set ? { kind: 'set', set } : ctx.fail(IssueCodes.Budget, 'the product set is too large to evaluate', { node });
    }
    const right = evaluate(ctx, node.right, { ...inner, set: inner.set ?? setOfValue(left) });
    if (isError(left)) return left;
    if (isError(right)) return right;
    if (left.kind === 'number' && right.kind === 'number') {
        if (node.op === '/' && right.value.isZero()) return divisionByZero(ctx, node);
        return sizedNumber(ctx, node, applyOp(node.op, left.value, right.value));
    }
    const l = asVector(left), r = asVector(right);
    if (!l || !r) {
        const bad = l ? right : left;
        const hint = bad.kind === 'event' ? '; write 1[A] for the indicator of an event' : bad.kind === 'distribution'
            ? '; use mix(w1: p, w2: q) to mix distributions' : '';
        return ctx.fail(IssueCodes.Type, `cannot apply \`${node.op}\` to ${describeValue(left)} and ${describeValue(right)}${hint}`,
            { node, property: 'op' });
    }
    if (node.op === '/' && r.entries.length !== 1) {
        return ctx.fail(IssueCodes.Type, 'a gamble can only be divided by a number', { node: node.right });
    }
    if (node.op === '/' && r.entries[0]!.isZero()) return divisionByZero(ctx, node);
    const set = l.set ?? r.set;
    if (l.set && r.set && !sameFiniteSet(l.set, r.set)) {
        return ctx.fail(IssueCodes.Type, `cannot combine a gamble on ${l.set.label} with a gamble on ${r.set.label}`, { node,
            property: 'op' });
    }
    const n = Math.max(l.entries.length, r.entries.length);
    if ((l.entries.length !== 1 && l.entries.length !== n) || (r.entries.length !== 1 && r.entries.length !== n)) {
        return ctx.fail(IssueCodes.Type, `cannot combine ${l.entries.length} entries with ${r.entries.length} entries`, { node,
            property: 'op' });
    }
    const at = (v: { entries: readonly Rational[] }, i: number): Rational => (v.entries.length === 1 ? v.entries[0]! : v.entries[i]!);
    const entries = Array.from({ length: n }, (_, i) => applyOp(node.op, at(l, i), at(r, i)));
    return set ? { kind: 'gamble', set, f: entries } : { kind: 'vector', entries };
}

function divisionByZero(ctx: EvalContext, node: BinaryExpression): ErrorValue {
    return ctx.fail(IssueCodes.DivByZero, `division by zero: \`${sourceText(node.right)}\` is 0`, { node: node.right });
}

function applyOp(op: string, a: Rational, b: Rational): Rational {
    switch (op) {
        case '+': return a.add(b);
        case '-': return a.sub(b);
        case '*': return a.mul(b);
        default: return a.div(b);
    }
}

/** Numbers, gambles and tuples as entries (a number is one entry that broadcasts). */
function asVector(value: Value): { entries: readonly Rational[]; set?: FiniteSet } | undefined {
    switch (value.kind) {
        case 'number': return { entries: [value.value] };
        case 'gamble': return { entries: value.f, set: value.set };
        case 'vector': return { entries: value.entries };
        default: return undefined;
    }
}

function setOfValue(value: Value): FiniteSet | undefined {
    return 'set' in value && value.kind !== 'set' ? value.set as FiniteSet | undefined : undefined;
}

function setAlgebra(ctx: EvalContext, node: BinaryExpression, want: Want): Value {
    const inner: Want = want.kind === 'event' || want.kind === 'credal' ? want : { kind: 'any', set: want.set };
    const left = evaluate(ctx, node.left, inner);
    const right = evaluate(ctx, node.right, { kind: inner.kind, set: inner.set ?? setOfValue(left) });
    if (isError(left)) return left;
    if (isError(right)) return right;
    if (left.kind === 'event' && right.kind === 'event') {
        if (!sameFiniteSet(left.set, right.set)) {
            return ctx.fail(IssueCodes.Type, `cannot combine an event on ${left.set.label} with an event on ${right.set.label}`, { node,
                property: 'op' });
        }
        const members = left.members.map((a, i) => {
            const b = right.members[i]!;
            return node.op === '∪' ? a || b : node.op === '∩' ? a && b : a && !b;
        });
        return { kind: 'event', set: left.set, members };
    }
    const credalLike = (v: Value): boolean => v.kind === 'credal' || v.kind === 'distribution';
    if (credalLike(left) && credalLike(right)) {
        if (node.op === '∪') {
            const replacement = `hull(${sourceText(node)})`;
            return ctx.fail(IssueCodes.NonConvex, `a union of credal sets is not convex; write ${replacement}`, { node, property: 'op' },
                { data: { replacement, replaceRange: rangeOf(node) } });
        }
        if (node.op === '∩') {
            const parts = [left, right].map((v) => coerce(ctx, v, { kind: 'credal' }, node)) as CredalValue[];
            if (parts.some(isError)) return parts.find(isError)!;
            if (!sameFiniteSet(parts[0]!.set, parts[1]!.set)) {
                return ctx.fail(IssueCodes.Type,
                    `cannot intersect a credal set on ${parts[0]!.set.label} with one on ${parts[1]!.set.label}`, { node, property: 'op' });
            }
            const r = credal.intersection(parts.map((p) => p.credal));
            return r.ok ? { kind: 'credal', set: parts[0]!.set, credal: r.value, origin: 'intersection',
                sources: mergeSources(parts) } as CredalValue
                : ctx.engineFailure(r.error, { node });
        }
    }
    return ctx.fail(IssueCodes.Type, `cannot apply \`${node.op}\` to ${describeValue(left)} and ${describeValue(right)}`, { node,
        property: 'op' });
}

function mergeSources(parts: readonly CredalValue[]): CredalSources {
    const constraints = new Map<string, ConstraintSource>();
    for (const part of parts) for (const [id, source] of part.sources?.constraints ?? []) constraints.set(id, source);
    return { constraints };
}

export function strongProduct(ctx: EvalContext, leftNode: AstNode | undefined, rightNode: AstNode | undefined, node: AstNode): Value {
    const left = evaluateAs(ctx, leftNode, { kind: 'credal' });
    const right = evaluateAs(ctx, rightNode, { kind: 'credal' });
    if (isError(left)) return left;
    if (isError(right)) return right;
    const l = left as CredalValue, r = right as CredalValue;
    const set = productSet(l.set, r.set);
    if (!set) return ctx.fail(IssueCodes.Budget, 'the product set is too large to evaluate', { node });
    const K = credal.strongProduct(l.credal, r.credal);
    return K.ok ? { kind: 'credal', set, credal: K.value, origin: 'strong-product' } : ctx.engineFailure(K.error, { node });
}

