/**
 * `eval` and `assert` (LANGUAGE §4), and comparisons as boolean expressions. The right side of a claim
 * is read with the kind of the left side, so `{(1/3, 2/3), …}` is a set of points next to `vertices(K)`
 * and `{back, lay}` a set of names next to `choose(D, rule)`. Set values compare order-free.
 * A false claim is E-ASSERT, showing both sides' actual values.
 */
import type { AstNode } from 'langium';
import { isAssert, isBraceLiteral, isComparison, isInterval, isTuple, type Assert, type Comparison, type Eval } from '../generated/ast.js';
import { subset } from '../math/credal.js';
import { sameAMeasureSets, type AMeasure } from '../math/infra/infra.js';
import type { Rational } from '../math/rational.js';
import { choiceWitnesses } from './claim-witnesses.js';
import { EvalContext, rangeOf, sourceText } from './context.js';
import { ANY, evaluate, type Want } from './expressions.js';
import { formatValue, valueLiteral } from './format-value.js';
import { describeValue, isError, sameFiniteSet, type CredalValue, type ErrorValue, type Value } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

export interface ClaimOutcome {
    value: Value;
    ok?: boolean;
    left?: Value;
    right?: Value;
    relation?: string;
}

export function evaluateStatement(ctx: EvalContext, statement: Eval | Assert): ClaimOutcome {
    if (!isAssert(statement)) return { value: evaluate(ctx, statement.value, ANY) };
    const expression = statement.value;
    if (isComparison(expression)) {
        const chain = comparisonChain(ctx, expression);
        if (chain.error) return { value: chain.error, ok: false, left: chain.left, right: chain.right, relation: chain.relation };
        if (!chain.holds) {
            const left = chain.left!, right = chain.right!;
            const literal = valueLiteral(left);
            // A claim about choose(D, rule): the witness of each listed act the rule rejects.
            const related = choiceWitnesses(ctx, ctx.host.facts, statement, [{ node: chain.leftNode, value: left },
                { node: chain.rightNode, value: right }]);
            ctx.fail(IssueCodes.Assert,
                `the claim is false: \`${sourceText(chain.leftNode)}\` is ${formatValue(left)}, and \`${sourceText(chain.rightNode)}\` is ${formatValue(right)}`,
                { node: statement, property: 'value' },
                { related, data: { actual: literal, left: formatValue(left), right: formatValue(right), relation: chain.relation,
                    replaceRange: rangeOf(chain.rightNode) } });
        }
        return { value: chain.left!, ok: chain.holds, left: chain.left, right: chain.right, relation: chain.relation };
    }
    const value = evaluate(ctx, expression, { kind: 'boolean' });
    if (isError(value)) return { value, ok: false };
    if (value.kind !== 'boolean') {
        const error = ctx.fail(IssueCodes.Type,
            `assert needs a claim (a comparison or a boolean), got ${describeValue(value)}: ${formatValue(value)}`, { node: statement,
                property: 'value' });
        return { value: error, ok: false };
    }
    if (!value.value) {
        ctx.fail(IssueCodes.Assert, `the claim is false: \`${sourceText(expression)}\` is false`, { node: statement, property: 'value' },
            { data: { actual: 'false' } });
    }
    return { value, ok: value.value };
}

/** A comparison inside an expression (`eval lowerE(K, f) > 0`): a boolean. */
export function comparisonValue(ctx: EvalContext, node: Comparison): Value {
    const chain = comparisonChain(ctx, node);
    return chain.error ?? { kind: 'boolean', value: chain.holds };
}

interface Chain {
    holds: boolean;
    error?: ErrorValue;
    /** The last link's sides (the ones a failing claim shows). */
    left?: Value;
    right?: Value;
    leftNode?: AstNode;
    rightNode?: AstNode;
    relation?: string;
}

/** `a op b op c` holds when every link holds; the first false link is the one shown. */
function comparisonChain(ctx: EvalContext, node: Comparison): Chain {
    const links: Comparison[] = [];
    for (let c: AstNode = node; isComparison(c); c = c.left) links.unshift(c);
    let previous: Value | undefined;
    let result: Chain = { holds: true };
    for (const link of links) {
        const leftNode = isComparison(link.left) ? link.left.right : link.left;
        const [left, right] = previous ? [previous, evaluate(ctx, link.right, wantLike(previous, link.op))] : evaluateSides(ctx, leftNode,
            link.right, link.op);
        previous = right;
        const relation = link.op as string;
        if (isError(left) || isError(right)) return { holds: false, error: isError(left) ? left : right as ErrorValue, left, right,
            leftNode, rightNode: link.right, relation };
        const holds = compare(ctx, left, relation, right, link);
        if (typeof holds !== 'boolean') return { holds: false, error: holds, left, right, leftNode, rightNode: link.right, relation };
        if (!holds && result.holds) result = { holds: false, left, right, leftNode, rightNode: link.right, relation };
        else if (result.holds) result = { holds: true, left, right, leftNode, rightNode: link.right, relation };
    }
    return result;
}

/** Evaluate both sides; a literal side is read with the kind of the other side. */
function evaluateSides(ctx: EvalContext, leftNode: AstNode, rightNode: AstNode, op: string): [Value, Value] {
    if (isLiteral(leftNode) && !isLiteral(rightNode)) {
        const right = evaluate(ctx, rightNode, ANY);
        return [evaluate(ctx, leftNode, wantLike(right, op === '∈' ? '==' : op)), right];
    }
    const left = evaluate(ctx, leftNode, ANY);
    return [left, evaluate(ctx, rightNode, wantLike(left, op))];
}

function isLiteral(node: AstNode): boolean {
    return isBraceLiteral(node) || isTuple(node) || isInterval(node);
}

/** How to read the other side of a relation with `value`. */
function wantLike(value: Value, op: string): Want {
    if (op === '∈') {
        if (value.kind === 'number') return { kind: 'interval' };
        if (value.kind === 'vector' || value.kind === 'distribution') return { kind: 'points' };
        if (value.kind === 'names') return { kind: 'names' };
        return ANY;
    }
    switch (value.kind) {
        case 'points': return { kind: 'points' };
        case 'names': return { kind: 'names' };
        case 'interval': return { kind: 'interval' };
        case 'number': return { kind: 'number' };
        case 'event': case 'distribution': case 'gamble': return { kind: value.kind, set: value.set };
        case 'infra': case 'ameasures': return { kind: 'ameasures', set: value.set };
        case 'credal': return { kind: 'credal', set: value.set };
        default: return ANY;
    }
}

/** Whether `left rel right` holds, or E-TYPE when the relation means nothing for these kinds. */
function compare(ctx: EvalContext, left: Value, rel: string, right: Value, node: AstNode): boolean | ErrorValue {
    if (rel === '∈') return member(ctx, left, right, node);
    if (rel === '==' || rel === '≠' || rel === '=') {
        const equal = left.kind === 'credal' && right.kind === 'credal' ? sameCredalSet(ctx, left, right, node) : valuesEqual(left, right);
        if (isError(equal)) return equal;
        if (equal === undefined) {
            return ctx.fail(IssueCodes.Type, `cannot compare ${describeValue(left)} with ${describeValue(right)}`, { node,
                property: 'op' });
        }
        return rel === '≠' ? !equal : equal;
    }
    if (left.kind !== 'number' || right.kind !== 'number') {
        return ctx.fail(IssueCodes.Type, `\`${rel}\` compares numbers; got ${describeValue(left)} and ${describeValue(right)}`, { node,
            property: 'op' });
    }
    const c = left.value.cmp(right.value);
    switch (rel) {
        case '<': return c < 0;
        case '≤': return c <= 0;
        case '>': return c > 0;
        case '≥': return c >= 0;
        default: return ctx.fail(IssueCodes.Type, `unknown relation ${rel}`, { node, property: 'op' });
    }
}

/** Two credal sets are equal when each contains the other (exact LPs under the claim's budget). */
function sameCredalSet(ctx: EvalContext, a: CredalValue, b: CredalValue, node: AstNode): boolean | ErrorValue {
    if (!sameFiniteSet(a.set, b.set)) return false;
    for (const [x, y] of [[a, b], [b, a]] as const) {
        const r = subset(x.credal, y.credal, ctx.budget);
        if (!r.ok) return ctx.engineFailure(r.error, { node });
        if (!r.value) return false;
    }
    return true;
}

function member(ctx: EvalContext, left: Value, right: Value, node: AstNode): boolean | ErrorValue {
    if (left.kind === 'number' && right.kind === 'interval') return left.value.ge(right.lower) && left.value.le(right.upper);
    const point = left.kind === 'vector' ? left.entries : left.kind === 'distribution' ? left.p : undefined;
    if (point && right.kind === 'points') return right.points.some((p) => sameVector(p, point));
    if (left.kind === 'names' && right.kind === 'names') return left.names.every((n) => right.names.includes(n));
    return ctx.fail(IssueCodes.Type, `cannot test whether ${describeValue(left)} is in ${describeValue(right)}`, { node, property: 'op' });
}

function vectorOf(value: Value): readonly Rational[] | undefined {
    switch (value.kind) {
        case 'vector': return value.entries;
        case 'distribution': return value.p;
        case 'gamble': return value.f;
        default: return undefined;
    }
}

function sameVector(a: readonly Rational[], b: readonly Rational[]): boolean {
    return a.length === b.length && a.every((x, i) => x.eq(b[i]!));
}

/** Equality by value; sets of points and of names compare as sets. undefined: incomparable kinds. */
function valuesEqual(a: Value, b: Value): boolean | undefined {
    if (a.kind === 'number' && b.kind === 'number') return a.value.eq(b.value);
    if (a.kind === 'interval' && b.kind === 'interval') return a.lower.eq(b.lower) && a.upper.eq(b.upper);
    if (a.kind === 'boolean' && b.kind === 'boolean') return a.value === b.value;
    if (a.kind === 'names' && b.kind === 'names') {
        const x = new Set(a.names), y = new Set(b.names);
        return x.size === y.size && [...x].every((n) => y.has(n));
    }
    if (a.kind === 'points' && b.kind === 'points') {
        return a.points.every((p) => b.points.some((q) => sameVector(p, q))) && b.points.every((q) => a.points.some((p) => sameVector(p,
            q)));
    }
    const generatorsOf = (v: Value): readonly AMeasure[] | undefined => (v.kind === 'infra' ? v.infra.generators : v.kind === 'ameasures' ? v.ameasures : undefined);
    const ga = generatorsOf(a), gb = generatorsOf(b);
    if (ga && gb) return sameAMeasureSets(ga, gb);
    if (a.kind === 'event' && b.kind === 'event') return sameFiniteSet(a.set, b.set) && a.members.every((m, i) => m === b.members[i]);
    const va = vectorOf(a), vb = vectorOf(b);
    if (va && vb) return sameVector(va, vb);
    return undefined;
}
