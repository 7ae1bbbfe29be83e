// The preview as a person sees it: it opens beside the note with typeset math and a picture, keeps its
// Content-Security-Policy, updates after an edit without rebuilding the other blocks, and follows the
// editor's scrolling; a double-click goes back to the source.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { log } from '../lib/results.mjs';
import { until } from '../lib/until.mjs';

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
 * Puts the note back as it is on disk: File: Revert File drops the typing without saving, so the file
 * never changes (the settings turn auto-save off) and no unsaved copy is left for a later test.
 */
async function revertNote(workbench, name, original) {
    await workbench.page.keyboard.press('Escape');
    await workbench.runCommand('File: Revert File');
    await workbench.page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: name }).first().waitFor({ timeout: 15_000 });
    if (readFileSync(path.join(workbench.folder, name), 'utf8') !== original) throw new Error(`${name} changed on disk`);
}

const USER_SETTINGS = process.env.CREDAL_E2E_USER_SETTINGS;

/**
 * Replaces the user settings through the settings.json editor, as a person would, and saves them. (The
 * workbench notices a save of its own at once; a change written to the file from outside it may be missed.)
 */
async function saveUserSettings(workbench, settings) {
    const page = workbench.page;
    await workbench.runCommand('Preferences: Open User Settings (JSON)');
    await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).first().waitFor({ timeout: 15_000 });
    await workbench.editor().locator('.view-line').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+A');
    // One line, so that nothing is indented or closed automatically while it is inserted.
    await page.keyboard.insertText(JSON.stringify(settings));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'settings.json' }).first().waitFor({ timeout: 15_000 });
    await until('the settings to be saved', async () => isDeepStrictEqual(JSON.parse(readFileSync(USER_SETTINGS, 'utf8')), settings));
    // The note in front again, as before (the preview restored after a reload needs its editor).
    // (The first tab naming the note is the note's own: its group comes before the preview's.)
    await page.locator('.tabs-container .tab', { hasText: NOTE }).first().click();
    await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: NOTE }).first().waitFor({ timeout: 30_000 });
}

/** The classes the active colour theme puts on the workbench: its kind (vs, vs-dark, hc-black) and its id. */
function workbenchTheme(page) {
    return page.locator('.monaco-workbench').first().evaluate(node => [...node.classList]
        .filter(name => /^(vs|vs-dark|hc-black|hc-light)$/.test(name) || name.startsWith('vscode-theme-')).sort().join(' '));
}

/** The theme kind VS Code gives the preview's body. */
function previewThemeKind(workbench) {
    return inPreview(workbench, () => [...document.body.classList].find(name => /^vscode-(light|dark|high-contrast)/.test(name)) ?? '');
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
            // An inline script runs, and an inline style applies, as soon as it is appended: the verdict is
            // read right after. The CSP's violation reports then confirm that the policy is what blocked them.
            const verdict = await inPreview(workbench, () => {
                const blocked = new Set();
                document.addEventListener('securitypolicyviolation', event => {
                    blocked.add(event.effectiveDirective.replace(/-elem$/, ''));
                    document.body.dataset.cspBlocked = [...blocked].sort().join(' ');
                });
                const script = document.createElement('script');
                script.textContent = 'document.body.dataset.injected = "ran"';
                document.body.append(script);
                const style = document.createElement('style');
                style.textContent = 'body { outline: 7px solid rgb(1, 2, 3) !important; }';
                document.head.append(style);
                const result = { script: document.body.dataset.injected ?? 'blocked',
                    outline: getComputedStyle(document.body).outlineWidth };
                script.remove();
                style.remove();
                return result;
            });
            log(`CSP check: ${JSON.stringify(verdict)}`);
            if (verdict.script !== 'blocked') throw new Error('an inline script ran in the preview');
            if (verdict.outline === '7px') throw new Error('an inline <style> element applied in the preview');
            const reported = () => inPreview(workbench, () => document.body.dataset.cspBlocked ?? '');
            await until('the CSP to report the blocked script and style', async () => /\bscript-src\b/.test(await reported())
                && /\bstyle-src\b/.test(await reported()))
                .catch(async error => { throw new Error(`${error.message}; reported: ${await reported()}`); });
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
            const original = readFileSync(path.join(workbench.folder, NOTE), 'utf8');
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
                await revertNote(workbench, NOTE, original);
            }
            // Removing a block updates the preview as well.
            await until('the new block to leave the preview', () => inPreview(workbench, (_body, { count, name }) =>
                document.querySelectorAll('.credal-block').length === count
                    && !document.querySelector(`.credal-block[data-name="${name}"]`),
            { count: before.blocks, name: NEW_NAME }));
        }
    },
    {
        name: 'the preview and the editor scroll each other, and a double-click shows the source line',
        async run(workbench) {
            const page = workbench.page;
            const previewTop = () => inPreview(workbench, () => Math.round(window.scrollY));
            const syncLog = () => inPreview(workbench, () => JSON.stringify({ scrollY: Math.round(window.scrollY),
                ...document.body.dataset }));
            await workbench.editor().locator('.line-numbers').first().click();
            await page.keyboard.press('Control+Home');
            await until('the preview at its top', async () => (await previewTop()) < 50)
                .catch(async error => { throw new Error(`${error.message}; sync state ${await syncLog()}`); });
            // Editor → preview: the cursor to the end scrolls the editor down, and the preview follows.
            await page.keyboard.press('Control+End');
            const down = await until('the preview to follow the editor down', async () => { const y = await previewTop(); return y > 100
                && y; })
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
            await target.scrollIntoViewIfNeeded();
            await target.dblclick();
            await until(`the cursor on line ${line + 1}`, onLine)
                .catch(async error => { throw new Error(`${error.message}; status ${await status.innerText()}; sync state ${await syncLog()}`); });
            log(`double-click on T (line ${line + 1}) moved the cursor: ${await status.innerText()}`);
        }
    },
    {
        name: 'the preview follows the colour theme, high contrast included',
        async run(workbench) {
            const page = workbench.page;
            const looks = {};
            // Switched through `workbench.colorTheme` in the user settings, and restored by saving them as they
            // were: the tests after this one (and their screenshots) expect the theme the workbench started with.
            const original = JSON.parse(readFileSync(USER_SETTINGS, 'utf8'));
            const start = { workbench: await workbenchTheme(page), preview: await previewThemeKind(workbench) };
            log(`colour theme before switching: ${JSON.stringify(start)}`);
            let previous = start.workbench;
            try {
                for (const [theme, kind] of [['Default High Contrast', 'vscode-high-contrast'], ['Light Modern', 'vscode-light']]) {
                    await saveUserSettings(workbench, { ...original, 'workbench.colorTheme': theme });
                    const applied = await until(`the workbench in ${theme}`,
                        async () => { const now = await workbenchTheme(page); return now !== previous && now; });
                    previous = applied;
                    looks[theme] = await until(`the preview in ${theme}`, () => inPreview(workbench, (_body,
                        wanted) => document.body.classList.contains(wanted) && {
                        background: getComputedStyle(document.body).backgroundColor,
                        text: getComputedStyle(document.querySelector('.katex') ?? document.body).color,
                        border: getComputedStyle(document.querySelector('.credal-block-declaration') ?? document.body).borderLeftColor
                    }, kind));
                    if (theme !== 'Light Modern') await workbench.screenshot('preview-high-contrast');
                }
            } finally {
                await page.keyboard.press('Escape');
                await saveUserSettings(workbench, original);
            }
            const restored = await until('the colour theme to be restored', async () => {
                const now = { workbench: await workbenchTheme(page), preview: await previewThemeKind(workbench) };
                return now.workbench === start.workbench && now.preview === start.preview && now;
            }).catch(async error => {
                throw new Error(`${error.message}: ${JSON.stringify(start)} became ${JSON.stringify({ workbench: await workbenchTheme(page), preview: await previewThemeKind(workbench) })}`);
            });
            log(`colour theme restored: ${JSON.stringify(restored)}`);
            log(`preview colours: ${JSON.stringify(looks)}`);
            const dark = looks['Default High Contrast'];
            const light = looks['Light Modern'];
            if (dark.background === light.background
                || dark.text === light.text) throw new Error('the preview kept its colours across themes');
        }
    },
    {
        name: 'the preview comes back after a reload',
        async run(workbench) {
            const page = workbench.page;
            await page.reload();
            await page.locator('.tabs-container .tab', { hasText: `Preview ${NOTE}` }).first().waitFor({ timeout: 60_000 });
            await preview(workbench).locator('.credal-block .katex').first().waitFor({ timeout: 60_000 }).catch(async error => {
                const frames = await page.locator('iframe.webview').evaluateAll(nodes => nodes.map(node => `${node.className} ${node.getBoundingClientRect().width}x${node.getBoundingClientRect().height}`));
                throw new Error(`${error.message.split('\n')[0]}; webview frames: ${JSON.stringify(frames)}`);
            });
            const blocks = await inPreview(workbench, () => document.querySelectorAll('.credal-block').length);
            log(`restored preview shows ${blocks} blocks`);
            await workbench.screenshot('preview-restored');
        }
    }
];
