import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { standalonePage } from '../../src/render/page/standalone-page.js';
import { hasChromium, launchBrowser } from './browser-kit.js';
import { buildNote, SAMPLE_FILES, SAMPLES, sampleModel, SCREENSHOTS } from './render-kit.js';
import { noteModelOf } from '../../src/render/note-renderer.js';
import { isCredalDeclaration, type Model } from '../../src/generated/ast.js';

const pages = mkdtempSync(path.join(tmpdir(), 'credal-pages-'));
let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;

beforeAll(async () => {
    if (hasChromium) browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);
afterAll(async () => browser?.close());

/** Ids of the blocks of credal sets on 2 or 3 elements: each must carry a picture. */
async function smallCredalBlocks(file: string): Promise<string[]> {
    const { document, services } = await buildNote(readFileSync(path.join(SAMPLES, file), 'utf8'), file);
    const model = noteModelOf(services, document);
    const evaluator = services.evaluation.Evaluator;
    const small = new Set((document.parseResult.value as Model).statements.filter(isCredalDeclaration).flatMap(declaration => {
        const value = evaluator.declarationResult(declaration).value;
        return value.kind === 'credal' && (value.set.size === 2 || value.set.size === 3) ? [declaration.name] : [];
    }));
    return model.blocks.filter(block => block.kind === 'declaration' && block.name && small.has(block.name)).map(block => block.id);
}

describe.skipIf(!hasChromium)('the standalone page of every sample in headless Chromium', () => {
    it.each(SAMPLE_FILES)('%s', async file => {
        const model = await sampleModel(file);
        const html = standalonePage(model);
        const target = path.join(pages, file.replace(/\.cred$/, '.html'));
        writeFileSync(target, html);
        const page = await browser!.context.newPage();
        const problems: string[] = [];
        page.on('console', message => { if (message.type() === 'error') problems.push(message.text()); });
        page.on('pageerror', error => problems.push(error.message));
        page.on('requestfailed', request => { if (!request.url().startsWith('file:')) problems.push(`fetch: ${request.url()}`); });
        await page.goto(`file://${target}`);
        await page.evaluate('document.fonts.ready.then(() => true)');
        expect(problems).toEqual([]);
        expect(await page.locator('.katex-error').count()).toBe(0);
        expect(await page.locator('.katex').count()).toBeGreaterThan(10);
        // KaTeX's fonts really loaded from the inlined data (the math is typeset, not fallback text).
        expect(await page.evaluate("document.fonts.check('16px KaTeX_Main')")).toBe(true);
        expect(await page.evaluate("[...document.fonts].some(font => font.family.includes('KaTeX') && font.status === 'loaded')")).toBe(true);
        for (const id of await smallCredalBlocks(file)) {
            expect(await page.locator(`[id="${id}"] svg.credal-figure`).count(), `picture in ${id}`).toBeGreaterThan(0);
        }
        // Every rule column of every decision table is on the page, not scrolled or clipped away.
        const main = (await page.locator('main').boundingBox())!;
        const pageRight = main.x + main.width;
        const clipped = await page.$$eval('.credal-table-decision', (tables, right) => tables
            .map(table => ({ id: table.closest('section')?.id, right: table.getBoundingClientRect().right }))
            .filter(table => table.right > right + 1), pageRight);
        expect(clipped).toEqual([]);
        await page.screenshot({ path: path.join(SCREENSHOTS, file.replace(/\.cred$/, '.png')), fullPage: true });
        await page.close();
    });
});

/** Relative luminance of a computed CSS colour `rgb(r, g, b)`. */
function luminance(colour: string): number {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map(c => c / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.skipIf(!hasChromium)('themes', () => {
    it('a plain browser in dark mode gets dark colours; a VS Code theme still wins over the system setting', async () => {
        const target = path.join(pages, 'eight-rules-dark.html');
        writeFileSync(target, standalonePage(await sampleModel('eight-rules.cred')));
        const page = await browser!.context.newPage();
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.goto(`file://${target}`);
        await page.evaluate('document.fonts.ready.then(() => true)');
        const colours = async () => page.evaluate(`(() => {
            const style = selector => getComputedStyle(document.querySelector(selector));
            return { bg: style('body').backgroundColor, fg: style('body').color, muted: style('.credal-cell-muted').color, head: style('.credal-table thead th').backgroundColor };
        })()`) as Promise<{ bg: string; fg: string; muted: string; head: string }>;
        const dark = await colours();
        expect(luminance(dark.bg)).toBeLessThan(0.1);
        expect(luminance(dark.fg)).toBeGreaterThan(0.7);
        expect(luminance(dark.muted)).toBeGreaterThan(0.3);
        expect(luminance(dark.head)).toBeLessThan(0.15);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'eight-rules-dark.png'), fullPage: true });
        // A webview defines the theme's variables on the root: they win even when the system is dark.
        await page.evaluate(`document.documentElement.style.setProperty('--vscode-editor-background', 'rgb(250, 250, 240)');
            document.documentElement.style.setProperty('--vscode-editor-foreground', 'rgb(20, 20, 20)')`);
        const themed = await colours();
        expect(themed.bg).toBe('rgb(250, 250, 240)');
        expect(themed.fg).toBe('rgb(20, 20, 20)');
        await page.close();
    });
});

const HOSTILE = String.raw`/*! # Hostile <script>window.__pwned = 'prose-script'</script>
    <img src=x onerror="window.__pwned = 'onerror'">
    [click me](javascript:window.__pwned='link') and [data](data:text/html,<script>alert(1)</script>)
    $\href{javascript:window.__pwned='href'}{math link}$ and $\htmlData{onclick=alert(1)}{x}$
    $\url{javascript:alert(1)}$ <iframe src="javascript:alert(1)"></iframe> */

set Coin = {heads, tails}

/** Doc <script>window.__pwned = 'doc'</script> <b onmouseover="alert(1)">bold</b> $\href{javascript:alert(1)}{x}$ */
dist fair on Coin = {heads: 1/2, tails: 1/2}

credal K on Coin = { P({heads}) in [1/3, 2/3] }
eval lowerP(K, {heads})
`;

describe.skipIf(!hasChromium)('a hostile note', () => {
    it('renders as text and runs nothing', async () => {
        const { document, services } = await buildNote(HOSTILE, 'hostile.cred');
        const html = standalonePage(noteModelOf(services, document));
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<(img|iframe|b)\b/i);
        expect(html).not.toMatch(/href="(javascript|data):/i);
        const target = path.join(pages, 'hostile.html');
        writeFileSync(target, html);
        const page = await browser!.context.newPage();
        const dialogs: string[] = [];
        page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
        await page.goto(`file://${target}`);
        // Hover and click everything a reader might touch.
        for (const link of await page.locator('a').all()) await link.click({ timeout: 2000 }).catch(() => undefined);
        await page.mouse.move(200, 200);
        await page.waitForTimeout(200);
        expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
        expect(dialogs).toEqual([]);
        expect(await page.locator('script, iframe, img, [onerror], [onmouseover], [onclick]').count()).toBe(0);
        expect(await page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
        const text = await page.locator('main').innerText();
        expect(text).toContain(`<script>window.__pwned = 'prose-script'</script>`);
        expect(text).toContain(`<img src=x onerror="window.__pwned = 'onerror'">`);
        expect(text).toContain(`<script>window.__pwned = 'doc'</script>`);
        expect(text).toContain('[click me](javascript:');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile.png'), fullPage: true });
        await page.close();
    });
});

describe.skipIf(!hasChromium)('a decision tree in the page', () => {
    it('is drawn: decision squares, chance circles, leaves with exact values, chosen branches thick, nothing clipped', async () => {
        const target = path.join(pages, 'hedging-tree-drawing.html');
        writeFileSync(target, standalonePage(await sampleModel('hedging-tree.cred')));
        const page = await browser!.context.newPage();
        await page.goto(`file://${target}`);
        const drawing = page.locator('svg.credal-figure').filter({ has: page.locator('.credal-tree-decision') });
        await expect(drawing.count()).resolves.toBe(1);
        // The root and the two decisions after the first toss; one chance node; four leaves.
        expect(await drawing.locator('rect.credal-tree-decision').count()).toBe(3);
        expect(await drawing.locator('circle.credal-tree-chance').count()).toBe(1);
        expect(await drawing.locator('.credal-tree-leaf').count()).toBe(4);
        const values = await drawing.locator('.credal-tree-value').allTextContents();
        expect(values.filter(v => v === '-1/10')).toHaveLength(2);
        expect(values).toContain('(H, H): 1, (H, T): -1');
        // Maximality chooses bet_bet, bet_pass and pass_bet: every decision branch is taken by one of them.
        expect(await drawing.locator('.credal-tree-chosen').count()).toBe(5);
        const box = (await drawing.boundingBox())!;
        const clipped = await drawing.locator('text').evaluateAll((texts, right) => texts.filter(t => t.getBoundingClientRect().right > right + 1).length, box.x + box.width);
        expect(clipped).toBe(0);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'hedging-tree-drawing.png'), fullPage: true });
        await page.close();
    });
});
