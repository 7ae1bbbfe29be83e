import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcd, q, Rational } from '../../src/math/rational.js';

const r = (n: number, d = 1) => Rational.of(n, d);

describe('Rational construction and normal form', () => {
    it('reduces and keeps the denominator positive', () => {
        expect(r(2, 4).toString()).toBe('1/2');
        expect(r(3, -6).toString()).toBe('-1/2');
        expect(r(-3, -6).toString()).toBe('1/2');
        expect(r(0, -5)).toBe(Rational.ZERO);
        expect(r(0, 7).den).toBe(1n);
        expect(Rational.of(10n ** 30n, 10n ** 28n).toString()).toBe('100');
    });
    it('rejects a zero denominator and unsafe numbers', () => {
        expect(() => r(1, 0)).toThrow(RangeError);
        expect(() => Rational.of(0.5)).toThrow(RangeError);
        expect(() => Rational.of(2 ** 60)).toThrow(RangeError);
    });
});

describe('Rational.parse', () => {
    const cases: [string, string][] = [
        ['42', '42'], ['-3', '-3'], ['+7', '7'], ['0.25', '1/4'], ['-0.5', '-1/2'], ['.5', '1/2'], ['5.', '5'],
        ['1/3', '1/3'], ['-2/4', '-1/2'], ['2/-4', '-1/2'], ['1e6', '1000000'], ['2.5e-3', '1/400'],
        ['1.5E+2', '150'], ['0.1', '1/10'], ['0.000', '0'], ['-0', '0'], ['  3/9 ', '1/3'],
        ['123456789012345678901234567890.5', '246913578024691357802469135781/2'], ['1e-30', `1/${10n ** 30n}`],
        ['0.1e1', '1'], ['007', '7'],
    ];
    it.each(cases)('parses %s exactly as %s', (text, expected) => {
        expect(Rational.parse(text).toString()).toBe(expected);
    });
    it.each(['', 'abc', '1/', '/2', '1.2.3', '1e', '1/2/3', '0x10', 'NaN', 'Infinity', '1 /2', '--1', '1/2.5'])(
        'rejects %j with SyntaxError', (text) => {
            expect(() => Rational.parse(text)).toThrow(SyntaxError);
            expect(Rational.tryParse(text)).toBeUndefined();
        });
    it('rejects zero denominators and absurd exponents with RangeError', () => {
        expect(() => Rational.parse('1/0')).toThrow(RangeError);
        expect(() => Rational.parse('1e999999999')).toThrow(RangeError);
    });
    it('never goes through floating point', () => {
        expect(Rational.parse('0.1').add(Rational.parse('0.2')).eq(Rational.parse('0.3'))).toBe(true);
        expect(Rational.parse('9007199254740993').num).toBe(9007199254740993n);
    });
    it('round-trips toString', () => {
        fc.assert(fc.property(fc.bigInt(), fc.bigInt({ min: 1n }), (n, d) => {
            const x = Rational.of(n, d);
            return Rational.parse(x.toString()).eq(x);
        }));
    });
});

describe('Rational arithmetic', () => {
    it('computes exactly', () => {
        expect(r(1, 3).add(r(1, 6)).toString()).toBe('1/2');
        expect(r(1, 3).sub(r(1, 2)).toString()).toBe('-1/6');
        expect(r(2, 3).mul(r(9, 4)).toString()).toBe('3/2');
        expect(r(2, 3).div(r(-4, 9)).toString()).toBe('-3/2');
        expect(r(-2, 3).neg().toString()).toBe('2/3');
        expect(r(-2, 3).abs().toString()).toBe('2/3');
        expect(r(-2, 3).inv().toString()).toBe('-3/2');
        expect(r(2, 3).pow(3).toString()).toBe('8/27');
        expect(r(2, 3).pow(-2).toString()).toBe('9/4');
        expect(r(0).pow(0).toString()).toBe('1');
        expect(() => r(0).pow(-1)).toThrow(RangeError);
        expect(() => r(1).div(Rational.ZERO)).toThrow(RangeError);
        expect(() => Rational.ZERO.inv()).toThrow(RangeError);
    });
    it('compares', () => {
        expect(r(1, 3).cmp(r(1, 2))).toBe(-1);
        expect(r(2, 4).cmp(r(1, 2))).toBe(0);
        expect(r(-1, 2).lt(r(-1, 3))).toBe(true);
        expect(r(1, 2).le(r(1, 2)) && r(1, 2).ge(r(1, 2)) && !r(1, 2).gt(r(1, 2))).toBe(true);
        expect([r(-3).sign(), Rational.ZERO.sign(), r(1, 9).sign()]).toEqual([-1, 0, 1]);
        expect(Rational.min(r(1, 2), r(1, 3), r(2, 3)).toString()).toBe('1/3');
        expect(Rational.max(r(1, 2), r(1, 3), r(2, 3)).toString()).toBe('2/3');
        expect(Rational.sum([r(1, 2), r(1, 3), r(1, 6)]).toString()).toBe('1');
        expect(Rational.sum([]).toString()).toBe('0');
        expect(r(4, 2).isInteger() && !r(1, 2).isInteger() && Rational.ZERO.isZero()).toBe(true);
    });
    const rat = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
        .map(([n, d]) => Rational.of(n, d));
    it('satisfies field laws and stays normalised (property)', () => {
        fc.assert(fc.property(rat, rat, rat, (a, b, c) => {
            const norm = (x: Rational) => x.den > 0n && gcd(x.num, x.den) === 1n;
            const s = a.add(b), p = a.mul(b);
            return norm(s) && norm(p) && norm(a.sub(b))
                && s.eq(b.add(a)) && p.eq(b.mul(a))
                && a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))
                && a.sub(b).add(b).eq(a)
                && (b.isZero() || a.div(b).mul(b).eq(a))
                && Rational.sum([a, b, c]).eq(a.add(b).add(c))
                && (a.cmp(b) === Math.sign(a.toNumber() - b.toNumber()) || Math.abs(a.toNumber() - b.toNumber()) < 1e-9);
        }));
    });
});

describe('Rational printing', () => {
    it('prints decimals correctly rounded (ties away from zero)', () => {
        expect(r(1, 3).toDecimal(4)).toBe('0.3333');
        expect(r(2, 3).toDecimal(4)).toBe('0.6667');
        expect(r(-2, 3).toDecimal(4)).toBe('-0.6667');
        expect(r(1, 8).toDecimal(2)).toBe('0.13');
        expect(r(-1, 8).toDecimal(2)).toBe('-0.13');
        expect(r(47, 20).toDecimal(0)).toBe('2');
        expect(r(5, 2).toDecimal(0)).toBe('3');
        expect(r(-1, 1000).toDecimal(2)).toBe('0.00');
        expect(r(123456, 1).toDecimal(2)).toBe('123456.00');
    });
    it('knows terminating decimals', () => {
        expect(r(1, 4).isTerminating() && r(47, 20).isTerminating() && r(3).isTerminating()).toBe(true);
        expect(r(1, 3).isTerminating() || r(1, 6).isTerminating()).toBe(false);
        expect(r(47, 20).toExactDecimal()).toBe('2.35');
        expect(r(-1, 16).toExactDecimal()).toBe('-0.0625');
        expect(r(7).toExactDecimal()).toBe('7');
        expect(r(1, 3).toExactDecimal()).toBeUndefined();
    });
    it('displays a fraction plus ≈ decimal only when the decimal does not terminate', () => {
        expect(r(1, 3).display()).toBe('1/3 ≈ 0.3333');
        expect(r(-1, 3).display(2)).toBe('-1/3 ≈ -0.33');
        expect(r(1, 4).display()).toBe('1/4');
        expect(r(1000000).display()).toBe('1000000');
        expect(r(47, 20).toString()).toBe('47/20');
    });
    it('approximates huge values as numbers', () => {
        expect(Rational.of(10n ** 400n, 3n * 10n ** 399n).toNumber()).toBeCloseTo(10 / 3, 12);
        expect(r(1, 3).toNumber()).toBeCloseTo(1 / 3, 15);
        expect(q('2.5e-3').eq(r(1, 400)) && q(1, 3).eq(r(1, 3))).toBe(true);
    });
});
