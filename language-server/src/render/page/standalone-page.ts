import { escapeHtml } from '../html-escape.js';
import { blockHtml } from '../html/blocks-html.js';
import type { NoteModel } from '../model/parts.js';
import { inlinedKatexCss } from './katex-assets.js';
import { previewCss } from './preview-css.js';

/**
 * The preview as one HTML file: KaTeX's CSS and fonts inlined, no script at all, and a
 * Content-Security-Policy that forbids scripts and every fetch, so nothing in a note can run or call out.
 */
export function standalonePage(model: NoteModel): string {
    const katexCss = inlinedKatexCss();
    const css = previewCss();
    const sections = model.blocks.map(block => [
        `<section class="credal-block credal-block-${block.kind}" id="${escapeHtml(block.id)}" data-start-line="${block.startLine}" data-end-line="${block.endLine}">`,
        blockHtml(block),
        '</section>'
    ].join('\n'));
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Credal Notes">',
        `<title>${escapeHtml(model.title)}</title>`,
        katexCss ? `<style>${katexCss}</style>` : '<!-- KaTeX stylesheet not found: formulas are unstyled -->',
        css ? `<style>${css}</style>` : '<!-- preview stylesheet not found: the page is unstyled -->',
        '</head>',
        '<body class="credal-page">',
        '<main>',
        ...sections,
        '</main>',
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
