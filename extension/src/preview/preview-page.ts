/**
 * The preview webview's HTML page and its Content-Security-Policy. Pure: the caller supplies the
 * webview's resource URIs, its CSP source and a fresh nonce.
 *
 * The policy, directive by directive:
 * - `default-src 'none'`: nothing is fetched unless named below (no network, no frames, no workers).
 * - `script-src 'nonce-…'`: only our one script tag runs; no inline handlers, no `javascript:` URLs,
 *   no eval. The script's own URL is not enough on its own: the nonce is the only key.
 * - Styles: KaTeX lays out formulas with `style="…"` attributes (struts, vlist offsets, heights), which a
 *   `style-src` without 'unsafe-inline' would block, breaking every fraction. So: `style-src-elem` allows
 *   stylesheets from the extension only (a `<style>` element smuggled into a note does nothing), and
 *   `style-src-attr 'unsafe-inline'` allows the attributes. Browsers without the CSP3 split (none that
 *   VS Code runs in) fall back to `style-src <extension> 'unsafe-inline'`, the compromise VS Code's own
 *   Markdown preview makes. Style attributes cannot run script or fetch anything: every fetch is
 *   governed by the directives above.
 * - `font-src`: KaTeX's fonts, shipped with the extension. `img-src`: the extension and `data:` images
 *   (the server draws pictures as inline SVG, which needs no fetch at all).
 */
import type { InitialData } from './preview-messages.js';

export interface PageResources {
    /** `webview.cspSource`: the origin of the extension's local resources. */
    cspSource: string;
    nonce: string;
    scriptUri: string;
    katexCssUri: string;
    /** The note's stylesheet, the same file the standalone page inlines. */
    previewCssUri: string;
    /** The panel's own rules (layout, status banner, reveal highlight). */
    panelCssUri: string;
    title: string;
    initial: InitialData;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'unsafe-inline'`,
        `style-src-elem ${cspSource}`,
        "style-src-attr 'unsafe-inline'",
        `font-src ${cspSource}`,
        `img-src ${cspSource} data:`
    ].join('; ');
}

export function previewPageHtml(resources: PageResources): string {
    const { cspSource, nonce } = resources;
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(cspSource, nonce))}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<meta id="credal-preview-data" data-initial="${escapeAttribute(JSON.stringify(resources.initial))}">`,
        `<link rel="stylesheet" href="${escapeAttribute(resources.katexCssUri)}">`,
        `<link rel="stylesheet" href="${escapeAttribute(resources.previewCssUri)}">`,
        `<link rel="stylesheet" href="${escapeAttribute(resources.panelCssUri)}">`,
        `<title>${escapeText(resources.title)}</title>`,
        '</head>',
        '<body class="credal-preview">',
        '<div id="credal-status" role="status" hidden></div>',
        '<main id="credal-blocks"></main>',
        `<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(resources.scriptUri)}"></script>`,
        '</body>',
        '</html>',
        ''
    ].join('\n');
}

/** A nonce from 16 random bytes (the caller passes them: the helper stays free of node and vscode). */
export function nonceFrom(bytes: Uint8Array): string {
    return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}

function escapeText(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
    return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
