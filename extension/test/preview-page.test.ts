import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, nonceFrom, previewPageHtml, type PageResources } from '../src/preview/preview-page.js';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = nonceFrom(new Uint8Array(16).map((_, i) => i * 17));

function resources(overrides: Partial<PageResources> = {}): PageResources {
    return {
        cspSource: CSP_SOURCE,
        nonce: NONCE,
        scriptUri: `${CSP_SOURCE}/ext/out/media/preview.js`,
        katexCssUri: `${CSP_SOURCE}/ext/out/media/katex/katex.min.css`,
        previewCssUri: `${CSP_SOURCE}/ext/out/media/preview.css`,
        panelCssUri: `${CSP_SOURCE}/ext/out/media/preview-panel.css`,
        title: 'Preview coin.cred',
        initial: { resource: 'file:///notes/coin.cred', line: 4, settings: { scrollEditorWithPreview: true, scrollPreviewWithEditor: false,
            doubleClickToSwitchToEditor: true } },
        ...overrides
    };
}

function directives(csp: string): Map<string, string[]> {
    return new Map(csp.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

function metaCsp(html: string): string {
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    if (!match) throw new Error('no CSP meta');
    return match[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('the preview Content-Security-Policy', () => {
    const policy = directives(contentSecurityPolicy(CSP_SOURCE, NONCE));

    it('fetches nothing by default', () => {
        expect(policy.get('default-src')).toEqual(["'none'"]);
        expect(policy.has('connect-src')).toBe(false);
        expect(policy.has('frame-src')).toBe(false);
    });

    it('runs only the script that carries the nonce: no inline script, no eval, not even the extension origin', () => {
        expect(policy.get('script-src')).toEqual([`'nonce-${NONCE}'`]);
    });

    it('takes stylesheets and fonts only from the extension; style attributes (KaTeX layout) are allowed', () => {
        expect(policy.get('style-src-elem')).toEqual([CSP_SOURCE]);
        expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
        expect(policy.get('style-src')).toEqual([CSP_SOURCE, "'unsafe-inline'"]);
        expect(policy.get('font-src')).toEqual([CSP_SOURCE]);
        expect(policy.get('img-src')).toEqual([CSP_SOURCE, 'data:']);
    });

    it('is the policy the page declares, before anything it loads', () => {
        const html = previewPageHtml(resources());
        expect(metaCsp(html)).toBe(contentSecurityPolicy(CSP_SOURCE, NONCE));
        expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    });
});

describe('previewPageHtml', () => {
    it('loads KaTeX CSS, the note stylesheet, then the panel rules, and one script with the nonce', () => {
        const html = previewPageHtml(resources());
        const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map(match => match[1]);
        expect(links).toEqual(['katex/katex.min.css', 'preview.css',
            'preview-panel.css'].map(name => `${CSP_SOURCE}/ext/out/media/${name}`));
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html).toContain(`<script nonce="${NONCE}" src="${CSP_SOURCE}/ext/out/media/preview.js"></script>`);
        expect(html).not.toMatch(/<style|style="/);
        expect(html).toContain('<main id="credal-blocks"></main>');
    });

    it('hands the webview its resource, first line and settings as escaped JSON', () => {
        const hostile = 'file:///notes/"><script>alert(1)</script>.cred';
        const html = previewPageHtml(resources({ initial: { ...resources().initial, resource: hostile }, title: '<b>x</b>' }));
        expect(html).not.toContain('<script>alert');
        expect(html).toContain('<title>&lt;b&gt;x&lt;/b&gt;</title>');
        const attribute = /data-initial="([^"]*)"/.exec(html)?.[1] ?? '';
        const decoded = attribute.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g,
            '>').replace(/&amp;/g, '&');
        expect(JSON.parse(decoded)).toEqual({ ...resources().initial, resource: hostile });
    });

    it('makes nonces of 32 hex digits from 16 bytes', () => {
        expect(NONCE).toMatch(/^[0-9a-f]{32}$/);
        expect(nonceFrom(new Uint8Array(16))).toBe('0'.repeat(32));
    });
});
