// Runs a TypeScript benchmark without a TypeScript runtime: bundles it with esbuild into the gitignored
// bench/.build/ and runs the bundle with node, passing the remaining arguments through.
// Usage: node bench/run.mjs bench/engine.ts [--quick] [--json FILE]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
    console.error('usage: node bench/run.mjs <bench entry .ts> [arguments]');
    process.exit(2);
}
const outfile = path.join('bench', '.build', `${path.basename(entry, '.ts')}.mjs`);
await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
