import type { FiniteSet } from '../evaluation/values.js';

/** The factor names of element `index` of a set (row-major): `['heads']`, `['heads', 'red']`. */
export function elementLabelParts(set: FiniteSet, index: number): string[] {
    const parts: string[] = [];
    let rest = index;
    for (let f = set.factors.length - 1; f >= 0; f--) {
        const names = set.factors[f];
        parts.unshift(names[rest % names.length]);
        rest = Math.floor(rest / names.length);
    }
    return parts;
}

/** `heads` or `(heads, red)`: the element as the note writes it. */
export function elementText(set: FiniteSet, index: number): string {
    const parts = elementLabelParts(set, index);
    return parts.length === 1 ? parts[0] : `(${parts.join(', ')})`;
}
