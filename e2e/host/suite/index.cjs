// Entry of the in-extension-host tests (loaded by the workbench as extensionTestsPath; must export run()).
// Runs every `tests` entry of ./*.test.cjs in order and logs one `[credal-e2e] pass|fail <name>` line each,
// which e2e/host/run-host-tests.mjs turns into results. run() rejects if any test failed.
const fs = require('node:fs');
const path = require('node:path');

/** Per test, unless the test sets its own `timeoutMs`. */
const TEST_TIMEOUT_MS = 60_000;

async function run() {
    const files = fs.readdirSync(__dirname).filter(name => name.endsWith('.test.cjs')).sort();
    let failed = 0;
    for (const file of files) {
        for (const test of require(path.join(__dirname, file)).tests) {
            const started = Date.now();
            try {
                await withTimeout(test.run(), test.timeoutMs ?? TEST_TIMEOUT_MS);
                console.log(`[credal-e2e] pass ${test.name} (${Date.now() - started} ms)`);
            } catch (error) {
                failed++;
                const reason = String(error && error.message || error).replace(/\s+/g, ' ');
                console.log(`[credal-e2e] fail ${test.name}: ${reason}`);
            }
        }
    }
    if (failed > 0) {
        throw new Error(`${failed} in-host test(s) failed`);
    }
}

function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms); });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

module.exports = { run };
