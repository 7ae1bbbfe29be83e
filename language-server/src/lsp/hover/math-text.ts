import type { Rational } from '../../math/rational.js';
import { SYMBOLS } from '../../evaluation/rule-text.js';

/**
 * Math as readable Unicode for hovers and hints (VS Code hovers do not render TeX): P̲, P̄, E̲, Ē,
 * ∈, ≤, Δ, exact fractions with a decimal beside a non-terminating one.
 */
export const LOWER_P = 'P\u0332';
export const UPPER_P = 'P\u0304';
export const LOWER_E = SYMBOLS.unicode.lowerE;
export const UPPER_E = SYMBOLS.unicode.upperE;

/** `-1/3 ≈ -0.3333`, `47/20 = 2.35`, `1000000`. */
export function numberText(value: Rational, places: number): string {
    return value.display(places);
}

/** Exact only: `-1/3`. */
export function exact(value: Rational): string {
    return value.toString();
}

export function pointText(point: readonly Rational[]): string {
    return `(${point.map(exact).join(', ')})`;
}

export function namesText(names: readonly string[]): string {
    return `{${names.join(', ')}}`;
}

/** Text for a Markdown table cell or inline code: pipes and backticks cannot break the table. */
export function cell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/`/g, 'ˋ').replace(/\r?\n/g, ' ');
}
