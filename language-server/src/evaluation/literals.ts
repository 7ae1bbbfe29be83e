/**
 * Brace literals `{…}` and elements, read by context: an event `{heads}`, a mapping `{heads: 1/2, tails: rest}`
 * (distribution or gamble), a constraint block `{ P(A) >= 1/10 }`, a set of names `{back, lay}`, a set of
 * points `{(1/3, 2/3), …}`, or distributions read as their hull `{p, q}` (I-HULL).
 */
import type { AstNode, Reference } from 'langium';
import {
    isBraceLiteral, isComparison, isConstant, isElseItem, isInteger, isKeyValue, isNameRef, isTuple,
    type BraceLiteral, type Expression
} from '../generated/ast.js';
import type { CredalLinkingError } from '../linking/credal-linker.js';
import { targetOf } from '../linking/safe-ref.js';
import * as credal from '../math/credal.js';
import { Rational } from '../math/rational.js';
import { constraintBlock } from './constraints.js';
import { EvalContext, rangeOf, sourceText } from './context.js';
import { coerce, evaluate, evaluateNumber, type Want } from './expressions.js';
import { aMeasureSetLiteral } from './infra.js';
import {
    elementIndex, elementLabel, errorValue, isError,
    type CredalValue, type DistributionValue, type ErrorValue, type FiniteSet, type Value
} from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';
import { siteOf } from '../linking/source-site.js';

export function braceLiteral(ctx: EvalContext, node: BraceLiteral, want: Want): Value {
    const items = node.items;
    const set = want.set ?? ctx.contextSet(node);
    if (items.some((item) => isKeyValue(item) || isElseItem(item))) return mapping(ctx, node, { ...want, set });
    if (items.some(isComparison)) {
        if (want.kind !== 'credal' && want.kind !== 'any') {
            return ctx.fail(IssueCodes.Type,
                `a constraint block describes a credal set, but ${want.kind === 'number' ? 'a number' : `a ${want.kind}`} is expected here`, { node });
        }
        if (!set) return ctx.unknownSet('cannot tell which set these constraints are on; add `on <set>` to the declaration', node);
        return constraintBlock(ctx, node, set);
    }
    if (want.kind === 'ameasures') return aMeasureSetLiteral(ctx, node, set);
    switch (readingOf(node, want)) {
        case 'event': return eventLiteral(ctx, node, set);
        case 'names': return namesLiteral(ctx, node);
        case 'points': return pointsLiteral(ctx, node);
        case 'hull': return implicitHull(ctx, node, set);
        case 'credal-empty': {
            if (!set) return ctx.unknownSet('cannot tell which set this credal set is on; add `on <set>`', node);
            const r = credal.fromConstraints(set.size, []);
            return r.ok ? { kind: 'credal', set, credal: r.value, origin: 'constraints' } : ctx.engineFailure(r.error, { node });
        }
    }
}

type Reading = 'event' | 'names' | 'points' | 'hull' | 'credal-empty';

/** How to read a `{…}` of bare items, from the wanted kind or else from what the items are. */
function readingOf(node: BraceLiteral, want: Want): Reading {
    switch (want.kind) {
        case 'event': return 'event';
        case 'names': return 'names';
        case 'points': return 'points';
        case 'credal': return node.items.length === 0 ? 'credal-empty' : 'hull';
        default: break;
    }
    const first = node.items[0];
    if (!first) return 'event';
    if (isTuple(first)) return first.items.every(isElementRef) ? 'event' : 'points';
    if (isNameRef(first)) {
        const target = targetOf(first.ref);
        if (target?.$type === 'Act' || target?.$type === 'Policy') return 'names';
        if (target?.$type === 'DistDeclaration' || target?.$type === 'CredalDeclaration') return 'hull';
    }
    if (isBraceLiteral(first)) return 'hull';
    return 'event';
}

function isElementRef(node: AstNode): boolean {
    if (isNameRef(node)) return targetOf(node.ref)?.$type === 'Element';
    if (isInteger(node)) return targetOf(node.element)?.$type === 'Element';
    return false;
}

/** Whether the linker already reported this reference (then evaluation stays silent about it). */
function linkerReported(reference: Reference): boolean {
    const error = reference.error as CredalLinkingError | undefined;
    return !!error && !error.silent;
}

/** The index of the element an item names (`heads`, `3`, `(heads, red)`) in `set`, or an error. */
export function elementOf(ctx: EvalContext, item: AstNode | undefined, set: FiniteSet): number | ErrorValue {
    if (!item) return errorValue(IssueCodes.ElementUnknown, 'missing element', { reported: true });
    const names: string[] = [];
    const parts = isTuple(item) ? item.items : [item];
    for (const part of parts) {
        if (!part) return errorValue(IssueCodes.ElementUnknown, 'missing element', { reported: true });
        if (isNameRef(part)) {
            const target = targetOf(part.ref);
            if (!target && linkerReported(part.ref)) return errorValue(IssueCodes.ElementUnknown, 'unknown element', { reported: true });
            if (target && target.$type !== 'Element') {
                return ctx.fail(IssueCodes.Type,
                    `\`${part.ref.$refText}\` is ${kindOfDeclaration(target.$type)}, not an element of ${set.label}`, { node: part });
            }
            names.push(part.ref.$refText);
        } else if (isInteger(part)) {
            if (!targetOf(part.element) && linkerReported(part.element)) return errorValue(IssueCodes.ElementUnknown, 'unknown element',
                { reported: true });
            names.push(part.element.$refText);
        } else {
            return ctx.fail(IssueCodes.Type, `expected an element of ${set.label}, got \`${sourceText(part)}\``, { node: part });
        }
    }
    if (names.length !== set.factors.length) {
        const example = `(${set.factors.map((f) => f[0] ?? '…').join(', ')})`;
        return ctx.fail(IssueCodes.Type, set.factors.length > 1
            ? `the elements of ${set.label} are tuples such as ${example}`
            : `\`${sourceText(item)}\` is a tuple, but ${set.label} is not a product`, { node: item });
    }
    const index = elementIndex(set, names);
    if (index < 0) {
        const missing = names.find((name, f) => !set.factors[f]!.includes(name)) ?? names[0]!;
        return ctx.fail(IssueCodes.ElementUnknown, `\`${missing}\` is not an element of ${set.label}`, { node: item },
            { data: { element: missing, set: set.label } });
    }
    return index;
}

function kindOfDeclaration(type: string): string {
    const words: Record<string, string> = {
        LetDeclaration: 'a constant', SetDeclaration: 'a set', EventDeclaration: 'an event', DistDeclaration: 'a distribution',
        GambleDeclaration: 'a gamble', CredalDeclaration: 'a credal set', DecisionDeclaration: 'a decision problem',
        DdtDeclaration: 'a DDT problem', Eval: 'a named result'
    };
    return words[type] ?? 'a name';
}

function eventLiteral(ctx: EvalContext, node: BraceLiteral, set: FiniteSet | undefined): Value {
    if (!set) return ctx.unknownSet('cannot tell which set this event is on; add `on <set>` to the declaration', node);
    const members = new Array<boolean>(set.size).fill(false);
    let failed: ErrorValue | undefined;
    for (const item of node.items) {
        const index = elementOf(ctx, item, set);
        if (typeof index === 'number') members[index] = true; else failed ??= index;
    }
    return failed ?? { kind: 'event', set, members };
}

function namesLiteral(ctx: EvalContext, node: BraceLiteral): Value {
    const names: string[] = [];
    for (const item of node.items) {
        if (!isNameRef(item)) return ctx.fail(IssueCodes.Type, `expected the name of an act or policy, got \`${sourceText(item)}\``,
            { node: item });
        const target = targetOf(item.ref);
        // A generated policy (`one_two`, §8.8) or a tree's strategy (§9.2) has no declaration: linking accepted the name silently.
        if (!target && !linkerReported(item.ref)) { names.push(item.ref.$refText); continue; }
        if (!target) return errorValue(IssueCodes.Unresolved, 'unknown name', { reported: true });
        if (target.$type !== 'Act' && target.$type !== 'Policy') {
            return ctx.fail(IssueCodes.Type, `\`${item.ref.$refText}\` is not an act or a policy`, { node: item });
        }
        names.push(item.ref.$refText);
    }
    return { kind: 'names', names };
}

function pointsLiteral(ctx: EvalContext, node: BraceLiteral): Value {
    const points: Rational[][] = [];
    for (const item of node.items) {
        const value = evaluate(ctx, item, { kind: 'points' });
        if (isError(value)) return value;
        if (value.kind === 'vector') points.push([...value.entries]);
        else if (value.kind === 'distribution') points.push([...value.p]);
        else return ctx.fail(IssueCodes.Type, `expected a point (a tuple of numbers), got \`${sourceText(item)}\``, { node: item });
    }
    return { kind: 'points', points };
}

/** `{p, q, {a: 1}}` written as a credal set: the convex hull of the listed distributions (I-HULL). */
function implicitHull(ctx: EvalContext, node: BraceLiteral, set: FiniteSet | undefined): Value {
    const value = hullOfItems(ctx, node.items, set, node, true);
    return value;
}

/**
 * The hull of distributions and credal sets (`hull{…}`, `hull(p, q)`, or an implicit list). W-DUP-GEN on
 * repeated generators; generators keep their nodes for I-REDUNDANT.
 */
export function hullOfItems(ctx: EvalContext, items: readonly AstNode[], set: FiniteSet | undefined, node: AstNode,
    implicit: boolean): Value {
    if (items.length === 0) return ctx.fail(IssueCodes.Type, 'a hull needs at least one distribution', { node });
    const parts: (DistributionValue | CredalValue)[] = [];
    let failed: ErrorValue | undefined;
    let known = set;
    for (const item of items) {
        const raw = evaluate(ctx, item, { kind: 'distribution', set: known ?? ctx.setOf(item) });
        const value = raw.kind === 'credal' || raw.kind === 'distribution' || isError(raw)
            ? coerce(ctx, raw, { kind: raw.kind === 'credal' ? 'credal' : 'distribution', set: known }, item)
            : coerce(ctx, raw, { kind: 'distribution', set: known ?? ctx.setOf(item) }, item);
        if (isError(value)) { failed ??= value; continue; }
        const part = value as DistributionValue | CredalValue;
        known ??= part.set;
        parts.push(part);
    }
    if (failed) return failed;
    const target = known!;
    if (implicit) ctx.note('info', IssueCodes.Hull, 'a list of distributions is read as its convex hull; write hull{…} to say so',
        { node });
    if (parts.every((p) => p.kind === 'distribution')) {
        const generators = (parts as DistributionValue[]).map((p) => p.p);
        const r = credal.hull(generators);
        if (!r.ok) return ctx.engineFailure(r.error, { node });
        const duplicates = new Set<number>();
        for (const note of r.value.notes) {
            if (note.code !== IssueCodes.DupGen) continue;
            for (const d of (note.data as { duplicates: { index: number; duplicateOf: number }[] }).duplicates) {
                duplicates.add(d.index);
                ctx.note('warning', IssueCodes.DupGen,
                    `\`${sourceText(items[d.index])}\` repeats generator \`${sourceText(items[d.duplicateOf])}\``,
                    { node: items[d.index]! }, { index: d.index, duplicateOf: d.duplicateOf, deleteRange: rangeOf(items[d.index]) },
                    [{ node: items[d.duplicateOf]!, message: 'first listed here' }]);
            }
        }
        const written = items.filter((_, i) => !duplicates.has(i)).map((item) => siteOf(item));
        return { kind: 'credal', set: target, credal: r.value, origin: implicit ? 'implicit-hull' : 'hull', sources: { generators: written } };
    }
    const sets: credal.CredalSet[] = [];
    for (const part of parts) {
        if (part.kind === 'credal') { sets.push(part.credal); continue; }
        const r = credal.precise(part.p);
        if (!r.ok) return ctx.engineFailure(r.error, { node });
        sets.push(r.value);
    }
    const r = credal.hullOfUnion(sets);
    return r.ok ? { kind: 'credal', set: target, credal: r.value, origin: 'hull-of-union' } : ctx.engineFailure(r.error, { node });
}

// ---------------------------------------------------------------- mappings

/** `{heads: 1/2, tails: rest}` / `{R: 100, else: 0}`: a distribution or a gamble on the set. */
function mapping(ctx: EvalContext, node: BraceLiteral, want: Want): Value {
    const set = want.set;
    if (!set) return ctx.unknownSet('cannot tell which set this mapping is on; add `on <set>` to the declaration', node);
    const asDistribution = want.kind === 'distribution' || want.kind === 'credal'
        || (want.kind === 'any' && node.items.some((item) => isKeyValue(item) && isConstant(item.value) && item.value.value === 'rest'));
    if (!asDistribution && want.kind !== 'gamble' && want.kind !== 'any') {
        return ctx.fail(IssueCodes.Type, `a mapping is a distribution or a gamble, but ${want.kind} is expected here`, { node });
    }
    const values = new Array<Rational | undefined>(set.size).fill(undefined);
    const entryNodes = new Array<AstNode | undefined>(set.size).fill(undefined);
    const keyNodes = new Array<AstNode | undefined>(set.size).fill(undefined);
    let elseValue: Rational | undefined;
    let restIndex: number | undefined;
    let restNode: AstNode | undefined;
    let failed: ErrorValue | undefined;
    for (const item of node.items) {
        if (isElseItem(item)) {
            const v = evaluateNumber(ctx, item.value);
            if (isError(v)) failed ??= v; else elseValue = v;
            continue;
        }
        if (!isKeyValue(item)) {
            failed ??= ctx.fail(IssueCodes.Type, `expected \`element: value\` in a mapping, got \`${sourceText(item)}\``, { node: item });
            continue;
        }
        const index = elementOf(ctx, item.key, set);
        if (typeof index !== 'number') { failed ??= index; continue; }
        if (keyNodes[index]) {
            failed ??= ctx.fail(IssueCodes.DuplicateName, `\`${elementLabel(set, index)}\` is given twice in this mapping`,
                { node: item.key },
                { related: [{ node: keyNodes[index]!, message: 'first given here' }] });
            continue;
        }
        keyNodes[index] = item.key;
        entryNodes[index] = item.value;
        if (isConstant(item.value) && item.value.value === 'rest') {
            if (!asDistribution) { failed ??= ctx.fail(IssueCodes.Type, '`rest` is only meaningful in a distribution',
                { node: item.value }); continue; }
            if (restIndex !== undefined) { failed ??= ctx.fail(IssueCodes.Type, '`rest` may be given to one element only',
                { node: item.value }); continue; }
            restIndex = index;
            restNode = item.value;
            continue;
        }
        const v = evaluateNumber(ctx, item.value as Expression);
        if (isError(v)) failed ??= v; else values[index] = v;
    }
    if (failed) return failed;
    const missing = values.map((v, i) => (v === undefined && i !== restIndex ? i : -1)).filter((i) => i >= 0);
    if (!asDistribution) {
        if (missing.length > 0 && elseValue === undefined) {
            const names = missing.map((i) => elementLabel(set, i));
            return ctx.fail(IssueCodes.GamblePartial,
                `the gamble gives no value to ${names.join(', ')}; list ${missing.length > 1 ? 'them' : 'it'} or add \`else: 0\``,
                { node }, { data: { missing: names, set: set.label } });
        }
        return { kind: 'gamble', set, f: values.map((v) => v ?? elseValue ?? Rational.ZERO) };
    }
    if (missing.length > 0 && elseValue === undefined) {
        const names = missing.map((i) => elementLabel(set, i));
        ctx.note('info', IssueCodes.ImplicitZero,
            `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not listed and ${names.length > 1 ? 'have' : 'has'} mass 0`,
            { node }, { missing: names });
    }
    const p = values.map((v, i) => (i === restIndex ? Rational.ZERO : v ?? elseValue ?? Rational.ZERO));
    if (restIndex !== undefined) {
        const listed = Rational.sum(p);
        const rest = Rational.ONE.sub(listed);
        if (rest.sign() < 0) {
            return ctx.fail(IssueCodes.DistNeg, `\`rest\` would be ${rest}: the listed masses already sum to ${listed}`,
                { node: restNode! },
                { data: { listed: String(listed), rest: String(rest) } });
        }
        p[restIndex] = rest;
    }
    return checkedDistribution(ctx, p, set, (i) => entryNodes[i], node);
}

/**
 * A distribution's validity (SEMANTICS §A.2): E-DIST-NEG at every negative mass, masses above 1 named,
 * E-DIST-SUM with the exact sum and the deficit or excess. The data carries the normalized masses
 * (quick fix "normalize") and the element names (quick fix "put rest on an element").
 */
export function checkedDistribution(ctx: EvalContext, p: readonly Rational[], set: FiniteSet,
    entryNode: (i: number) => AstNode | undefined, literal: AstNode): DistributionValue | ErrorValue {
    let failed: ErrorValue | undefined;
    const negative = p.some((x) => x.sign() < 0);
    p.forEach((x, i) => {
        const where = { node: entryNode(i) ?? literal };
        if (x.sign() < 0) {
            const e = ctx.fail(IssueCodes.DistNeg, `negative mass ${x} at ${elementLabel(set, i)}`, where,
                { data: { element: elementLabel(set, i), value: String(x) } });
            failed ??= e;
        } else if (x.gt(Rational.ONE)) {
            const code = negative ? IssueCodes.DistNeg : IssueCodes.DistSum;
            const e = ctx.fail(code, `mass ${x} at ${elementLabel(set, i)} exceeds 1`, where, { data: { element: elementLabel(set, i),
                value: String(x) } });
            failed ??= e;
        }
    });
    const sum = Rational.sum(p);
    const missing = Rational.ONE.sub(sum);
    if (!missing.isZero()) {
        const tail = missing.sign() > 0 ? `${missing} missing` : `${missing.neg()} too much`;
        const normalized = !negative && sum.sign() > 0 ? p.map((x) => String(x.div(sum))) : undefined;
        const e = ctx.fail(IssueCodes.DistSum, `sums to ${sum}; ${tail}`, { node: literal }, {
            data: { sum: String(sum), missing: String(missing), normalized, elements: set.factors.length === 1 ? [...set.factors[0]!]
                : undefined, literalRange: rangeOf(literal) }
        });
        failed ??= e;
    }
    return failed ?? { kind: 'distribution', set, p };
}

