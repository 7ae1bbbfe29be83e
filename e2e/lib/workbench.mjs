// Helpers that drive code-server's workbench the way a person would (keyboard, mouse, what is on screen).
// The selectors are VS Code internals, valid for the pinned code-server 4.139.1 (Code 1.139.1).
import * as path from 'node:path';
import { log } from './results.mjs';
import { until } from './until.mjs';

export class Workbench {
    constructor(page, { port, folder, screenshots }) {
        this.page = page;
        this.port = port;
        this.folder = folder;
        this.screenshots = screenshots;
    }

    /** Loads the workbench on the workspace folder and waits until the explorer lists `fileName`. */
    async open(fileName) {
        await this.page.goto(`http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.folder)}`);
        await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 60_000 });
        await this.page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
        log('workbench ready');
    }

    /**
     * Opens a file from the explorer (Quick Open waits for the file search, which can take long on a busy
     * machine) and waits until its editor tab is the active one.
     */
    async openFile(fileName) {
        const exactName = new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const row = this.page.locator('.explorer-folders-view .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactName }) }).first();
        await row.dblclick({ timeout: 30_000 });
        await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: 30_000 });
        await this.editor().locator('.view-line').first().waitFor({ timeout: 30_000 });
    }

    /**
     * Clicks a code lens until `reached()` holds. A lens clicked just as the server has the lenses refreshed
     * (new eval results arrived) runs a command VS Code has already dropped ("Actual command not found" in the
     * extension host's log) and nothing happens; the lens drawn again works.
     */
    async clickLensUntil(lens, what, reached, attempts = 3) {
        for (let attempt = 1; ; attempt++) {
            await lens.click();
            if (await until(what, reached, 20_000).then(() => true, () => false)) return;
            if (attempt === attempts) throw new Error(`clicked the lens ${attempts} times; still no ${what}`);
            log(`clicked a lens, no ${what} yet: clicking it again`);
        }
    }

    async runCommand(title) {
        await this.quickInput('Control+Shift+P', `>${title}`, title);
    }

    async quickInput(shortcut, text, rowText) {
        await this.page.keyboard.press(shortcut);
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 15_000 });
        await input.fill(text);
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 15_000 });
        await this.page.keyboard.press('Enter');
    }

    /** The editor of the active tab. */
    editor() {
        return this.page.locator('.editor-group-container.active .monaco-editor').first();
    }

    statusBarItem(id) {
        return this.page.locator(`[id="${id}"]`);
    }

    /** Moves the mouse onto `target` until a hover containing `text` shows; hovers need a real move and retries. */
    async hoverUntil(target, text, tries = 30) {
        for (let i = 0; i < tries; i++) {
            const box = await target.boundingBox();
            if (box) {
                await this.page.mouse.move(box.x + 1, box.y + box.height / 2);
                await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
                const hover = this.page.locator('.monaco-hover-content', { hasText: text }).first();
                try {
                    await hover.waitFor({ timeout: 1000 });
                    return await hover.innerText();
                } catch {
                    await this.page.mouse.move(5, 5);
                }
            }
        }
        throw new Error(`no hover containing ${text}`);
    }

    /** Opens the Problems panel and returns its rows. */
    async problems() {
        await this.page.keyboard.press('Control+Shift+M');
        const rows = this.page.locator('.markers-panel .monaco-list-row');
        await rows.first().waitFor({ timeout: 15_000 });
        return rows;
    }

    async screenshot(name) {
        const file = path.join(this.screenshots, `${name}.png`);
        await this.page.screenshot({ path: file });
        log(`screenshot ${path.relative(process.cwd(), file)}`);
    }
}
