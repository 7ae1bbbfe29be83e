import type { Rational } from '../../math/rational.js';

/**
 * An exact rational as LaTeX: integers as they are, fractions as `\tfrac{1}{3}` (amsmath; MathJax 2 has
 * it too), the sign in front. Digits are grouped with thin spaces only past six digits.
 */
export function latexRational(value: Rational): string {
    const text = value.toString();
    const negative = text.startsWith('-');
    const [num, den] = (negative ? text.slice(1) : text).split('/');
    const body = den === undefined ? groupDigits(num) : `\\tfrac{${groupDigits(num)}}{${groupDigits(den)}}`;
    return negative ? `-${body}` : body;
}

/** `≈ 0.3333` for a non-terminating value (the decimal a reader compares with), else undefined. */
export function approximation(value: Rational, places = 4): string | undefined {
    return value.isTerminating() ? undefined : value.toDecimal(places);
}

function groupDigits(digits: string): string {
    if (digits.length <= 6) return digits;
    const groups: string[] = [];
    for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
    return groups.join('\\,');
}
