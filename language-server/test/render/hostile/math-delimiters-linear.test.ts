import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFormulas, scanMath } from '../../../src/render/markdown/math-delimiters.js';
import { renderMarkdown } from '../../../src/render/markdown/markdown.js';
import { referenceExtractFormulas, referenceScanMath } from './reference-math-delimiters.js';

const texty = fc.string({ unit: fc.constantFrom('$', '\\', ' ', 'a', '1', '\n', '`', '{'), maxLength: 40 });

describe('the linear $ scanner', () => {
    it('finds exactly the spans the forward scanner found, at every start and limit', () => {
        fc.assert(fc.property(texty, fc.nat(), fc.nat(), (src, s, l) => {
            const start = src.length === 0 ? 0 : s % src.length;
            const limit = start + (src.length === 0 ? 0 : l % (src.length - start + 1));
            expect(scanMath(src, start, limit)).toEqual(referenceScanMath(src, start, limit));
            expect(scanMath(src, start)).toEqual(referenceScanMath(src, start));
        }), { numRuns: 3000 });
    });

    it('extracts the same formulas', () => {
        fc.assert(fc.property(texty, src => {
            expect(extractFormulas(src)).toEqual(referenceExtractFormulas(src));
        }), { numRuns: 2000 });
    });

    it('reads 120 KB of `$a ` as text (the forward scanner took a minute on it)', () => {
        const prose = '$a '.repeat(40_000);
        expect(extractFormulas(prose)).toEqual([]);
        const html = renderMarkdown(prose);
        expect(html).not.toContain('katex');
        expect(html.length).toBeGreaterThan(prose.length);
    });
});
