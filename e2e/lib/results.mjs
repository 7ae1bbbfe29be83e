// Test outcomes as lines `pass <name>` / `fail <name>: <reason>` appended to $CREDAL_E2E_RESULTS;
// e2e/run.sh counts them for its `N passed, N failed` line.
import { appendFileSync } from 'node:fs';

export function recordResult(name, error) {
    const line = error === undefined ? `pass ${name}` : `fail ${name}: ${oneLine(error)}`;
    console.log(`[${error === undefined ? 'ok' : 'FAIL'}] ${name}${error === undefined ? '' : ` — ${oneLine(error)}`}`);
    if (process.env.CREDAL_E2E_RESULTS) {
        appendFileSync(process.env.CREDAL_E2E_RESULTS, line + '\n');
    }
}

function oneLine(error) {
    return String(error instanceof Error ? error.message : error).replace(/\s+/g, ' ').slice(0, 300);
}

/** Milliseconds since the first call, for readable progress logs. */
const started = Date.now();
export function log(message) {
    console.log(`[+${String(Date.now() - started).padStart(6)} ms] ${message}`);
}
