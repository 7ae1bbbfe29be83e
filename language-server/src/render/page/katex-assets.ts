import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { moduleFile } from './module-file.js';

/**
 * KaTeX's stylesheet with its fonts inlined as data: URIs (woff2 only: every current browser reads
 * it), so a standalone page needs neither the network nor files beside it.
 */
let cached: string | undefined;

export function inlinedKatexCss(): string | undefined {
    if (cached !== undefined) return cached;
    const cssPath = findKatexCss();
    if (!cssPath) return undefined;
    const css = readFileSync(cssPath, 'utf8');
    const directory = path.dirname(cssPath);
    cached = css.replace(/src:([^;}]*)/g, (whole, sources: string) => {
        const woff2 = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(sources)?.[1];
        const file = woff2 ? path.join(directory, woff2) : undefined;
        if (!file || !existsSync(file)) return whole;
        return `src:url(data:font/woff2;base64,${readFileSync(file).toString('base64')}) format("woff2")`;
    });
    return cached;
}

/** node_modules/katex (sources, tests, the CLI bundle) or the copy the extension ships in its media folder. */
function findKatexCss(): string | undefined {
    const here = moduleFile();
    const candidates: string[] = [];
    for (const from of [here, path.join(process.cwd(), 'package.json')]) {
        try {
            candidates.push(createRequire(from).resolve('katex/dist/katex.min.css'));
        } catch {
            // not installed there: try the next place
        }
    }
    const bundleDir = path.dirname(here);
    candidates.push(
        path.join(bundleDir, '..', 'extension', 'media', 'katex', 'katex.min.css'),
        path.join(bundleDir, 'media', 'katex', 'katex.min.css'),
        path.join(bundleDir, 'katex', 'katex.min.css')
    );
    return candidates.find(candidate => existsSync(candidate));
}
