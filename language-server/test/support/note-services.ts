import { EmptyFileSystem } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { createCredalServices } from '../../src/credal-module.js';
import type { Model } from '../../src/generated/ast.js';

/**
 * The services once per test file, as the real server and CLI create them, with a parse that waits for
 * the last clear: a clear rebuilds the workspace, so the next note's build never overlaps it.
 */
export function noteServices() {
    const services = createCredalServices(EmptyFileSystem);
    const parseNow = parseHelper<Model>(services.Credal);
    let clearing: Promise<void> = Promise.resolve();
    const parse: typeof parseNow = async (text, options) => {
        await clearing;
        return parseNow(text, options);
    };
    return {
        services,
        parse,
        clear: () => (clearing = clearing.then(() => clearDocuments(services.shared))),
        /** Resolves once every clear asked for so far is done; other helpers that build documents wait on it. */
        cleared: (): Promise<void> => clearing
    };
}
