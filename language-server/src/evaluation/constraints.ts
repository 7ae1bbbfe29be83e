/**
 * Constraint blocks `{ P(A) >= 1/10, E[f] in [3/2, 5/2], P(A) >= P(B), 1/3 <= P({a}) <= 2/3 }`: linear
 * assessments on the unknown distribution (SEMANTICS §A.4.4). Checked here: E-STRICT at a strict
 * relation, E-OPEN at an open bracket, E-BOUND-RANGE at a probability bound outside [0, 1],
 * E-BOUND-ORDER at `[l, u]` with l > u. Blocks of bounds on single elements use the probability-interval
 * construction (closed forms, SEMANTICS §A.4.5).
 */
import { AstUtils, type AstNode } from 'langium';
import {
    isBinaryExpression, isBracketApplication, isCall, isComparison, isInterval, isTuple, isUnaryExpression,
    type BraceLiteral, type Comparison, type Expression
} from '../generated/ast.js';
import * as credal from '../math/credal.js';
import type { CredalConstraint, Relation } from '../math/credal.js';
import { Rational } from '../math/rational.js';
import { EvalContext, rangeOf, sourceText } from './context.js';
import { evaluateAs, evaluateNumber, openInterval } from './expressions.js';
import { errorValue, isError, type ConstraintSource, type ErrorValue, type EventValue, type FiniteSet, type GambleValue,
    type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';
import { topLevelStatement } from '../linking/statement-dependencies.js';
import { siteOf } from '../linking/source-site.js';

/** a·p + constant, where `coeffs` is undefined for a plain number. */
interface Linear {
    coeffs?: Rational[];
    constant: Rational;
    /** Exactly `P(A)`: its bounds must lie in [0, 1]. */
    probability: boolean;
}

const RELATIONS: Record<string, Relation> = { '≥': '>=', '≤': '<=', '=': '=', '==': '=' };

export function constraintBlock(ctx: EvalContext, node: BraceLiteral, set: FiniteSet): Value {
    const constraints: CredalConstraint[] = [];
    const sources = new Map<string, ConstraintSource>();
    let failed: ErrorValue | undefined;
    for (const item of node.items) {
        if (!item) continue; // lost in error recovery: the parser reported it
        if (!isComparison(item)) {
            failed ??= ctx.fail(IssueCodes.Type, `expected a constraint such as \`P(A) >= 1/10\`, got \`${sourceText(item)}\``,
                { node: item });
            continue;
        }
        const result = comparisonConstraints(ctx, item, set, constraints, sources);
        if (result) failed ??= result;
    }
    if (failed) return failed;
    return asIntervals(set, constraints, sources) ?? fromConstraints(ctx, node, set, constraints, sources);
}

function fromConstraints(ctx: EvalContext, node: AstNode, set: FiniteSet, constraints: CredalConstraint[], sources: Map<string,
    ConstraintSource>): Value {
    const r = credal.fromConstraints(set.size, constraints);
    return r.ok ? { kind: 'credal', set, credal: r.value, origin: 'constraints', sources: { constraints: sources } }
        : ctx.engineFailure(r.error, { node });
}

/** One chain `a op b op c` → one constraint per link. Returns the first error, if any. */
function comparisonConstraints(ctx: EvalContext, comparison: Comparison, set: FiniteSet, out: CredalConstraint[], sources: Map<string,
    ConstraintSource>): ErrorValue | undefined {
    const links: Comparison[] = [];
    for (let c: Expression = comparison; isComparison(c); c = c.left) links.unshift(c);
    let failed: ErrorValue | undefined;
    for (const link of links) {
        const left = isComparison(link.left) ? link.left.right : link.left;
        const error = linkConstraint(ctx, link, left, set, out, sources);
        if (error) failed ??= error;
    }
    return failed;
}

function linkConstraint(ctx: EvalContext, link: Comparison, leftNode: Expression | undefined, set: FiniteSet, out: CredalConstraint[],
    sources: Map<string, ConstraintSource>): ErrorValue | undefined {
    // Named by the offset from the statement's start: the same wherever the statement is (results outlive edits above it).
    const statementStart = topLevelStatement(link)?.$cstNode?.offset ?? 0;
    const id = `c${link.$cstNode ? link.$cstNode.offset - statementStart : out.length}`;
    const op = link.op as string;
    if (op === '<' || op === '>' || op === '≠') {
        const replacement = op === '<' ? '<=' : op === '>' ? '>=' : undefined;
        const message = replacement
            ? `credal sets must be closed; use ${replacement} instead of ${op}`
            : 'credal sets must be closed and convex: `≠` excludes a point; use >= or <=';
        return ctx.fail(IssueCodes.Strict, message, { node: link, property: 'op' }, { data: { replacement } });
    }
    const conditional = conditionalSide(leftNode, link.right);
    if (conditional) return conditionalConstraint(ctx, link, conditional, set, id, out, sources);
    const left = linearForm(ctx, leftNode, set);
    if (isError(left)) return left;
    if (op === '∈') return rangeConstraint(ctx, link, leftNode, left, set, id, out, sources);
    const rel = RELATIONS[op];
    if (!rel) return ctx.fail(IssueCodes.Type, `\`${op}\` is not a constraint relation; use >=, <=, = or in [l, u]`, { node: link,
        property: 'op' });
    const right = linearForm(ctx, link.right, set);
    if (isError(right)) return right;
    const n = set.size;
    const coeffs = Array.from({ length: n }, (_, i) => (left.coeffs?.[i] ?? Rational.ZERO).sub(right.coeffs?.[i] ?? Rational.ZERO));
    if (coeffs.every((c) => c.isZero())) return constantConstraint(ctx, link, rel, right.constant.sub(left.constant));
    // A bound on a single probability: the other side is a number in [0, 1].
    const [form, boundNode, bound] = left.probability && !right.coeffs ? [left, link.right, right.constant]
        : right.probability && !left.coeffs ? [right, leftNode, left.constant] : [undefined, undefined, undefined];
    if (form && bound && boundNode) {
        const error = checkProbabilityBound(ctx, bound, boundNode);
        if (error) return error;
    }
    out.push({ id, coeffs, rel, rhs: right.constant.sub(left.constant) });
    // The form the user bounds: the side with the unknown (or the difference when both sides have it).
    const source: ConstraintSource = !left.coeffs
        ? { ...writtenAt(link, leftNode), form: sourceText(link.right), probability: right.probability, written: [rel], sign: -1,
        offset: right.constant }
        : !right.coeffs
            ? { ...writtenAt(link, link.right), form: sourceText(leftNode), probability: left.probability, written: [rel], sign: 1,
            offset: left.constant }
            : { ...writtenAt(link), form: `${sourceText(leftNode)} − (${sourceText(link.right)})`, probability: false, written: [rel], sign: 1,
            offset: left.constant.sub(right.constant) };
    sources.set(id, source);
    return undefined;
}

/** Where an assessment is written: its link, the whole item of the block it belongs to, and its bound. */
function writtenAt(link: Comparison, bound?: AstNode): Pick<ConstraintSource, 'at' | 'item' | 'bound'> {
    let item: AstNode = link;
    while (item.$container && isComparison(item.$container)) item = item.$container;
    return { at: siteOf(link), item: siteOf(item), ...(bound ? { bound: siteOf(bound) } : {}) };
}

function rangeConstraint(ctx: EvalContext, link: Comparison, leftNode: Expression | undefined, left: Linear, set: FiniteSet, id: string,
    out: CredalConstraint[], sources: Map<string, ConstraintSource>): ErrorValue | undefined {
    const range = link.right;
    if (!range) return missing();
    if (isTuple(range)) {
        if (range.closedByBracket || range.items.length === 2) return openInterval(ctx, range, range.closedByBracket ? '(' : undefined);
        return ctx.fail(IssueCodes.Type, 'expected an interval [l, u] after `in`', { node: range });
    }
    if (!isInterval(range)) return ctx.fail(IssueCodes.Type, 'expected an interval [l, u] after `in`', { node: range });
    if (range.openUpper) return openInterval(ctx, range, ')');
    if (!left.coeffs) return ctx.fail(IssueCodes.Type, 'this constraint does not involve the unknown distribution; use P(A) or E[f]',
        { node: leftNode ?? link });
    const lower = evaluateNumber(ctx, range.lower);
    const upper = evaluateNumber(ctx, range.upper);
    if (isError(lower)) return lower;
    if (isError(upper)) return upper;
    if (left.coeffs.every((c) => c.isZero())) {
        return constantConstraint(ctx, link, '>=', lower.sub(left.constant)) ?? constantConstraint(ctx, link, '<=',
            upper.sub(left.constant));
    }
    const lo = lower.sub(left.constant), hi = upper.sub(left.constant);
    if (left.probability) {
        const error = checkProbabilityBound(ctx, lower, range.lower) ?? checkProbabilityBound(ctx, upper, range.upper);
        if (error) return error;
    }
    if (lower.gt(upper)) {
        const replacement = `[${sourceText(range.upper)}, ${sourceText(range.lower)}]`;
        return ctx.fail(IssueCodes.BoundOrder, `lower bound ${lower} exceeds upper bound ${upper}; did you mean ${replacement}?`,
            { node: range },
            { data: { lower: String(lower), upper: String(upper), replacement, replaceRange: rangeOf(range) } });
    }
    out.push({ id, coeffs: left.coeffs, rel: '>=', rhs: lo }, { id, coeffs: left.coeffs, rel: '<=', rhs: hi });
    sources.set(id, { ...writtenAt(link, range), form: sourceText(leftNode), probability: left.probability, written: ['>=', '<='], sign: 1,
        offset: left.constant });
    return undefined;
}

/**
 * A constraint whose unknown cancels (`P(none) <= 0`, `E[(0, 0)] >= -1/2`): 0 rel rhs either holds for
 * every distribution (a warning: it says nothing) or for none (sure loss, E-EMPTY with its Dutch book).
 */
function constantConstraint(ctx: EvalContext, link: Comparison, rel: Relation, rhs: Rational): ErrorValue | undefined {
    const holds = rel === '=' ? rhs.isZero() : rel === '>=' ? rhs.sign() <= 0 : rhs.sign() >= 0;
    const claim = `0 ${rel === '>=' ? '≥' : rel === '<=' ? '≤' : '='} ${rhs}`;
    if (holds) {
        ctx.note('warning', IssueCodes.TrivialConstraint,
            `this constraint holds for every distribution (${claim}): it does not constrain the set and can be removed`,
            { node: link }, { deleteRange: rangeOf(link) });
        return undefined;
    }
    const loss = rel === '<=' ? rhs : rhs.neg();
    return ctx.fail(IssueCodes.Empty,
        `this constraint holds for no distribution (${claim}): the assessments incur sure loss; accepting it yields the constant gamble ${rel === '=' ? `±${rhs.abs()}` : loss}, which loses in every outcome`,
        { node: link }, { data: { certificate: { gamble: String(loss) } } });
}

function checkProbabilityBound(ctx: EvalContext, value: Rational, node: AstNode): ErrorValue | undefined {
    if (value.sign() >= 0 && value.le(Rational.ONE)) return undefined;
    const clamp = value.sign() < 0 ? '0' : '1';
    return ctx.fail(IssueCodes.BoundRange, `probability bound ${value} is outside [0, 1]`, { node },
        { data: { value: String(value), replacement: clamp, replaceRange: rangeOf(node) } });
}

/** A side of a constraint lost in error recovery (`P(A) >= ` with nothing after it): the parser reported it. */
function missing(): ErrorValue {
    return errorValue(IssueCodes.Syntax, 'missing expression', { reported: true });
}

/** The linear form of one side of a constraint: numbers, P(A), E[f], and + - * / by numbers. */
function linearForm(ctx: EvalContext, node: Expression | undefined, set: FiniteSet): Linear | ErrorValue {
    if (!node) return missing();
    return ctx.deeper(node, () => linearFormOf(ctx, node, set));
}

function linearFormOf(ctx: EvalContext, node: Expression, set: FiniteSet): Linear | ErrorValue {
    if (!mentionsUnknown(node)) {
        const value = evaluateNumber(ctx, node);
        return isError(value) ? value : { constant: value, probability: false };
    }
    if (isCall(node) && node.callee === 'P' && node.arguments.length === 1) {
        const event = evaluateAs(ctx, node.arguments[0], { kind: 'event', set });
        if (isError(event)) return event;
        return { coeffs: (event as EventValue).members.map((m) => (m ? Rational.ONE : Rational.ZERO)), constant: Rational.ZERO,
            probability: true };
    }
    if ((isBracketApplication(node) && node.head === 'E') || (isCall(node) && node.callee === 'E' && node.arguments.length === 1)) {
        const argument = isBracketApplication(node) ? node.argument : node.arguments[0];
        const gamble = evaluateAs(ctx, argument, { kind: 'gamble', set });
        if (isError(gamble)) return gamble;
        return { coeffs: [...(gamble as GambleValue).f], constant: Rational.ZERO, probability: false };
    }
    if (isUnaryExpression(node)) {
        const inner = linearForm(ctx, node.operand, set);
        if (isError(inner) || node.op === '+') return inner;
        return { coeffs: inner.coeffs?.map((c) => c.neg()), constant: inner.constant.neg(), probability: false };
    }
    if (isBinaryExpression(node)) {
        // Parts may be missing after error recovery, whatever the generated types say.
        const binary: { left?: Expression; right?: Expression; op: string } = node;
        const l = linearForm(ctx, binary.left, set);
        const r = linearForm(ctx, binary.right, set);
        if (isError(l)) return l;
        if (isError(r)) return r;
        switch (binary.op) {
            case '+': case '-': {
                const sign = binary.op === '-' ? Rational.of(-1) : Rational.ONE;
                const coeffs = l.coeffs || r.coeffs
                    ? Array.from({ length: set.size }, (_, i) => (l.coeffs?.[i] ?? Rational.ZERO).add(sign.mul(r.coeffs?.[i]
                    ?? Rational.ZERO)))
                    : undefined;
                return { coeffs, constant: l.constant.add(sign.mul(r.constant)), probability: false };
            }
            case '*':
                if (l.coeffs && r.coeffs) return ctx.fail(IssueCodes.Type,
                    'a constraint must be linear: P(·) and E[·] cannot be multiplied together', { node, property: 'op' });
                return scale(l.coeffs ? l : r, l.coeffs ? r.constant : l.constant);
            case '/':
                if (r.coeffs) return ctx.fail(IssueCodes.Type, 'a constraint must be linear: cannot divide by P(·) or E[·]',
                    { node: binary.right ?? node });
                if (r.constant.isZero()) return ctx.fail(IssueCodes.DivByZero, `division by zero: \`${sourceText(binary.right)}\` is 0`,
                    { node: binary.right ?? node });
                return scale(l, r.constant.inv());
            default:
                return ctx.fail(IssueCodes.Type, `\`${binary.op}\` cannot appear in a linear constraint`, { node, property: 'op' });
        }
    }
    return ctx.fail(IssueCodes.Type, `cannot use \`${sourceText(node)}\` in a linear constraint`, { node });
}

function scale(form: Linear, factor: Rational): Linear {
    return { coeffs: form.coeffs?.map((c) => c.mul(factor)), constant: form.constant.mul(factor), probability: false };
}

/** Whether an expression mentions the unknown distribution (P(A) with one argument, E[f]). */
function mentionsUnknown(node: AstNode): boolean {
    for (const n of AstUtils.streamAst(node)) {
        if (isCall(n) && (n.callee === 'P' || n.callee === 'E') && n.arguments.length === 1) return true;
        if (isBracketApplication(n) && n.head === 'E') return true;
    }
    return false;
}

/**
 * Bounds on single elements only, one written constraint per element: the probability-interval
 * construction (closed forms, exact reachability). Elements without a bound get [0, 1].
 */
function asIntervals(set: FiniteSet, constraints: readonly CredalConstraint[], sources: ReadonlyMap<string,
    ConstraintSource>): Value | undefined {
    const n = set.size;
    const lower = new Array<Rational>(n).fill(Rational.ZERO);
    const upper = new Array<Rational>(n).fill(Rational.ONE);
    const ids = Array.from({ length: n }, (_, i) => `free${i}`);
    const owner = new Array<string | undefined>(n).fill(undefined);
    if (constraints.length === 0) return undefined;
    for (const c of constraints) {
        const ones = c.coeffs.flatMap((a, i) => (a.isZero() ? [] : [i]));
        if (ones.length !== 1 || !c.coeffs[ones[0]!]!.eq(Rational.ONE) || !sources.get(c.id)?.probability) return undefined;
        const x = ones[0]!;
        if (owner[x] !== undefined && owner[x] !== c.id) return undefined;
        owner[x] = c.id;
        ids[x] = c.id;
        if (c.rel !== '<=') lower[x] = c.rhs;
        if (c.rel !== '>=') upper[x] = c.rhs;
    }
    const r = credal.probabilityIntervals(lower, upper, ids);
    return r.ok ? { kind: 'credal', set, credal: r.value, origin: 'intervals', sources: { constraints: sources } } : undefined;
}

// ---------------------------------------------------------------- conditional assessments (v1.1, §8.1)

/** `P(A | B)` or `E[f | B]` on one side of a link, the other side a number (the bar binds loosest). */
interface ConditionalSide {
    readonly term: AstNode;
    /** `A` or `f`, and `B`. */
    readonly subject: Expression;
    readonly condition: Expression;
    readonly probability: boolean;
    /** The number it is compared with (undefined for `in [l, u]`). */
    readonly bound?: Expression;
    /** The conditional is on the right: the relation flips. */
    readonly flipped: boolean;
}

/** The conditional term of a constraint side, if it is one: `P(A | B)`, `E[f | B]`, `E(f | B)`. */
function conditionalTerm(
    node: AstNode | undefined
): { subject: Expression; condition: Expression; probability: boolean } | undefined {
    const argument = isCall(node) && (node.callee === 'P' || node.callee === 'E') && node.arguments.length === 1 ? node.arguments[0]
        : isBracketApplication(node) && node.head === 'E' ? node.argument : undefined;
    if (!isBinaryExpression(argument) || argument.op !== '|' || !argument.left || !argument.right) return undefined;
    return { subject: argument.left, condition: argument.right, probability: isCall(node) && node.callee === 'P' };
}

function conditionalSide(left: Expression | undefined, right: Expression | undefined): ConditionalSide | undefined {
    const l = conditionalTerm(left);
    if (l) return { term: left!, ...l, bound: isInterval(right) || isTuple(right) ? undefined : right, flipped: false };
    const r = conditionalTerm(right);
    if (r) return { term: right!, ...r, bound: left, flipped: true };
    return undefined;
}

const FLIPPED: Record<Relation, Relation> = { '>=': '<=', '<=': '>=', '=': '=' };

/**
 * `P(A | B) ⋈ l` as (1[A ∩ B] − l·1[B])·p ⋈ 0 and `E[f | B] ⋈ c` as ((f − c)·1[B])·p ⋈ 0 (Walley's
 * conditional assessment multiplied out); `in [l, u]` gives one row per end. Only a number may stand on
 * the other side. Conditional rows are not offered for tightening (their natural extension is a
 * conditional one): `written` stays empty.
 */
function conditionalConstraint(ctx: EvalContext, link: Comparison, side: ConditionalSide, set: FiniteSet, id: string,
    out: CredalConstraint[], sources: Map<string, ConstraintSource>): ErrorValue | undefined {
    const condition = evaluateAs(ctx, side.condition, { kind: 'event', set });
    if (isError(condition)) return condition;
    const inB = (condition as EventValue).members;
    const subject = evaluateAs(ctx, side.subject, { kind: side.probability ? 'event' : 'gamble', set });
    if (isError(subject)) return subject;
    const f = side.probability ? (subject as EventValue).members.map((m) => (m ? Rational.ONE : Rational.ZERO))
        : (subject as GambleValue).f;
    const rowFor = (c: Rational): Rational[] => f.map((x, i) => (inB[i] ? x.sub(c) : Rational.ZERO));
    const op = link.op as string;
    const termText = sourceText(side.term);
    const bounds: { value: Rational; rel: Relation; node: AstNode }[] = [];
    if (op === '∈') {
        const range = link.right;
        if (side.flipped || !range) return ctx.fail(IssueCodes.Type, 'write the conditional on the left: P(A | B) in [l, u]',
            { node: link });
        if (isTuple(range)) return openInterval(ctx, range, range.closedByBracket ? '(' : undefined);
        if (!isInterval(range)) return ctx.fail(IssueCodes.Type, 'expected an interval [l, u] after `in`', { node: range });
        if (range.openUpper) return openInterval(ctx, range, ')');
        const lower = evaluateNumber(ctx, range.lower);
        const upper = evaluateNumber(ctx, range.upper);
        if (isError(lower)) return lower;
        if (isError(upper)) return upper;
        if (lower.gt(upper)) {
            const replacement = `[${sourceText(range.upper)}, ${sourceText(range.lower)}]`;
            return ctx.fail(IssueCodes.BoundOrder, `lower bound ${lower} exceeds upper bound ${upper}; did you mean ${replacement}?`,
                { node: range },
                { data: { lower: String(lower), upper: String(upper), replacement, replaceRange: rangeOf(range) } });
        }
        bounds.push({ value: lower, rel: '>=', node: range.lower! }, { value: upper, rel: '<=', node: range.upper! });
    } else {
        const rel = RELATIONS[op];
        if (!rel) return ctx.fail(IssueCodes.Type, `\`${op}\` is not a constraint relation; use >=, <=, = or in [l, u]`, { node: link,
            property: 'op' });
        if (!side.bound || mentionsUnknown(side.bound)) {
            return ctx.fail(IssueCodes.Type, `a conditional assessment compares ${termText} with a number, e.g. ${termText} >= 1/2`,
                { node: side.bound ?? link });
        }
        const value = evaluateNumber(ctx, side.bound);
        if (isError(value)) return value;
        bounds.push({ value, rel: side.flipped ? FLIPPED[rel] : rel, node: side.bound });
    }
    const forms: string[] = [];
    for (const bound of bounds) {
        if (side.probability) {
            const error = checkProbabilityBound(ctx, bound.value, bound.node);
            if (error) return error;
        }
        out.push({ id, coeffs: rowFor(bound.value), rel: bound.rel, rhs: Rational.ZERO });
        forms.push(`${linearText(side, bound.value)} ${bound.rel === '>=' ? '≥' : bound.rel === '<=' ? '≤' : '='} 0`);
    }
    sources.set(id, { ...writtenAt(link), form: forms.join(' and '), probability: false, written: [], sign: 1, offset: Rational.ZERO,
        conditional: forms });
    return undefined;
}

/** `P(A ∩ B) − 1/2·P(B)` or `E[(f − 1) · 1[B]]`: the linear form a conditional assessment stands for. */
function linearText(side: ConditionalSide, c: Rational): string {
    const a = sourceText(side.subject).trim(), b = sourceText(side.condition).trim();
    const wrap = (t: string): string => (/^[\w{}()]+$/.test(t) || /^\{[^{}]*\}$/.test(t) ? t : `(${t})`);
    if (side.probability) {
        if (c.isZero()) return `P(${wrap(a)} ∩ ${wrap(b)})`;
        return `P(${wrap(a)} ∩ ${wrap(b)}) − ${c.eq(Rational.ONE) ? '' : `${c}·`}P(${b})`;
    }
    const shifted = c.isZero() ? wrap(a) : `(${a} − ${c.sign() < 0 ? `(${c})` : c})`;
    return `E[${shifted} · 1[${b}]]`;
}
