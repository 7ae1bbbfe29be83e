import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, commandPath, toolInstalled } from '../support/required-tool.js';

/** Whether the browser tests run: Debian's chromium is on PATH (in CI its absence fails the run). */
export const hasChromium = toolInstalled(CHROMIUM);

/** Debian's chromium with the e2e recipe's flags and a throwaway profile (nothing written to $HOME). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
    const profile = mkdtempSync(path.join(tmpdir(), 'credal-render-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: commandPath(CHROMIUM.command),
        headless: true,
        viewport: { width: 1100, height: 900 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: path.join(profile, '.config'), XDG_CACHE_HOME: path.join(profile, '.cache') }
    });
    return {
        context,
        close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        }
    };
}
