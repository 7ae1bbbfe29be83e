import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { moduleFile } from './module-file.js';

/**
 * The note's stylesheet (preview.css beside this file), which the standalone page inlines. It is the
 * same file the preview panel loads: esbuild.mjs copies it to out/media/, which is where the bundles
 * (out/*.cjs: the CLI, the server) find it.
 */
let cached: string | undefined;

export function previewCss(): string | undefined {
    if (cached !== undefined) return cached;
    const directory = path.dirname(moduleFile());
    const file = [path.join(directory, 'preview.css'), path.join(directory, 'media',
        'preview.css')].find(candidate => existsSync(candidate));
    if (file) cached = readFileSync(file, 'utf8');
    return cached;
}
