// Runs every UI test in e2e/ui/*.ui.mjs against one code-server workbench, in file order.
// Each test module exports `tests`: [{ name, run(workbench) }]; a failure is recorded with a screenshot
// and the next test still runs. Usage: node e2e/ui/run-ui-tests.mjs PORT WORKSPACE_FOLDER
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from '../lib/browser.mjs';
import { log, recordResult } from '../lib/results.mjs';
import { Workbench } from '../lib/workbench.mjs';

const [port, folder] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = process.env.CREDAL_E2E_SCREENSHOTS ?? path.join(here, '..', 'screenshots');

// CREDAL_E2E_UI_ONLY=04 runs only the test files whose names contain it (while working on them).
const only = process.env.CREDAL_E2E_UI_ONLY ?? '';
const modules = readdirSync(here).filter(name => name.endsWith('.ui.mjs') && name.includes(only)).sort();
const tests = [];
for (const name of modules) {
    const module = await import(pathToFileURL(path.join(here, name)).href);
    tests.push(...module.tests);
}

const browser = await launchBrowser();
let failed = 0;
try {
    const workbench = new Workbench(browser.page, { port, folder, screenshots });
    // The workbench loads once; if that fails every test fails with the same reason.
    const ready = await workbench.open(process.env.CREDAL_E2E_SAMPLE ?? '.cred').then(() => undefined, error => error);
    for (const test of tests) {
        const started = Date.now();
        let error = ready;
        if (error === undefined) {
            try {
                await test.run(workbench);
            } catch (caught) {
                error = caught;
            }
        }
        if (error !== undefined) {
            failed++;
            await workbench.screenshot(`fail-${test.name.replace(/\W+/g, '-')}`).catch(() => {});
        }
        recordResult(`ui: ${test.name} (${Date.now() - started} ms)`, error);
    }
} finally {
    await browser.close();
}
log(`UI tests done: ${tests.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 && tests.length > 0 ? 0 : 1;
