import type { Rational } from '../../math/rational.js';
import type { FiniteSet, Value } from '../../evaluation/values.js';
import { elementLabelParts } from '../set-elements.js';
import { latexName, latexTupleElement, escapeText } from './names.js';
import { latexRational } from './numbers.js';

/** A tuple of exact numbers: `(\tfrac13,\tfrac23)`. */
export function latexVector(entries: readonly Rational[]): string {
    return `(${entries.map(latexRational).join(',')})`;
}

/** A set of points, one per vertex: `\{(\tfrac13,\tfrac23),(\tfrac23,\tfrac13)\}`. */
function latexPoints(points: readonly (readonly Rational[])[]): string {
    return points.length === 0 ? '\\emptyset' : `\\{${points.map(latexVector).join(',\\ ')}\\}`;
}

/** The elements of a finite set: `\{\mathrm{heads},\mathrm{tails}\}`. */
export function latexSetElements(set: FiniteSet, members?: readonly boolean[]): string {
    const items: string[] = [];
    for (let i = 0; i < set.size; i++) {
        if (!members || members[i]) items.push(latexTupleElement(elementLabelParts(set, i)));
    }
    return items.length === 0 ? '\\emptyset' : `\\{${items.join(',')}\\}`;
}

/**
 * A value as LaTeX, or undefined for values that are drawn rather than written (credal sets, decision
 * problems) and for errors, which are shown as messages.
 */
export function latexValue(value: Value): string | undefined {
    switch (value.kind) {
        case 'number': return latexRational(value.value);
        case 'interval': return `[${latexRational(value.lower)},${latexRational(value.upper)}]`;
        case 'points': return latexPoints(value.points);
        case 'names': return value.names.length === 0 ? '\\emptyset' : `\\{${value.names.map(name => latexName(name)).join(',')}\\}`;
        case 'boolean': return `\\text{${value.value ? 'true' : 'false'}}`;
        case 'set': return latexSetElements(value.set);
        case 'event': return latexSetElements(value.set, value.members);
        case 'distribution': return latexVector(value.p);
        case 'gamble': return latexVector(value.f);
        case 'vector': return latexVector(value.entries);
        case 'rule': return `\\text{${escapeText(ruleWord(value.rule.kind))}}`;
        default: return undefined;
    }
}

function ruleWord(kind: string): string {
    return kind;
}
