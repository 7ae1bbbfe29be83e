import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI_LAUNCHER = path.join(REPO_ROOT, 'bin', 'credal.cjs');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'out', 'language-server.cjs');
const BUNDLES = ['cli.cjs', 'language-server.cjs', 'extension.cjs', 'evaluation-worker.cjs'].map(name => path.join(REPO_ROOT, 'out', name));
const SOURCES = ['language-server/src', 'extension/src', 'scripts/node20-polyfills.mjs', 'esbuild.mjs', 'package.json'];
const LOCK = path.join(REPO_ROOT, 'out', '.bundle-lock');
const STALE_LOCK_MS = 60_000;

/**
 * Process tests run what users run: the esbuild bundles. This rebuilds them when they are missing or
 * older than any source, under a directory lock because vitest runs test files in parallel processes.
 */
export async function ensureFreshBundles(): Promise<void> {
    if (bundlesAreFresh()) return;
    mkdirSync(path.dirname(LOCK), { recursive: true });
    const deadline = Date.now() + 120_000;
    for (;;) {
        try {
            mkdirSync(LOCK);
            break;
        } catch {
            // A bundle takes seconds; a lock much older than that was left by a run that was killed.
            const lockedAt = mtimeOrZero(LOCK);
            if (lockedAt > 0 && Date.now() - lockedAt > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
            if (Date.now() > deadline) throw new Error(`gave up waiting for ${LOCK}; delete it if no build is running`);
            await new Promise(resolve => setTimeout(resolve, 200));
        }
    }
    try {
        if (!bundlesAreFresh()) {
            const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
            if (result.status !== 0) {
                throw new Error(`bundling failed:\n${result.stdout}${result.stderr}`);
            }
        }
    } finally {
        rmSync(LOCK, { recursive: true, force: true });
    }
}

function bundlesAreFresh(): boolean {
    const oldestBundle = Math.min(...BUNDLES.map(mtimeOrZero));
    return oldestBundle > 0 && SOURCES.every(source => newestMtime(path.join(REPO_ROOT, source)) <= oldestBundle);
}

function mtimeOrZero(file: string): number {
    try {
        return statSync(file).mtimeMs;
    } catch {
        return 0;
    }
}

function newestMtime(file: string): number {
    const stats = statSync(file);
    if (!stats.isDirectory()) return stats.mtimeMs;
    return Math.max(stats.mtimeMs, ...readdirSync(file).map(name => newestMtime(path.join(file, name))));
}
