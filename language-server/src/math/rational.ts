/**
 * Exact rational numbers on BigInt (SEMANTICS §0.2: no floats, no tolerances).
 *
 * `Rational` is immutable and always normalised: gcd(num, den) = 1 and den > 0, so structural
 * equality of (num, den) is numeric equality. Literals are parsed straight from text, never through
 * `Number`. Floats appear only in `toNumber()` (display / plotting approximations).
 *
 * Display convention (`display`): a terminating value prints as its exact reduced fraction ("1/4",
 * "-3", "47/20"); a non-terminating one as fraction plus a rounded decimal marked "≈"
 * ("1/3 ≈ 0.3333"). `toDecimal(places)` rounds to nearest, ties away from zero.
 */

type IntLike = bigint | number;

function toBigInt(value: IntLike, what: string): bigint {
    if (typeof value === 'bigint') return value;
    if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
    return BigInt(value);
}

/** Greatest common divisor of |a| and |b| (gcd(0, 0) = 0). */
export function gcd(a: bigint, b: bigint): bigint {
    if (a < 0n) a = -a;
    if (b < 0n) b = -b;
    // Small operands: Number arithmetic is much faster than BigInt and exact below 2^53.
    if (a <= 9007199254740991n && b <= 9007199254740991n) {
        let x = Number(a), y = Number(b);
        while (y !== 0) { const t = x % y; x = y; y = t; }
        return BigInt(x);
    }
    while (b !== 0n) { const t = a % b; a = b; b = t; }
    return a;
}

/** Least common multiple of |a| and |b| (lcm with 0 is 0). */
export function lcm(a: bigint, b: bigint): bigint {
    if (a === 0n || b === 0n) return 0n;
    const g = gcd(a, b);
    const r = (a / g) * b;
    return r < 0n ? -r : r;
}

const DECIMAL = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\/([+-]?\d+)$/;
/** Exponents beyond this are refused: 10^±100000 is not a probability anyone writes. */
const MAX_EXPONENT = 100000;

export class Rational {
    static readonly ZERO = new Rational(0n, 1n);
    static readonly ONE = new Rational(1n, 1n);

    /** Use `Rational.of` / `Rational.parse`; the constructor trusts that (num, den) is normalised. */
    private constructor(readonly num: bigint, readonly den: bigint) {}

    /** n/d, normalised. Throws RangeError when d = 0 or a number argument is not a safe integer. */
    static of(n: IntLike, d: IntLike = 1n): Rational {
        return Rational.fromBigInts(toBigInt(n, 'numerator'), toBigInt(d, 'denominator'));
    }

    /** n/d from bigints, normalised. Throws RangeError when d = 0. */
    static fromBigInts(n: bigint, d: bigint): Rational {
        if (d === 0n) throw new RangeError('division by zero');
        if (n === 0n) return Rational.ZERO;
        if (d < 0n) { n = -n; d = -d; }
        if (d === 1n) return n === 0n ? Rational.ZERO : n === 1n ? Rational.ONE : new Rational(n, 1n);
        const g = gcd(n, d);
        if (g === 1n) return new Rational(n, d);
        return new Rational(n / g, d / g);
    }

    /**
     * Exact value of a literal: integer ("-3"), decimal ("0.25", ".5"), scientific ("2.5e-3", "1.5E+2")
     * or fraction ("1/3", "-2/4"). Surrounding whitespace is ignored.
     * Throws SyntaxError on malformed text, RangeError on a zero denominator or a huge exponent.
     */
    static parse(text: string): Rational {
        const s = text.trim();
        const frac = FRACTION.exec(s);
        if (frac) return Rational.fromBigInts(BigInt(frac[1]!), BigInt(frac[2]!));
        const dec = DECIMAL.exec(s);
        if (!dec) throw new SyntaxError(`not a number: "${text}"`);
        const [, sign, mantissa, expText] = dec;
        const dot = mantissa!.indexOf('.');
        const intPart = dot < 0 ? mantissa! : mantissa!.slice(0, dot);
        const fracPart = dot < 0 ? '' : mantissa!.slice(dot + 1);
        let num = BigInt((intPart || '0') + fracPart);
        if (sign === '-') num = -num;
        let exponent = -fracPart.length;
        if (expText !== undefined) {
            const e = Number(expText);
            if (!Number.isSafeInteger(e) || Math.abs(e) > MAX_EXPONENT) throw new RangeError(`exponent too large in "${text}"`);
            exponent += e;
        }
        return exponent >= 0
            ? Rational.fromBigInts(num * 10n ** BigInt(exponent), 1n)
            : Rational.fromBigInts(num, 10n ** BigInt(-exponent));
    }

    /** Like `parse`, but undefined instead of throwing. */
    static tryParse(text: string): Rational | undefined {
        try { return Rational.parse(text); } catch { return undefined; }
    }

    static min(...values: Rational[]): Rational {
        if (values.length === 0) throw new RangeError('min of no values');
        return values.reduce((a, b) => (b.lt(a) ? b : a));
    }

    static max(...values: Rational[]): Rational {
        if (values.length === 0) throw new RangeError('max of no values');
        return values.reduce((a, b) => (b.gt(a) ? b : a));
    }

    /** Sum of an iterable (0 when empty); accumulates over a common denominator with one final gcd. */
    static sum(values: Iterable<Rational>): Rational {
        let num = 0n, den = 1n;
        for (const v of values) {
            if (v.den === den) num += v.num;
            else {
                const g = gcd(den, v.den);
                const vScale = den / g;
                num = num * (v.den / g) + v.num * vScale;
                den *= v.den / g;
            }
        }
        return Rational.fromBigInts(num, den);
    }

    /** Dot product Σ a_i b_i of equal-length vectors. */
    static dot(a: readonly Rational[], b: readonly Rational[]): Rational {
        if (a.length !== b.length) throw new RangeError(`dot of lengths ${a.length} and ${b.length}`);
        return Rational.sum(a.map((x, i) => x.mul(b[i]!)));
    }

    add(o: Rational): Rational {
        if (this.den === 1n && o.den === 1n) return Rational.fromBigInts(this.num + o.num, 1n);
        if (this.den === o.den) return Rational.fromBigInts(this.num + o.num, this.den);
        const g = gcd(this.den, o.den);
        const a = this.den / g, b = o.den / g;
        return Rational.fromBigInts(this.num * b + o.num * a, a * o.den);
    }

    sub(o: Rational): Rational {
        return this.add(o.neg());
    }

    mul(o: Rational): Rational {
        if (this.num === 0n || o.num === 0n) return Rational.ZERO;
        if (this.den === 1n && o.den === 1n) return Rational.fromBigInts(this.num * o.num, 1n);
        // Cross-cancel first so the products stay small and the result is already reduced.
        const g1 = gcd(this.num, o.den), g2 = gcd(o.num, this.den);
        return new Rational((this.num / g1) * (o.num / g2), (this.den / g2) * (o.den / g1));
    }

    /** Throws RangeError when o = 0 (callers check). */
    div(o: Rational): Rational {
        return this.mul(o.inv());
    }

    neg(): Rational {
        return this.num === 0n ? this : new Rational(-this.num, this.den);
    }

    abs(): Rational {
        return this.num < 0n ? new Rational(-this.num, this.den) : this;
    }

    /** 1/this; throws RangeError for 0. */
    inv(): Rational {
        if (this.num === 0n) throw new RangeError('division by zero');
        return this.num < 0n ? new Rational(-this.den, -this.num) : new Rational(this.den, this.num);
    }

    /** this^k for an integer k; negative k needs a nonzero base (RangeError otherwise). 0^0 = 1. */
    pow(k: IntLike): Rational {
        const e = toBigInt(k, 'exponent');
        if (e < 0n) return this.inv().pow(-e);
        return new Rational(this.num ** e, this.den ** e);
    }

    /** -1, 0 or 1 as this <, =, > o. */
    cmp(o: Rational): -1 | 0 | 1 {
        const l = this.num * o.den, r = o.num * this.den;
        return l < r ? -1 : l > r ? 1 : 0;
    }

    eq(o: Rational): boolean { return this.num === o.num && this.den === o.den; }
    lt(o: Rational): boolean { return this.cmp(o) < 0; }
    le(o: Rational): boolean { return this.cmp(o) <= 0; }
    gt(o: Rational): boolean { return this.cmp(o) > 0; }
    ge(o: Rational): boolean { return this.cmp(o) >= 0; }

    sign(): -1 | 0 | 1 { return this.num < 0n ? -1 : this.num > 0n ? 1 : 0; }
    isZero(): boolean { return this.num === 0n; }
    isInteger(): boolean { return this.den === 1n; }

    /** True when the decimal expansion terminates (den has no prime factors but 2 and 5). */
    isTerminating(): boolean {
        let d = this.den;
        while (d % 2n === 0n) d /= 2n;
        while (d % 5n === 0n) d /= 5n;
        return d === 1n;
    }

    /** Reduced fraction: "-1/3", "47/20", "1000000". */
    toString(): string {
        return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
    }

    /** Nearest double (approximate; for display and plotting only). */
    toNumber(): number {
        const n = Number(this.num), d = Number(this.den);
        if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
        // Huge terms: scale both down to keep ~60 significant bits.
        const shift = BigInt(Math.max(this.num < 0n ? (-this.num).toString(2).length : this.num.toString(2).length,
            this.den.toString(2).length) - 60);
        return Number(this.num >> shift) / Number(this.den >> shift);
    }

    /** Decimal with exactly `places` digits after the point, rounded to nearest, ties away from zero. */
    toDecimal(places: number): string {
        if (!Number.isSafeInteger(places) || places < 0) throw new RangeError(`bad number of places: ${places}`);
        const scale = 10n ** BigInt(places);
        const negative = this.num < 0n;
        const absNum = negative ? -this.num : this.num;
        let q = (absNum * scale) / this.den;
        const rem = (absNum * scale) % this.den;
        if (2n * rem >= this.den) q += 1n;
        const digits = q.toString().padStart(places + 1, '0');
        const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
        return negative && q !== 0n ? `-${body}` : body;
    }

    /** The exact decimal expansion of a terminating value ("0.25", "-3"); undefined otherwise. */
    toExactDecimal(): string | undefined {
        if (!this.isTerminating()) return undefined;
        let twos = 0, fives = 0, d = this.den;
        while (d % 2n === 0n) { d /= 2n; twos++; }
        while (d % 5n === 0n) { d /= 5n; fives++; }
        const places = Math.max(twos, fives);
        return this.toDecimal(places);
    }

    /** Display string: "1/4" when terminating, "1/3 ≈ 0.3333" otherwise (see module comment). */
    display(places = 4): string {
        return this.isTerminating() ? this.toString() : `${this.toString()} ≈ ${this.toDecimal(places)}`;
    }
}

/** Shorthand for `Rational.of` / `Rational.parse`: q(1, 3), q('0.25'). */
export function q(n: IntLike | string, d?: IntLike): Rational {
    return typeof n === 'string' ? Rational.parse(n) : Rational.of(n, d);
}
