import katex from 'katex';
import { refuseFormula } from './formula-guard.js';
import { escapeHtml } from './html-escape.js';

/**
 * KaTeX as the server runs it. `trust: false` turns `\href`, `\url`, `\htmlData` and friends into
 * inert text; `maxExpand` and `maxSize` bound the built-in macros. They do not bound a formula that
 * defines its own macros (nested `\def`s expand exponentially within `maxExpand`), so such formulas,
 * and over-long ones, never reach KaTeX (formula-guard.ts). Errors are coloured by a CSS variable so
 * they take the theme's colour (the preview and the standalone page define it).
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
 * of a declaration whose value changed), so the preview does not typeset them again. Bounded in
 * entries and in characters (KaTeX's HTML is about 50 times its source).
 */
const MAX_REMEMBERED_FORMULAS = 20_000;
const MAX_REMEMBERED_CHARS = 24 * 1024 * 1024;
const typeset = new Map<string, string>();
let typesetChars = 0;

/**
 * The wall-clock budget of the current rendering (see `withRenderBudget`): past it, formulas are no
 * longer typeset but shown as a placeholder that says why.
 */
let budget: { readonly deadline: number; readonly ms: number } | undefined;

/** Runs `render` with formulas typeset only until `ms` milliseconds from now; the rest become placeholders. */
export function withRenderBudget<T>(ms: number, render: () => T): T {
    const outer = budget;
    budget = { deadline: performance.now() + ms, ms };
    try {
        return render();
    } finally {
        budget = outer;
    }
}

/** True once the current rendering has used its budget. */
export function renderBudgetSpent(): boolean {
    return budget !== undefined && performance.now() > budget.deadline;
}

/** Typesets one formula; never throws (a formula KaTeX cannot read comes back as escaped source). */
export function renderMath(tex: string, displayMode: boolean): string {
    const key = `${displayMode ? 'D' : 'I'}${tex}`;
    const known = typeset.get(key);
    if (known !== undefined) {
        typeset.delete(key);
        typeset.set(key, known);
        return known;
    }
    const refusal = refuseFormula(tex);
    if (refusal) return notTypeset(tex, `Not typeset: ${refusal.reason}.`);
    if (budget && renderBudgetSpent()) {
        return notTypeset(tex, `Not typeset: the note took longer than ${budget.ms / 1000} s to render.`);
    }
    const html = typesetNow(tex, displayMode);
    remember(key, html);
    return html;
}

function remember(key: string, html: string): void {
    typeset.set(key, html);
    typesetChars += key.length + html.length;
    for (const oldest of typeset.keys()) {
        if (typeset.size <= MAX_REMEMBERED_FORMULAS && typesetChars <= MAX_REMEMBERED_CHARS) break;
        typesetChars -= oldest.length + (typeset.get(oldest)?.length ?? 0);
        typeset.delete(oldest);
    }
}

/** The formula's source (shortened) with the reason it is not typeset. */
function notTypeset(tex: string, why: string): string {
    const shown = tex.length > 200 ? `${tex.slice(0, 200)}…` : tex;
    return `<span class="credal-math-refused" title="${escapeHtml(why)}"><code>${escapeHtml(shown)}</code> <em>${escapeHtml(why)}</em></span>`;
}

function typesetNow(tex: string, displayMode: boolean): string {
    try {
        return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
    } catch {
        return `<code class="katex-error">${escapeHtml(tex)}</code>`;
    }
}
