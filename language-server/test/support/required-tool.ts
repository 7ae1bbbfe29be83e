import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

/** A program some tests drive (a browser, a TeX compiler) and the command that installs it. */
export interface RequiredTool {
    command: string;
    /** What the tests that need it check, for the skip notice. */
    tests: string;
}

/** One script installs every tool the unit tests need; `.ci/run` runs it before the tests. */
const INSTALL_TEST_TOOLS = 'bash scripts/install-test-tools.sh';

export const CHROMIUM: RequiredTool = { command: 'chromium', tests: 'the standalone pages in headless Chromium' };
export const PDFLATEX: RequiredTool = { command: 'pdflatex', tests: 'the LaTeX exports compiled with pdflatex' };

/**
 * Whether the tests that need `tool` can run. Locally a missing tool skips them with a notice naming the
 * install command. In CI (CI=true) every tool is installed first, so a missing one is a broken pipeline:
 * a failing test says so instead of a silent skip.
 */
export function toolInstalled(tool: RequiredTool): boolean {
    if (commandPath(tool.command) !== undefined) return true;
    const missing = `${tool.command} is not installed; install it with \`${INSTALL_TEST_TOOLS}\``;
    if (process.env.CI === 'true') {
        it(`${tool.command} is installed (CI needs it for ${tool.tests})`, () => {
            throw new Error(missing);
        });
    } else {
        console.warn(`skipping ${tool.tests}: ${missing}`);
    }
    return false;
}

/** The full path of `command` on PATH, or undefined. */
export function commandPath(command: string): string | undefined {
    const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' });
    const path = found.stdout.trim();
    return found.status === 0 && path ? path : undefined;
}

