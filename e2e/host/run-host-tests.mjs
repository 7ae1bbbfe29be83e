// Runs e2e/host/suite inside code-server's extension host, the way @vscode/test-electron does for desktop
// VS Code: the workbench URL carries extensionDevelopmentPath + extensionTestsPath, and the workbench
// reports run()'s outcome through window.codeAutomationExit (needs --vscode-option enable-smoke-test-driver).
// Usage: node e2e/host/run-host-tests.mjs PORT WORKSPACE_FOLDER EXTENSION_DIR SUITE_INDEX
import * as path from 'node:path';
import { launchBrowser } from '../lib/browser.mjs';
import { log, recordResult } from '../lib/results.mjs';

const [port, folder, extensionDir, suiteIndex] = process.argv.slice(2);
const TIMEOUT_MS = 420_000;
const screenshots = process.env.CREDAL_E2E_SCREENSHOTS ?? 'screenshots';

const browser = await launchBrowser();
const { page } = browser;
let reported = 0;
let exitCode;
try {
    const exited = new Promise(resolve => page.exposeFunction('codeAutomationExit', code => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = (args ?? []).map(String).join(' ');
        const result = /^\[credal-e2e\] (pass|fail) (.*)$/.exec(text);
        if (result) {
            reported++;
            const [name, reason] = result[1] === 'pass' ? [result[2], undefined] : splitReason(result[2]);
            recordResult(`host: ${name}`, reason);
        } else {
            console.log(`[extension host ${type}] ${text}`);
        }
    });
    const authority = `127.0.0.1:${port}`;
    const payload = [
        ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDir}`],
        ['extensionTestsPath', `vscode-remote://${authority}${suiteIndex}`]
    ];
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    exitCode = await Promise.race([exited, new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); })]);
    clearTimeout(timer);
    log(`extension host tests finished with ${exitCode}`);
    await page.screenshot({ path: path.join(screenshots, 'host-tests.png') }).catch(() => {});
} catch (error) {
    exitCode = error;
} finally {
    await browser.close();
}
// A suite that crashed or hung before reporting its tests still has to count as a failure.
if (exitCode !== 0 && reported === 0) {
    recordResult('host: test suite ran', exitCode === 'timeout' ? `no result after ${TIMEOUT_MS} ms` : `exit ${exitCode}`);
}
process.exitCode = exitCode === 0 ? 0 : 1;

function splitReason(text) {
    const at = text.indexOf(': ');
    return at < 0 ? [text, 'failed'] : [text.slice(0, at), text.slice(at + 2)];
}
