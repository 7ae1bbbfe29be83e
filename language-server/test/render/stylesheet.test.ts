import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { standalonePage } from '../../src/render/page/standalone-page.js';
import { ensureFreshBundles, REPO_ROOT } from '../support/bundle.js';
import { noteModel } from './render-kit.js';

// One stylesheet for the note, wherever it is shown: the standalone page inlines it, the preview panel
// loads the copy esbuild puts in out/media/; the panel's own file adds only what a panel needs.

const source = (relative: string): string => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const NOTE_CSS = source('../../src/render/page/preview.css');
const PANEL_CSS = source('../../../extension/media/preview-panel.css');
const GOLDEN = fileURLToPath(new URL('golden/', import.meta.url));

/** Classes inside the SVG pictures that only group or label shapes (drawn by their attributes, currentColor). */
const STRUCTURAL = new Set(['credal-figure', 'credal-act', 'credal-axis', 'credal-axis-label', 'credal-tick', 'credal-corner',
    'credal-region', 'credal-region-label', 'credal-simplex', 'credal-outline', 'credal-vertex-label', 'credal-dot-label',
    // The renderer marks each table's figure with its style; only the compact one needs a rule.
    'credal-table-figure-decision']);

function classSelectors(css: string): Set<string> {
    return new Set([...css.matchAll(/\.(credal-[\w-]+)/g)].map(match => match[1]));
}

describe('the note stylesheet', () => {
    it('styles every class the preview HTML of the samples uses, and the block wrappers', () => {
        const used = new Set(['credal-block', 'credal-block-prose', 'credal-block-declaration', 'credal-block-eval', 'credal-block-assert',
            'credal-block-error']);
        for (const file of readdirSync(GOLDEN).filter(name => name.endsWith('.html'))) {
            const html = readFileSync(`${GOLDEN}${file}`, 'utf8');
            for (const match of html.matchAll(/class="([^"]*)"/g)) {
                for (const name of match[1].split(/\s+/)) if (name.startsWith('credal-') && !STRUCTURAL.has(name)) used.add(name);
            }
        }
        const styled = classSelectors(NOTE_CSS);
        expect([...used].filter(name => !styled.has(name)).sort()).toEqual([]);
        for (const name of ['credal-table-figure', 'credal-table-caption', 'credal-table-compact', 'credal-table-decision',
            'credal-cell-muted']) {
            expect(used.has(name), name).toBe(true);
        }
    });

    it('is inlined, as it is, by the standalone page', async () => {
        const page = standalonePage(await noteModel('set Coin = {heads, tails}\n'));
        expect(page).toContain(`<style>${NOTE_CSS}</style>`);
    });

    it('is the file the preview panel loads (out/media/preview.css), and the panel file repeats none of it', async () => {
        await ensureFreshBundles(); // rebuilt (and the assets copied again) whenever a source is newer
        expect(readFileSync(`${REPO_ROOT}out/media/preview.css`, 'utf8')).toBe(NOTE_CSS);
        expect(readFileSync(`${REPO_ROOT}esbuild.mjs`,
            'utf8')).toContain("{ from: 'extension/media/preview-panel.css', to: 'out/media/preview-panel.css' }");
        expect([...classSelectors(PANEL_CSS)].sort()).toEqual(['credal-block', 'credal-preview', 'credal-revealed']);
    });

    it('falls back to plain colours outside VS Code for every theme variable it reads', () => {
        const bare = [...NOTE_CSS.matchAll(/var\((--vscode-[\w-]+)\)/g)].map(match => match[1]);
        expect(bare).toEqual([]);
    });
});
