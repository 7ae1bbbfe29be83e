import katex from 'katex';
import { escapeHtml } from './html-escape.js';

/**
 * KaTeX as the server runs it. `trust: false` turns `\href`, `\url`, `\htmlData` and friends into
 * inert text; `maxExpand` and `maxSize` bound what a hostile macro can cost; errors are coloured by a
 * CSS variable so they take the theme's colour (the preview and the standalone page define it).
 */
const KATEX_OPTIONS: katex.KatexOptions = {
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxExpand: 1000,
    maxSize: 20,
    errorColor: 'var(--credal-error-color, #cc0000)',
    output: 'htmlAndMathml'
};

/**
 * Typeset formulas by display mode and source, least recently used dropped first: KaTeX is a pure
 * function of them, and most formulas of a note survive an edit (the blocks around it, the definition
 * of a declaration whose value changed), so the preview does not typeset them again.
 */
const MAX_REMEMBERED_FORMULAS = 20_000;
const typeset = new Map<string, string>();

/** Typesets one formula; never throws (a formula KaTeX cannot read comes back as escaped source). */
export function renderMath(tex: string, displayMode: boolean): string {
    const key = `${displayMode ? 'D' : 'I'}${tex}`;
    const known = typeset.get(key);
    if (known !== undefined) {
        typeset.delete(key);
        typeset.set(key, known);
        return known;
    }
    const html = typesetNow(tex, displayMode);
    typeset.set(key, html);
    if (typeset.size > MAX_REMEMBERED_FORMULAS) typeset.delete(typeset.keys().next().value as string);
    return html;
}

function typesetNow(tex: string, displayMode: boolean): string {
    try {
        return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
    } catch {
        return `<code class="katex-error">${escapeHtml(tex)}</code>`;
    }
}
