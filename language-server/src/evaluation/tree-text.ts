/**
 * Words and numbers for showing a decision tree (hover, preview, exports): a leaf's payoff on the event
 * that reaches it (one number when it is constant there), and the symbols of the node kinds.
 */
import type { Rational } from '../math/rational.js';
import type { Event } from '../math/vectors.js';
import { elementLabel, type FiniteSet } from './values.js';

/** How many element values a leaf shows before `…`. */
export const MAX_LEAF_ENTRIES = 6;

/** `19`, or `(open, soak): 19, (open, wet): 4, (open, dry): -8` over the reaching event. */
export function leafText(set: FiniteSet, payoff: readonly Rational[], reach: Event, show: (value: Rational) => string = String): string {
    const inside = payoff.flatMap((v, i) => (reach[i] ? [{ i, v }] : []));
    if (inside.length === 0) return '—';
    if (inside.every(({ v }) => v.eq(inside[0]!.v))) return show(inside[0]!.v);
    const shown = inside.slice(0, MAX_LEAF_ENTRIES).map(({ i, v }) => `${elementLabel(set, i)}: ${show(v)}`);
    return `${shown.join(', ')}${inside.length > MAX_LEAF_ENTRIES ? ', …' : ''}`;
}

/** Decision nodes are squares, chance nodes circles (as in the decision-analysis literature). */
export const NODE_SYMBOLS = { decision: '□', chance: '○' } as const;
