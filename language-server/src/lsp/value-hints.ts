import { isPending } from '../evaluation/evaluator.js';
import { formatValue } from '../evaluation/format-value.js';
import type { Value } from '../evaluation/values.js';
import { numberText } from './hover/math-text.js';

/** A value on one short line for inlay hints and lenses: exact, a decimal beside non-terminating numbers. */
export function shortValue(value: Value, places: number, maxLength = 60): string {
    const text = value.kind === 'number' ? numberText(value.value, places)
        : isPending(value) ? '…'
        : value.kind === 'error' ? `⚠ ${value.code}`
        : formatValue(value);
    return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
