import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLI_LAUNCHER } from '../support/bundle.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
    lines: string[];
}

/** Runs `credal <args>` as users do (bin/credal.cjs → out/cli.cjs), from `cwd` (the fixtures by default). */
export function runCredal(args: string[], cwd: string = FIXTURES): CliRun {
    const result = spawnSync(process.execPath, [CLI_LAUNCHER, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return {
        status: result.status,
        stdout: result.stdout,
        stderr: result.stderr,
        lines: result.stdout.split('\n').filter(line => line.length > 0)
    };
}
