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
        const file = woff2 ? contained(directory, woff2) : undefined;
        if (!file || !existsSync(file)) return whole;
        return `src:url(data:font/woff2;base64,${readFileSync(file).toString('base64')}) format("woff2")`;
    });
    return cached;
}

/** A font named by the stylesheet, only if it lies inside the stylesheet's folder (`fonts/x.woff2`, never `../../x`). */
function contained(directory: string, relative: string): string | undefined {
    const file = path.resolve(directory, relative);
    return file.startsWith(directory + path.sep) ? file : undefined;
}

/**
 * node_modules/katex next to this code (sources, tests, the CLI bundle) or the copy the extension ships
 * in its media folder. Never the working directory: for the server that is the user's workspace, and a
 * note's folder must not supply the stylesheet and fonts of its own export.
 */
function findKatexCss(): string | undefined {
    const here = moduleFile();
    const candidates: string[] = [];
    try {
        candidates.push(createRequire(here).resolve('katex/dist/katex.min.css'));
    } catch {
        // not installed beside this code (the packaged extension): its media folder has the copy
    }
    const bundleDir = path.dirname(here);
    candidates.push(
        path.join(bundleDir, '..', 'extension', 'media', 'katex', 'katex.min.css'),
        path.join(bundleDir, 'media', 'katex', 'katex.min.css'),
        path.join(bundleDir, 'katex', 'katex.min.css')
    );
    return candidates.find(candidate => existsSync(candidate));
}
