import type { Element, SetLiteral, SetRange } from '../generated/ast.js';

/**
 * One factor of a finite set as written in the source: an explicit literal `{a, b}` (whose elements are
 * declared nodes that references link to) or an integer range `{1 .. 6}` (whose elements are implicit).
 */
export interface BaseSet {
    readonly literal: SetLiteral | SetRange;
    /** The declared name when the literal is the whole value of a `set` declaration, else its text. */
    readonly label: string;
    /** Declared elements, in order (empty for a range). */
    readonly elements: readonly Element[];
    /** Bounds of a range (both included), exact. */
    readonly range?: { readonly from: bigint; readonly to: bigint };
}

/**
 * A finite set as a flat list of factors: a plain set has one, `A × B` has two, `(A × B) × C` has three
 * (nesting flattens, LANGUAGE.md §3.2). Products are structural: two shapes with the same factor
 * literals in the same order are the same set, whatever they are called.
 */
export interface SetShape {
    readonly factors: readonly BaseSet[];
    /** How to name the set in messages: the declared name, or `Coin × Coin`. */
    readonly label: string;
}

export function productShape(parts: readonly SetShape[], label?: string): SetShape {
    const factors = parts.flatMap(part => part.factors);
    return { factors, label: label ?? parts.map(part => part.factors.length > 1 ? `(${part.label})` : part.label).join(' × ') };
}

export function relabel(shape: SetShape, label: string): SetShape {
    return { factors: shape.factors, label };
}

/** Structural equality: the same factors in the same order. */
export function sameSet(a: SetShape, b: SetShape): boolean {
    return a.factors.length === b.factors.length && a.factors.every((factor, i) => factor.literal === b.factors[i].literal);
}

export function factorSize(factor: BaseSet): bigint {
    if (factor.range) {
        return factor.range.to >= factor.range.from ? factor.range.to - factor.range.from + 1n : 0n;
    }
    return BigInt(factor.elements.length);
}

/** The element names of one factor, in declaration order (a range lists its integers). */
export function elementNames(factor: BaseSet, limit = Number.MAX_SAFE_INTEGER): string[] {
    if (factor.range) {
        const names: string[] = [];
        for (let i = factor.range.from; i <= factor.range.to && names.length < limit; i++) {
            names.push(i.toString());
        }
        return names;
    }
    return factor.elements.slice(0, limit).map(element => element.name);
}

/** Whether `name` is an element of a range factor (integers only, no leading zeros beyond `0`). */
export function rangeContains(factor: BaseSet, name: string): boolean {
    if (!factor.range || !/^(0|[1-9][0-9]*)$/.test(name)) {
        return false;
    }
    const value = BigInt(name);
    return value >= factor.range.from && value <= factor.range.to;
}
