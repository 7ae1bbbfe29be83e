// The preview as a person sees it: it opens beside the note with typeset math and a picture, keeps its
// Content-Security-Policy, updates after an edit without rebuilding the other blocks, and follows the
// editor's scrolling; a double-click goes back to the source.
import { log } from '../lib/results.mjs';

// A note with a 3-element credal set (a simplex picture) and plenty of math.
const NOTE = 'contamination-vs-tv.cred';
// Typed at the end of the note: a new declaration without brackets (auto-closing pairs would interfere).
const NEW_NAME = 'sevenths';
const NEW_LINE = `let ${NEW_NAME} = 1/7`;

/** The preview's document: the webview host iframe, then VS Code's inner content frame. */
function preview(workbench) {
    return workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Runs `fn(body, arg)` inside the preview's document. */
function inPreview(workbench, fn, arg) {
    return preview(workbench).locator('body').evaluate(fn, arg);
}

/** Brings the note to the front: its tab if it is open, else the explorer (Quick Open proved flaky here). */
async function showNote(workbench, name) {
    const page = workbench.page;
    // The Problems panel left open by the smoke test would leave the editor a dozen lines.
    await workbench.runCommand('View: Hide Panel').catch(() => page.keyboard.press('Escape'));
    const tab = page.locator('.tabs-container .tab', { hasText: name }).first();
    if (await tab.count() > 0) await tab.click();
    else await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick();
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 15_000 });
    await workbench.editor().locator('.view-line').first().waitFor({ timeout: 15_000 });
}

/**
 * Takes the typed line out again and saves (code-server auto-saves edits, so the in-host tests that
 * follow would otherwise see it on disk). The cursor is still at the end of the typed line.
 */
async function removeTypedLine(workbench) {
    const page = workbench.page;
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+S');
}

async function until(what, probe, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe().catch(() => undefined);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}

/** Opens the colour theme picker (ctrl+k ctrl+t) and waits for its list. */
async function openThemePicker(page) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Modern' }).first().waitFor({ timeout: 15_000 });
}

/** The active colour theme: the picker opens with it focused; Escape closes the picker without a change. */
async function currentTheme(page) {
    await openThemePicker(page);
    const focused = page.locator('.quick-input-list .monaco-list-row.focused').first();
    await focused.waitFor({ timeout: 15_000 });
    const name = (await focused.locator('.label-name').first().innerText().catch(() => ''))
        || (await focused.getAttribute('aria-label')) || '';
    await page.keyboard.press('Escape');
    if (!name.trim()) throw new Error('could not read the active colour theme from the theme picker');
    return name.trim().split('\n')[0];
}

/** Switches the colour theme by its exact name in the picker (a click: Enter may take a stale focused row). */
async function pickTheme(page, theme) {
    await openThemePicker(page);
    await page.locator('.quick-input-widget input').fill(theme);
    const exactName = new RegExp(`^${theme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactName }) }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
}

export const tests = [
    {
        name: 'the preview opens beside the note with typeset math and an SVG picture',
        async run(workbench) {
            await showNote(workbench, NOTE);
            await workbench.runCommand('Credal: Open Preview to the Side');
            const page = workbench.page;
            await page.locator('.tabs-container .tab', { hasText: `Preview ${NOTE}` }).first().waitFor({ timeout: 30_000 });
            const groups = await page.locator('.editor-group-container').count();
            if (groups < 2) throw new Error(`the preview did not open beside the editor (${groups} editor group)`);
            const frame = preview(workbench);
            await frame.locator('.credal-block .katex').first().waitFor({ timeout: 60_000 });
            await frame.locator('.credal-picture svg').first().waitFor({ timeout: 15_000 });
            const facts = await inPreview(workbench, async () => {
                await document.fonts.ready;
                const strut = document.querySelector('.katex [class*="strut"][style*="height"]');
                return {
                    blocks: document.querySelectorAll('.credal-block').length,
                    formulas: document.querySelectorAll('.katex').length,
                    katexErrors: document.querySelectorAll('.katex-error').length,
                    pictures: document.querySelectorAll('.credal-picture svg').length,
                    polygons: document.querySelectorAll('.credal-picture svg polygon').length,
                    katexFont: document.fonts.check('16px KaTeX_Main'),
                    // KaTeX's layout lives in style attributes: the CSP must let them through.
                    strutHeight: strut ? getComputedStyle(strut).height : 'no strut',
                    background: getComputedStyle(document.body).backgroundColor,
                    themeClass: document.body.className
                };
            });
            log(`preview: ${JSON.stringify(facts)}`);
            if (facts.formulas < 5) throw new Error(`only ${facts.formulas} typeset formulas`);
            if (facts.pictures < 1 || facts.polygons < 1) throw new Error('no simplex picture with a polygon');
            if (!facts.katexFont) throw new Error('the KaTeX font did not load (CSP font-src or the bundled fonts)');
            if (!/^[1-9][\d.]*px$/.test(facts.strutHeight)) throw new Error(`KaTeX style attributes are blocked (strut height ${facts.strutHeight})`);
            if (!/vscode-(light|dark|high-contrast)/.test(facts.themeClass)) throw new Error(`no theme class on the body: ${facts.themeClass}`);
            await workbench.screenshot('preview');
        }
    },
    {
        name: 'the preview runs no injected script and loads no injected stylesheet (CSP)',
        async run(workbench) {
            const verdict = await inPreview(workbench, () => {
                const script = document.createElement('script');
                script.textContent = 'document.body.dataset.injected = "ran"';
                document.body.append(script);
                const style = document.createElement('style');
                style.textContent = 'body { outline: 7px solid rgb(1, 2, 3) !important; }';
                document.head.append(style);
                const image = document.createElement('img');
                image.src = 'https://example.invalid/beacon.png';
                document.body.append(image);
                return new Promise(resolve => setTimeout(() => {
                    resolve({ script: document.body.dataset.injected ?? 'blocked', outline: getComputedStyle(document.body).outlineWidth });
                    script.remove(); style.remove(); image.remove();
                }, 300));
            });
            log(`CSP check: ${JSON.stringify(verdict)}`);
            if (verdict.script !== 'blocked') throw new Error('an inline script ran in the preview');
            if (verdict.outline === '7px') throw new Error('an inline <style> element applied in the preview');
        }
    },
    {
        name: 'the preview updates after an edit, rebuilding only the new block',
        async run(workbench) {
            const page = workbench.page;
            const before = await inPreview(workbench, () => {
                for (const block of document.querySelectorAll('.credal-block')) block.setAttribute('data-e2e-old', '');
                return { blocks: document.querySelectorAll('.credal-block').length, scrollY: Math.round(window.scrollY) };
            });
            try {
                // Type at the end of the note, as a person would.
                // Focus through the line numbers: clicking `.view-lines` makes Playwright scroll it sideways.
                await workbench.editor().locator('.line-numbers').first().click();
                await page.keyboard.press('Control+End');
                await page.keyboard.press('Enter');
                const started = Date.now();
                await page.keyboard.insertText(NEW_LINE);
                const block = preview(workbench).locator(`.credal-block[data-name="${NEW_NAME}"]`);
                await block.locator('.katex').first().waitFor({ timeout: 30_000 });
                const latency = Date.now() - started;
                const after = await inPreview(workbench, () => ({
                    blocks: document.querySelectorAll('.credal-block').length,
                    kept: document.querySelectorAll('.credal-block[data-e2e-old]').length,
                    created: document.body.dataset.lastCreated
                }));
                log(`edit shown after ${latency} ms: ${JSON.stringify({ before, after })}`);
                if (after.blocks !== before.blocks + 1) throw new Error(`expected one more block, got ${before.blocks} → ${after.blocks}`);
                if (after.kept !== before.blocks) throw new Error(`${before.blocks - after.kept} unchanged blocks were rebuilt`);
                await workbench.screenshot('preview-after-edit');
            } finally {
                await removeTypedLine(workbench);
            }
            // Removing a block updates the preview as well.
            await until('the new block to leave the preview', () => inPreview(workbench, (_body, { count, name }) =>
                document.querySelectorAll('.credal-block').length === count && !document.querySelector(`.credal-block[data-name="${name}"]`),
            { count: before.blocks, name: NEW_NAME }));
        }
    },
    {
        name: 'the preview and the editor scroll each other, and a double-click shows the source line',
        async run(workbench) {
            const page = workbench.page;
            const previewTop = () => inPreview(workbench, () => Math.round(window.scrollY));
            const syncLog = () => inPreview(workbench, () => JSON.stringify({ scrollY: Math.round(window.scrollY), ...document.body.dataset }));
            await workbench.editor().locator('.line-numbers').first().click();
            await page.keyboard.press('Control+Home');
            await until('the preview at its top', async () => (await previewTop()) < 50)
                .catch(async error => { throw new Error(`${error.message}; sync state ${await syncLog()}`); });
            // Editor → preview: the cursor to the end scrolls the editor down, and the preview follows.
            await page.keyboard.press('Control+End');
            const down = await until('the preview to follow the editor down', async () => { const y = await previewTop(); return y > 100 && y; })
                .catch(async error => { throw new Error(`${error.message}; sync state ${await syncLog()}`); });
            log(`preview scrollY after the editor scrolled down: ${down}`);
            // Preview → editor: scrolling the preview back to the top brings the editor back to line 1.
            await inPreview(workbench, () => window.scrollTo(0, 0));
            const firstVisibleLine = async () => Math.min(...(await workbench.editor().locator('.line-numbers').allInnerTexts()).map(Number).filter(n => n > 0));
            await until('the editor to follow the preview up', async () => (await firstVisibleLine()) <= 2);
            // Double-click the block of the TV ball `T`: the editor's cursor goes to its line.
            const target = preview(workbench).locator('.credal-block[data-name="T"]').first();
            const line = Number(await target.getAttribute('data-start-line'));
            const status = workbench.statusBarItem('status.editor.selection');
            const onLine = async () => new RegExp(`Ln ${line + 1},`).test(await status.innerText());
            // A double-click that lands while the sync is still scrolling the preview can be lost: try again,
            // up to three times, before calling it a failure.
            for (let attempt = 1; ; attempt++) {
                await target.scrollIntoViewIfNeeded();
                await target.dblclick();
                const moved = await until(`the cursor on line ${line + 1}`, onLine, 8_000).then(() => true, () => false);
                if (moved) break;
                if (attempt === 3) throw new Error(`timed out waiting for the cursor on line ${line + 1} after 3 double-clicks; status ${await status.innerText()}`);
                log(`double-click ${attempt} did not move the cursor; trying again`);
            }
            log(`double-click on T (line ${line + 1}) moved the cursor: ${await status.innerText()}`);
        }
    },
    {
        name: 'the preview follows the colour theme, high contrast included',
        async run(workbench) {
            const page = workbench.page;
            const looks = {};
            // The tests after this one (and their screenshots) expect the theme the workbench started with.
            const original = await currentTheme(page);
            log(`colour theme before switching: ${original}`);
            try {
                for (const [theme, kind] of [['Dark High Contrast', 'vscode-high-contrast'], ['Light Modern', 'vscode-light']]) {
                    await pickTheme(page, theme);
                    looks[theme] = await until(`the preview in ${theme}`, () => inPreview(workbench, (_body, wanted) => document.body.classList.contains(wanted) && {
                        background: getComputedStyle(document.body).backgroundColor,
                        text: getComputedStyle(document.querySelector('.katex') ?? document.body).color,
                        border: getComputedStyle(document.querySelector('.credal-block-declaration') ?? document.body).borderLeftColor
                    }, kind));
                    if (theme !== 'Light Modern') await workbench.screenshot('preview-high-contrast');
                }
            } finally {
                await page.keyboard.press('Escape');
                await pickTheme(page, original);
            }
            const restored = await currentTheme(page);
            log(`colour theme restored: ${restored}`);
            if (restored !== original) throw new Error(`the colour theme was not restored: ${original} became ${restored}`);
            log(`preview colours: ${JSON.stringify(looks)}`);
            const dark = looks['Dark High Contrast'];
            const light = looks['Light Modern'];
            if (dark.background === light.background || dark.text === light.text) throw new Error('the preview kept its colours across themes');
        }
    },
    {
        name: 'the preview comes back after a reload',
        async run(workbench) {
            const page = workbench.page;
            await page.reload();
            await page.locator('.tabs-container .tab', { hasText: `Preview ${NOTE}` }).first().waitFor({ timeout: 60_000 });
            await preview(workbench).locator('.credal-block .katex').first().waitFor({ timeout: 60_000 });
            const blocks = await inPreview(workbench, () => document.querySelectorAll('.credal-block').length);
            log(`restored preview shows ${blocks} blocks`);
            await workbench.screenshot('preview-restored');
        }
    }
];
