import { describe, expect, it } from 'vitest';
import { commentMarkdown } from '../../src/render/markdown/comment-text.js';
import { scanMath } from '../../src/render/markdown/math-delimiters.js';
import { renderComment, renderMarkdown } from '../../src/render/markdown/markdown.js';
import { collapseKatex } from './render-kit.js';

describe("pandoc's $ rules", () => {
    it.each([
        ['$x$', 'x'],
        ['$\\$100$ left', '\\$100'],
        ['$a$1 then $b$', 'a$1 then $b'],
        ['$$x\n+ y$$', 'x\n+ y']
    ])('%j opens math', (src, tex) => {
        expect(scanMath(src, 0)?.tex).toBe(tex);
    });

    it.each(['$ x$', '$20 and $ 30', '$x $', '$', '$$'])('%j is text', src => {
        expect(scanMath(src, 0)).toBeUndefined();
    });
});

describe('Markdown of prose and doc comments', () => {
    it('dedents continuation lines and strips the delimiters', () => {
        expect(commentMarkdown('/*! # Title\n    Line one\n      indented\n    */')).toBe('# Title\nLine one\n  indented');
        expect(commentMarkdown('/** Doc\n *  with stars\n */')).toBe('Doc\n with stars');
    });

    it('typesets inline and display math with KaTeX', () => {
        const html = collapseKatex(renderComment('/*! Price $p_0$ costs $20 and $30.\n    $$\\Theta = \\{\\mu\\}$$ */'));
        expect(html).toContain('<katex>p_0</katex> costs $20 and $30.');
        expect(html).toContain('<katex>\\Theta = \\{\\mu\\}</katex>');
    });

    it('shows raw HTML as text and drops unsafe links and images', () => {
        const html = renderMarkdown('<script>alert(1)</script> <b onclick="x()">b</b> [a](javascript:alert(1)) [d](data:text/html,x) [ok](https://example.org) ![i](https://example.org/i.png)');
        expect(html).not.toMatch(/<script|<b |<img/);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).not.toMatch(/href="(javascript|data):/);
        expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">ok</a>');
    });

    it('keeps \\href and \\htmlData inert (trust: false)', () => {
        const html = renderMarkdown('$\\href{javascript:alert(1)}{x}$ $\\htmlData{foo=bar}{y}$');
        expect(html).not.toMatch(/<a |data-foo/);
        expect(html).toContain('\\href');
    });

    it('colours KaTeX errors with the theme variable', () => {
        expect(renderMarkdown('$\\frac{1}{$')).toContain('var(--credal-error-color');
    });
});
