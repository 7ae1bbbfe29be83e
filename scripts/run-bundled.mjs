// Runs a TypeScript entry (fuzzer, benchmarks) without a TypeScript runtime: bundles it with esbuild
// into the gitignored out/scripts/ (never shipped: .vscodeignore only admits out/*.cjs) and runs it with
// node, passing the remaining arguments through. Dependencies stay external (resolved from node_modules).
// Usage: node scripts/run-bundled.mjs <entry.ts> [arguments]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
    console.error('usage: node scripts/run-bundled.mjs <entry.ts> [arguments]');
    process.exit(2);
}
const outfile = path.join('out', 'scripts', `${path.basename(entry, '.ts')}.mjs`);
await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning'
});
const result = spawnSync(process.execPath, ['--enable-source-maps', '--expose-gc', outfile, ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
