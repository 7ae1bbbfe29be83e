// The Markdown preview's plugin with real markdown-it: credal fences become the server's HTML (a placeholder
// first), other fences stay code, and an answer for the document refreshes the preview.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { MarkdownFencesResult } from '../../language-server/src/protocol.js';
import { FencePreviews, PENDING_TEXT, UPDATING_TEXT } from '../src/markdown/fence-previews.js';
import { credalFencePlugin } from '../src/markdown/markdown-it-plugin.js';

const URI = 'file:///notes/post.md';
const POST = '# Post\n\n```credal\nset Coin = {heads, tails}\n```\n\n```python\nx = 1\n```\n\n```credal\neval 1/3\n```\n';

function harness(version = 1) {
    const state = { version, refreshes: 0, requests: 0, answer: undefined as MarkdownFencesResult | undefined };
    let resolveRequest: (() => void) | undefined;
    const previews = new FencePreviews({
        request: () => {
            state.requests++;
            return new Promise(resolve => { resolveRequest = () => resolve(state.answer); });
        },
        versionOf: () => state.version,
        refreshPreviews: () => { state.refreshes++; }
    });
    const md = new MarkdownIt();
    credalFencePlugin(previews)(md);
    const render = () => md.render(POST, { currentDocument: { toString: () => URI } });
    const answer = async (result: MarkdownFencesResult) => {
        state.answer = result;
        resolveRequest?.();
        await new Promise(resolve => setTimeout(resolve, 0));
    };
    return { state, previews, render, answer };
}

const rendered = (version: number, first = '<p>Coin</p>'): MarkdownFencesResult => ({
    uri: URI, version, fences: [{ openLine: 2, closeLine: 4, html: first }, { openLine: 10, closeLine: 12, html: '<p>one third</p>' }]
});

describe('credal fences in the Markdown preview', () => {
    it('shows a placeholder, asks the server once, then shows its HTML and refreshes the preview', async () => {
        const { state, render, answer } = harness();
        const first = render();
        expect(first.match(new RegExp(PENDING_TEXT, 'g'))?.length).toBe(2);
        expect(first).toContain('<code class="language-python">x = 1\n</code>');
        expect(state.requests).toBe(1);
        await answer(rendered(1));
        expect(state.refreshes).toBe(1);
        const second = render();
        expect(second).toContain('<div class="code-line" data-line="2"><div class="credal-md-fence"><p>Coin</p></div></div>');
        expect(second).toContain('<p>one third</p>');
        expect(second).not.toContain(PENDING_TEXT);
        expect(second).not.toContain('set Coin');
        expect(state.requests).toBe(1);
    });

    it('after an edit shows the last rendering as updating until the new one arrives', async () => {
        const { state, render, answer } = harness();
        render();
        await answer(rendered(1));
        state.version = 2;
        const stale = render();
        expect(stale).toContain(UPDATING_TEXT);
        expect(stale).toContain('credal-md-stale');
        expect(state.requests).toBe(2);
        await answer(rendered(2, '<p>Coin, edited</p>'));
        expect(state.refreshes).toBe(2);
        expect(render()).toContain('<p>Coin, edited</p>');
    });

    it('fetches again when the server says the document was validated again, refreshing only on a change', async () => {
        const { state, previews, render, answer } = harness();
        render();
        await answer(rendered(1));
        previews.invalidated(URI);
        await answer(rendered(1));
        expect(state.refreshes).toBe(1);
        previews.invalidated(URI);
        await answer(rendered(1, '<p>value arrived</p>'));
        expect(state.refreshes).toBe(2);
        previews.invalidated('file:///notes/never-previewed.md');
        expect(state.requests).toBe(3);
    });

    it('leaves fences without a document, and other languages, to markdown-it', () => {
        const { state } = harness();
        const md = new MarkdownIt();
        credalFencePlugin(new FencePreviews({ request: async () => undefined, versionOf: () => 1, refreshPreviews: () => undefined }))(md);
        expect(md.render('```credal\neval 1\n```\n')).toBe('<pre><code class="language-credal">eval 1\n</code></pre>\n');
        expect(state.requests).toBe(0);
    });
});
