// The preview's real page and script in headless Chromium (the webview's VS Code API stubbed): a decision tree's rule
// selector moves the highlighted branches, keeps the pick across re-renders, and follows a lens's pick (LANGUAGE §9.3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockHtml } from '../../language-server/src/render/html/blocks-html.js';
import { hasChromium, launchBrowser } from '../../language-server/test/render/browser-kit.js';
import { noteModel } from '../../language-server/test/render/render-kit.js';
import { REPO_ROOT } from '../../language-server/test/support/bundle.js';
import type { ToWebview, WireBlock } from '../src/preview/preview-messages.js';
import { nonceFrom, previewPageHtml } from '../src/preview/preview-page.js';
import { hedgeTree } from '../../language-server/test/support/hedge-tree.js';

const HEDGE = hedgeTree();

const dir = mkdtempSync(path.join(tmpdir(), 'credal-webview-'));
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
let blocks: WireBlock[] = [];

/** The page as the panel writes it, with a stand-in for acquireVsCodeApi that records what the script posts. */
async function writePage(): Promise<string> {
    await esbuild.build({ entryPoints: [path.join(REPO_ROOT, 'extension/webview/preview.ts')], outfile: path.join(dir, 'preview.js'),
        bundle: true, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning' });
    const nonce = nonceFrom(new Uint8Array(16).map((_, i) => i * 7));
    const file = (relative: string): string => pathToFileURL(path.join(REPO_ROOT, relative)).href;
    const html = previewPageHtml({
        cspSource: 'file:', nonce, scriptUri: pathToFileURL(path.join(dir, 'preview.js')).href,
        katexCssUri: file('node_modules/katex/dist/katex.min.css'), previewCssUri: file('language-server/src/render/page/preview.css'),
        panelCssUri: file('extension/media/preview-panel.css'), title: 'Preview hedge.cred',
        initial: { resource: 'file:///notes/hedge.cred', settings: { scrollEditorWithPreview: false, scrollPreviewWithEditor: false,
            doubleClickToSwitchToEditor: false } }
    });
    const stub = `<script nonce="${nonce}">window.__posted = []; window.__state = undefined;
window.acquireVsCodeApi = () => ({ postMessage: m => window.__posted.push(m), getState: () => window.__state,
    setState: s => { window.__state = JSON.parse(JSON.stringify(s)); } });</script>\n`;
    const target = path.join(dir, 'preview.html');
    writeFileSync(target, html.replace(/<script nonce=/, `${stub}<script nonce=`));
    return target;
}

beforeAll(async () => {
    const model = await noteModel(HEDGE);
    blocks = model.blocks.map((block, i) => ({ key: `k${i}`, id: block.id, kind: block.kind, name: block.name, startLine: block.startLine,
        endLine: block.endLine, html: blockHtml(block) }));
    if (hasChromium) browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
});

const send = async (page: Page, message: ToWebview): Promise<void> => {
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
};

/** The branch labels drawn thick, in drawing order. */
const thick = (page: Page): Promise<string[]> => page.locator('figure.credal-tree-figure path.credal-tree-chosen title').allTextContents();

describe.skipIf(!hasChromium)('the rule selector of a decision tree in the preview', () => {
    it('highlights maximality first, then the rule clicked or picked by a lens, and keeps it when the tree is drawn again', async () => {
        const page = await browser!.context.newPage();
        const problems: string[] = [];
        page.on('pageerror', error => problems.push(error.message));
        page.on('console', message => { if (message.type() === 'error') problems.push(message.text()); });
        await page.goto(pathToFileURL(await writePage()).href);
        await page.waitForFunction('window.__posted.some(m => m.type === "ready")');
        await send(page, { type: 'update', version: 1, title: 'Hedge', blocks });
        const figure = page.locator('figure.credal-tree-figure');
        await expect.poll(() => figure.getAttribute('data-shown-rule')).toBe('maximality');
        // Maximality chooses play_bet_bet, play_bet_pass and play_pass_bet: every decision branch is thick.
        expect(await thick(page)).toEqual(['bet', 'pass', 'bet', 'pass', 'play']);
        const buttons = figure.locator('.credal-tree-rules button.credal-tree-rule');
        expect(await buttons.allTextContents()).toEqual(['Γ-maximin', 'Γ-maximax', 'interval dominance', 'maximality', 'E-admissibility',
            'minimax regret', 'admissibility']);
        expect(await figure.locator('button[aria-pressed="true"]').allTextContents()).toEqual(['maximality']);

        // A click: Γ-maximin chooses play_bet_bet only.
        await buttons.filter({ hasText: 'Γ-maximin' }).click();
        await expect.poll(() => figure.getAttribute('data-shown-rule')).toBe('maximin');
        expect(await thick(page)).toEqual(['bet', 'bet', 'play']);
        expect(await figure.locator('figcaption .credal-tree-rule-name').textContent()).toBe('Γ-maximin');
        expect(await figure.locator('button[aria-pressed="true"]').allTextContents()).toEqual(['Γ-maximin']);
        expect(await page.evaluate('window.__posted.filter(m => m.type === "treeRule")')).toEqual([{ type: 'treeRule', tree: 'Hedge',
            rule: 'maximin' }]);
        expect(await page.evaluate('window.__state.treeRules')).toEqual({ Hedge: 'maximin' });

        // The tree drawn again (an edit elsewhere re-rendered it): still Γ-maximin, selector and all.
        await send(page, { type: 'update', version: 2, title: 'Hedge', rebuild: true, blocks: blocks.map(b => ({ ...b, key: `${b.key}'` })) });
        await expect.poll(() => page.evaluate('document.body.dataset.version')).toBe('2');
        await expect.poll(() => figure.getAttribute('data-shown-rule')).toBe('maximin');
        expect(await thick(page)).toEqual(['bet', 'bet', 'play']);
        expect(await figure.locator('.credal-tree-rules').count()).toBe(1);

        // The keyboard: Tab to a rule and press Space.
        await buttons.filter({ hasText: 'minimax regret' }).focus();
        await page.keyboard.press('Space');
        await expect.poll(() => figure.getAttribute('data-shown-rule')).toBe('minimaxRegret');
        expect(await thick(page)).toEqual(['bet', 'bet', 'play']);

        // A code lens's pick (credal.preview.showTreeRule) arrives as a message: Γ-maximax bets after one toss only.
        await send(page, { type: 'treeRule', tree: 'Hedge', rule: 'maximax' });
        await expect.poll(() => figure.getAttribute('data-shown-rule')).toBe('maximax');
        expect(await thick(page)).toEqual(['bet', 'pass', 'bet', 'pass', 'play']);
        expect(await page.evaluate('window.__state.treeRules')).toEqual({ Hedge: 'maximax' });
        expect(problems).toEqual([]);
        await page.close();
    });
});
