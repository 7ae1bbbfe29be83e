// Starts Debian's chromium through playwright-core with a throwaway profile, so no run sees another's
// state and nothing is written into the real $HOME.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export async function launchBrowser() {
    const profile = mkdtempSync(path.join(process.env.CREDAL_E2E_WORK ?? tmpdir(), 'chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CREDAL_E2E_CHROMIUM ?? 'chromium',
        headless: true,
        viewport: { width: 1400, height: 900 },
        // No sandbox: CI runs as root. The rest keeps chromium off the network and quiet.
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        // Crash reporter and dconf would otherwise write under $HOME.
        env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: path.join(profile, '.config'), XDG_CACHE_HOME: path.join(profile, '.cache') }
    });
    const page = context.pages()[0] ?? await context.newPage();
    return {
        context,
        page,
        async close() {
            await context.close().catch(() => {});
            rmSync(profile, { recursive: true, force: true });
        }
    };
}
