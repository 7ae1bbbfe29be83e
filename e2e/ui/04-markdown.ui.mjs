// Credal inside Markdown as a person sees it: a fence of a .md file gets diagnostics and hovers from the
// Credal server while the file stays Markdown, VS Code's own Markdown preview shows each fence typeset
// with its picture, and the "Get started" walkthrough opens.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { log } from '../lib/results.mjs';

const POST = 'post.md';
const BROKEN_POST = 'mistake.md';

async function showOnly(workbench, name) {
    await workbench.runCommand('View: Close All Editor Groups');
    if (await workbench.page.locator('[id="workbench.parts.panel"]').isVisible()) {
        await workbench.runCommand('View: Hide Panel');
    }
    await workbench.openFile(name);
}

/** 1-based line of the first line of a workspace file that contains `text`. */
function lineOf(workbench, file, text) {
    return readFileSync(path.join(workbench.folder, file), 'utf8').split('\n').findIndex(line => line.includes(text)) + 1;
}

async function goToLine(workbench, line) {
    await workbench.page.keyboard.press('Control+G');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(`:${line}`);
    await workbench.page.keyboard.press('Enter');
}

/** The Markdown preview's document: the webview host iframe, then its content frame. */
function markdownPreview(workbench) {
    return workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export const tests = [
    {
        name: 'a credal fence in a Markdown file shows its error, in the fence, with the file still Markdown',
        async run(workbench) {
            await showOnly(workbench, BROKEN_POST);
            await workbench.statusBarItem('status.editor.mode').filter({ hasText: 'Markdown' }).waitFor({ timeout: 15_000 });
            const squiggle = workbench.editor().locator('.squiggly-error').first();
            await squiggle.waitFor({ timeout: 30_000 });
            const rows = await workbench.problems();
            const entry = rows.filter({ hasText: 'E-DIST-SUM' }).first();
            await entry.waitFor({ timeout: 15_000 });
            const text = await entry.innerText();
            log(`Problems: ${JSON.stringify(text)}`);
            if (!/1\/8 missing/.test(text)) throw new Error(`the message lacks the exact fix: ${JSON.stringify(text)}`);
            if (!/\[Ln 7/.test(text)) throw new Error(`the error is not on line 7 of the Markdown file: ${JSON.stringify(text)}`);
            if (await rows.filter({ hasText: 'nonsense' }).count() > 0) throw new Error('prose was checked as Credal');
            await workbench.screenshot('markdown-diagnostics');
        }
    },
    {
        name: 'hovering a name inside a credal fence shows its exact value',
        async run(workbench) {
            await showOnly(workbench, POST);
            // Bring the line into view: Go to Line puts the cursor on it and scrolls there.
            await goToLine(workbench, lineOf(workbench, POST, 'eval buyingPrice'));
            const line = workbench.editor().locator('.view-line', { hasText: 'eval buyingPrice' }).first();
            await line.waitFor({ timeout: 15_000 });
            const name = line.locator('span span', { hasText: /^K$/ }).first();
            await name.waitFor({ timeout: 15_000 });
            const text = await workbench.hoverUntil(name, 'Vertices (2)');
            log(`hover on K in post.md: ${JSON.stringify(text.slice(0, 200))}`);
            if (!text.includes('(1/3, 2/3), (2/3, 1/3)')) throw new Error(`the hover lacks the vertices: ${JSON.stringify(text)}`);
            await workbench.screenshot('markdown-hover');
            await workbench.page.keyboard.press('Escape');
        }
    },
    {
        name: "VS Code's Markdown preview shows each credal fence typeset, with its picture",
        async run(workbench) {
            await showOnly(workbench, POST);
            await workbench.runCommand('Markdown: Open Preview to the Side');
            const preview = markdownPreview(workbench);
            const fence = preview.locator('.credal-md-fence').first();
            await fence.locator('.katex').first().waitFor({ timeout: 60_000 });
            await preview.locator('.credal-md-fence svg').first().waitFor({ timeout: 30_000 });
            const fences = await preview.locator('.credal-md-fence').count();
            const python = await preview.locator('code.language-python').count();
            const heading = await preview.locator('h1').first().innerText();
            log(`markdown preview: ${fences} credal fences, ${python} python block, heading ${JSON.stringify(heading)}`);
            if (fences !== 3) throw new Error(`expected 3 rendered credal fences, found ${fences}`);
            if (python !== 1) throw new Error('the python fence is not shown as code');
            const pending = await preview.locator('.credal-md-pending').count();
            if (pending > 0) throw new Error(`${pending} fences still show the placeholder`);
            await workbench.screenshot('markdown-preview');
        }
    },
    {
        name: 'the Get Started walkthrough opens with its steps, and its first step opens the sample note',
        async run(workbench) {
            await workbench.runCommand('View: Close All Editor Groups');
            await workbench.quickInput('Control+Shift+P', '>Welcome: Open Walkthrough', 'Open Walkthrough');
            const row = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Credal Notes' }).first();
            await row.waitFor({ timeout: 15_000 });
            await row.click();
            const page = workbench.page.locator('.gettingStartedContainer');
            await page.locator('text=Get started with Credal Notes').first().waitFor({ timeout: 15_000 });
            await page.locator('text=Open a sample note').first().waitFor({ timeout: 15_000 });
            await page.locator('text=Export for a post or a paper').first().waitFor({ timeout: 15_000 });
            await workbench.screenshot('walkthrough');
            // Its first step opens a copy of the sample as an unsaved Credal note.
            await page.locator('text=Open the sample').first().click();
            await workbench.statusBarItem('status.editor.mode').filter({ hasText: 'Credal' }).waitFor({ timeout: 15_000 });
            await workbench.editor().locator('.view-line', { hasText: 'Betting on a Knightian coin' }).first().waitFor({ timeout: 15_000 });
            // The copy is unsaved: drop it, so no later test meets a "save changes?" prompt.
            await workbench.runCommand('View: Revert and Close Editor');
            await workbench.page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 15_000 });
        }
    }
];
