import { fileURLToPath } from 'node:url';

/**
 * The file this code runs from: a source file (tests, tsc) or the bundle it was built into (out/*.cjs),
 * to find the assets that sit beside either.
 */
export function moduleFile(): string {
    // The bundles are CommonJS (no import.meta.url there); the sources and tests are ESM.
    if (typeof __filename === 'string') return __filename;
    return fileURLToPath(import.meta.url);
}
