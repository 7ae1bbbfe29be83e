// The editor features of issue 5 as a person sees them: the hover on a credal set (vertices and a
// picture), inlay hints after evals and decisions, code lenses, and completion while typing. The
// exact content is asserted through the `vscode` API in e2e/host/suite/editor-features.test.cjs.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { log } from '../lib/results.mjs';
import { until } from '../lib/until.mjs';

const NOTE = 'knightian-coin.cred';
// A note of e2e/workspace made to be typed into; the test reverts it afterwards, so the later tests
// (and the file on disk) see it as it was.
const TYPING_NOTE = 'typing.cred';

/** Inlay hints are injected text: spans with a generated `dyn-rule-*` class inside the line. */
const INLAY_HINT = 'span[class*="dyn-rule-"]';

/** One editor group holding only `name`, the Problems panel closed (earlier tests leave both behind). */
async function showOnly(workbench, name) {
    await workbench.runCommand('View: Close All Editor Groups');
    // "View: Hide Panel" is offered only while the panel shows.
    if (await workbench.page.locator('[id="workbench.parts.panel"]').isVisible()) {
        await workbench.runCommand('View: Hide Panel');
    }
    await workbench.openFile(name);
}

/** 1-based number of the first line of the workspace note that contains `text`. */
function lineNumberOf(workbench, note, text) {
    const lines = readFileSync(path.join(workbench.folder, note), 'utf8').split('\n');
    const index = lines.findIndex(line => line.includes(text));
    if (index < 0) throw new Error(`${note} has no line with ${JSON.stringify(text)}`);
    return index + 1;
}

/** Go to Line (Ctrl+G), which also scrolls the line into the middle of the editor. */
async function goToLine(workbench, line) {
    const page = workbench.page;
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 15_000 });
}

/** The rendered line of the active editor that contains `text`. */
function viewLine(workbench, text) {
    return workbench.editor().locator('.view-line', { hasText: text }).first();
}

/** The text of a rendered line with non-breaking spaces made plain. */
async function lineText(line) {
    return (await line.innerText()).replace(/\u00a0/g, ' ');
}

async function typeOnLastLine(workbench, text) {
    const page = workbench.page;
    // Focus through the line numbers: clicking `.view-lines` makes Playwright scroll it sideways.
    await workbench.editor().locator('.line-numbers').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(text);
}

/**
 * Puts the note back as it is on disk: File: Revert File drops the typing without saving, so the file
 * never changes (the settings turn auto-save off) and no unsaved copy is left behind.
 */
async function revertNote(workbench, name) {
    await workbench.page.keyboard.press('Escape');
    await workbench.runCommand('File: Revert File');
    await workbench.page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: name }).first().waitFor({ timeout: 15_000 });
}

/** Empties the last line (the note ends with a newline, so that is where the typing went). */
async function clearLastLine(workbench) {
    const page = workbench.page;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
}

/** Opens the suggestion widget and waits until it lists every label in `labels`. */
async function suggestions(workbench, labels) {
    const page = workbench.page;
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    for (let attempt = 0; ; attempt++) {
        await page.keyboard.press('Control+Space');
        try {
            for (const label of labels) {
                await widget.locator('.monaco-list-row', { hasText: label }).first().waitFor({ timeout: 5_000 });
            }
            return widget;
        } catch (error) {
            // The server may still be busy with the typed text: close the widget and ask again.
            const shown = await widget.locator('.monaco-list-row').allInnerTexts().catch(() => []);
            log(`suggestions attempt ${attempt + 1} showed ${JSON.stringify(shown.map(row => row.split('\n')[0]))}`);
            if (attempt >= 5) throw error;
            await page.keyboard.press('Escape');
        }
    }
}

export const tests = [
    {
        name: 'hovering a credal set shows its vertices and its picture',
        async run(workbench) {
            await showOnly(workbench, NOTE);
            const name = viewLine(workbench, 'credal K on Coin').locator('span span', { hasText: /^K$/ });
            await name.waitFor({ timeout: 15_000 });
            const text = await workbench.hoverUntil(name, 'Vertices (2)');
            log(`hover on K: ${JSON.stringify(text.slice(0, 300))}`);
            for (const expected of ['credal set K on Coin', 'Vertices (2): (1/3, 2/3), (2/3, 1/3)', 'coherent yes']) {
                if (!text.includes(expected)) throw new Error(`the hover lacks ${JSON.stringify(expected)}: ${JSON.stringify(text)}`);
            }
            const hover = workbench.page.locator('.monaco-hover-content', { hasText: 'Vertices (2)' }).first();
            const picture = hover.locator('img[src^="data:image/svg+xml"]');
            await picture.waitFor({ state: 'attached', timeout: 10_000 });
            const size = await picture.evaluate(image => ({ complete: image.complete, width: image.naturalWidth,
                height: image.naturalHeight }));
            log(`hover picture: ${JSON.stringify(size)}`);
            if (!size.complete || size.width === 0
                || size.height === 0) throw new Error(`the picture did not load: ${JSON.stringify(size)}`);
            // The picture sits right under the title line, so it is in view without scrolling the hover.
            const inView = await picture.evaluate(image => {
                const box = image.getBoundingClientRect();
                const frame = image.closest('.monaco-hover')?.getBoundingClientRect();
                return { top: Math.round(box.top), bottom: Math.round(box.bottom), hoverTop: Math.round(frame?.top ?? 0),
                    hoverBottom: Math.round(frame?.bottom ?? 0) };
            });
            log(`hover picture position: ${JSON.stringify(inView)}`);
            if (inView.hoverBottom && inView.bottom > inView.hoverBottom
                + 1) throw new Error(`the picture is cut off by the hover: ${JSON.stringify(inView)}`);
            await workbench.screenshot('hover-credal-set');
            // The bounds per element sit below the picture; scroll the hover (a custom scrollable) to them.
            const scrolled = () => hover.evaluate(node => [node.closest('.monaco-hover') ?? node, ...(node.closest('.monaco-hover')
                ?? node).querySelectorAll('*')]
                .some(element => element.scrollTop > 0));
            const scrollable = await hover.evaluate(node => [node.closest('.monaco-hover') ?? node, ...(node.closest('.monaco-hover')
                ?? node).querySelectorAll('*')]
                .some(element => element.scrollHeight > element.clientHeight + 1));
            const box = await hover.boundingBox();
            if (box && scrollable) {
                await workbench.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
                await workbench.page.mouse.wheel(0, 400);
                await until('the hover to scroll', scrolled);
            }
            await workbench.screenshot('hover-credal-set-picture');
            await workbench.page.mouse.move(5, 5);
        }
    },
    {
        name: 'an inlay hint shows an eval value after the statement, before its comment',
        async run(workbench) {
            await goToLine(workbench, lineNumberOf(workbench, NOTE, 'eval buyingPrice'));
            const line = viewLine(workbench, 'eval buyingPrice');
            const hint = line.locator(INLAY_HINT, { hasText: /^=\s-1\/3\s≈\s-0\.3333$/ });
            await hint.waitFor({ timeout: 30_000 });
            log(`line with its hint: ${JSON.stringify(await lineText(line))}`);
            // Placed after the closing parenthesis and clear of the trailing comment.
            const call = await line.locator('span span', { hasText: /^\)$/ }).first().boundingBox();
            const comment = await line.locator('span span', { hasText: /^\/\// }).first().boundingBox();
            const box = await hint.boundingBox();
            if (!call || !comment || !box || box.x < call.x + call.width - 1 || box.x + box.width > comment.x + 1) {
                throw new Error(`the hint is misplaced: ) ${JSON.stringify(call)}, hint ${JSON.stringify(box)}, comment ${JSON.stringify(comment)}`);
            }
            // An assert that holds gets a ✓.
            await viewLine(workbench, 'assert buyingPrice < sellingPrice').locator(INLAY_HINT,
                { hasText: /^✓$/ }).waitFor({ timeout: 30_000 });
            await workbench.screenshot('inlay-hints');
        }
    },
    {
        name: 'a decision shows its choices in code lenses above it and an inlay hint after it',
        async run(workbench) {
            await goToLine(workbench, lineNumberOf(workbench, NOTE, 'decision Bet'));
            const lens = workbench.editor().locator('.codelens-decoration', { hasText: 'Γ-maximin: {abstain}' }).first();
            await lens.waitFor({ timeout: 30_000 });
            const lensText = (await lens.innerText()).replace(/\s+/g, ' ');
            log(`code lens: ${JSON.stringify(lensText)}`);
            for (const expected of ['maximality: {back, lay, abstain}', 'E-admissibility: {back, lay, abstain}',
                'minimax regret: {abstain}']) {
                if (!lensText.includes(expected)) throw new Error(`the lens lacks ${JSON.stringify(expected)}: ${JSON.stringify(lensText)}`);
            }
            // "Show in preview" is the clickable one.
            await lens.locator('a', { hasText: 'Show in preview' }).waitFor({ timeout: 5_000 });
            await workbench.editor().locator(`.view-line ${INLAY_HINT}`,
                { hasText: /^maximin:\s\{abstain\}$/ }).waitFor({ timeout: 30_000 });
            await workbench.screenshot('code-lens-decision');
            // Clicking it opens the note's preview beside the editor, scrolled to the problem, which flashes.
            const preview = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
            await workbench.clickLensUntil(lens.locator('a', { hasText: 'Show in preview' }), 'preview revealing Bet',
                () => preview.locator('body[data-revealed="Bet"]').isVisible());
            const box = await preview.locator('.credal-block[data-name="Bet"]').evaluate(node => ({ top: node.getBoundingClientRect().top,
                height: window.innerHeight }));
            log(`Show in preview: the block of Bet is at ${box.top.toFixed(0)} px of ${box.height} px`);
            if (box.top < -1 || box.top > box.height / 2) throw new Error(`the block of Bet is not brought up: top ${box.top} of ${box.height}`);
            await workbench.screenshot('show-in-preview');
        }
    },
    {
        name: 'completion inside a mapping offers the elements of the set; \\cu offers ∪',
        async run(workbench) {
            const page = workbench.page;
            const file = path.join(workbench.folder, TYPING_NOTE);
            const original = readFileSync(file, 'utf8');
            if (!original.endsWith('\n')) throw new Error(`${TYPING_NOTE} must end with a newline`);
            await showOnly(workbench, TYPING_NOTE);
            try {
                await typeOnLastLine(workbench, 'dist q on Coin = {');
                const widget = await suggestions(workbench, ['heads', 'tails']);
                log(`suggestions: ${JSON.stringify((await widget.locator('.monaco-list-row').allInnerTexts()).map(row => row.split('\n')[0]))}`);
                await workbench.screenshot('completion-elements');
                await clearLastLine(workbench);

                await typeOnLastLine(workbench, 'event e on Coin = {heads} \\cu');
                await suggestions(workbench, ['\\cup']);
                await workbench.screenshot('completion-latex');
                await page.keyboard.press('Enter');
                const line = viewLine(workbench, 'event e on Coin');
                await line.filter({ hasText: '{heads} ∪' }).waitFor({ timeout: 10_000 })
                    .catch(async () => { throw new Error(`accepting \\cup gave ${JSON.stringify(await lineText(line))}`); });
            } finally {
                await revertNote(workbench, TYPING_NOTE);
            }
            // Nothing typed reached the disk.
            const now = readFileSync(file, 'utf8');
            if (now !== original) throw new Error(`${TYPING_NOTE} changed on disk: ${JSON.stringify(now)}`);
        }
    }
];
