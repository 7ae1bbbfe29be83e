import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewOf } from '../../src/render/note-renderer.js';
import { BlockHtmlCache } from '../../src/render/preview/block-html-cache.js';
import type { PreviewResult } from '../../src/protocol.js';
import { buildNote, SAMPLES } from './render-kit.js';

// The preview's block cache: an edit re-renders only the blocks it affects, and a cached preview is
// exactly the preview rendered from scratch.

const sample = (file: string): string => readFileSync(path.join(SAMPLES, file), 'utf8');
let version = 0;

/** The preview of `text` as a new version, with the cache and from scratch, and how many blocks were rendered anew. */
async function previewBoth(text: string,
    cache: BlockHtmlCache): Promise<{ cached: PreviewResult; fresh: PreviewResult; rendered: number }> {
    const { document, services } = await buildNote(text, `cache-${++version}.cred`);
    const before = cache.size;
    const cached = previewOf(services, document, undefined, cache);
    const rendered = cache.size - before;
    const fresh = previewOf(services, document);
    return { cached, fresh, rendered };
}

/** What differs between two previews, by block id (empty when they are the same), so a failure stays readable. */
function differences(cached: PreviewResult, fresh: PreviewResult): string[] {
    const out = cached.title === fresh.title ? [] : [`title ${cached.title} ≠ ${fresh.title}`];
    const count = Math.max(cached.blocks.length, fresh.blocks.length);
    for (let i = 0; i < count; i++) {
        const a = cached.blocks[i];
        const b = fresh.blocks[i];
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`block ${i}: ${a?.id ?? 'none'} / ${b?.id ?? 'none'}`);
    }
    return out;
}

describe('preview block cache', () => {
    const base = sample('contamination-vs-tv.cred');
    const edits: [string, string, number | 'some'][] = [
        ['a prose word', base.replace('two standard neighbourhoods', 'two classic neighbourhoods'), 1],
        ['a doc comment', base.replace('A payoff that rewards', 'A gamble that rewards'), 1],
        ['a declaration others depend on (p0)', base.replace('{a: 1/2, b: 1/3, c: 1/6}', '{a: 1/2, b: 1/4, c: rest}'), 'some'],
        ['lines inserted at the top (every block moves)', `\n\n${base}`, 0],
        ['a new distribution (a dot in the pictures of credal sets)', base.replace('gamble f on Three',
            'dist q on Three = (1/3, 1/3, 1/3)\n\ngamble f on Three'), 'some'],
        ['an eval appended', `${base}\neval lowerE(C, (1, 2, 3))\n`, 1]
    ];

    it.each(edits)('after %s, equals the preview rendered from scratch and re-renders only what changed', async (_name, edited,
        expected) => {
        const cache = new BlockHtmlCache();
        const first = await previewBoth(base, cache);
        expect(differences(first.cached, first.fresh)).toEqual([]);
        expect(first.rendered).toBeGreaterThan(40); // every block of the note, bar duplicates
        const again = await previewBoth(base, cache);
        expect(again.rendered).toBe(0);
        const next = await previewBoth(edited, cache);
        expect(differences(next.cached, next.fresh)).toEqual([]);
        if (expected === 'some') {
            expect(next.rendered).toBeGreaterThan(1);
            expect(next.rendered).toBeLessThan(first.rendered);
        } else {
            expect(next.rendered).toBe(expected);
        }
    });

    it('a decision problem follows the Hurwicz α used elsewhere in the note', async () => {
        const cache = new BlockHtmlCache();
        const note = sample('eight-rules.cred');
        await previewBoth(note, cache);
        const edited = note.replace('hurwicz(1/3)) == {d3}', 'hurwicz(1/5)) == {d3}');
        expect(edited).not.toBe(note);
        const next = await previewBoth(edited, cache);
        expect(differences(next.cached, next.fresh)).toEqual([]);
        const choice = next.cached.blocks.find(block => block.name === 'Choice');
        expect(choice?.html).toContain('α\u00a0=\u00a01/5');
    });

    it('renders every block again when an evaluation setting changes', async () => {
        const cache = new BlockHtmlCache();
        const note = sample('die.cred');
        const first = await previewBoth(note, cache);
        const { services } = await buildNote('set X = {a}\n', `cache-${++version}.cred`);
        const evaluator = services.evaluation.Evaluator;
        const settings = evaluator.settings;
        try {
            evaluator.updateSettings({ ...settings, maxSteps: settings.maxSteps + 1 });
            const next = await previewBoth(note, cache);
            expect(next.rendered).toBe(first.rendered);
        } finally {
            evaluator.updateSettings(settings);
        }
    });

    it('does not keep blocks whose values may differ next time (over budget, unresolved names)', async () => {
        const cache = new BlockHtmlCache();
        const { document, services } = await buildNote('set X = {a, b}\neval lowerP(Missing, {a})\n', `cache-${++version}.cred`);
        const result = previewOf(services, document, undefined, cache);
        expect(result.blocks.map(block => block.kind)).toEqual(['declaration', 'eval']);
        expect(cache.size).toBe(1); // the set only

        const evaluator = services.evaluation.Evaluator;
        const settings = evaluator.settings;
        try {
            evaluator.updateSettings({ maxSteps: 1, timeoutMs: settings.timeoutMs });
            const tight = await buildNote(sample('contamination-vs-tv.cred'), `cache-${++version}.cred`);
            const tightCache = new BlockHtmlCache();
            const preview = previewOf(services, tight.document, undefined, tightCache);
            const overBudget = preview.blocks.filter(block => block.html.includes('E-BUDGET'));
            expect(overBudget.length).toBeGreaterThan(0);
            expect(tightCache.size).toBeLessThanOrEqual(preview.blocks.length - overBudget.length);
        } finally {
            evaluator.updateSettings(settings);
        }
    });
});

describe('BlockHtmlCache bounds', () => {
    it('drops the least recently used entries first', () => {
        const cache = new BlockHtmlCache(2);
        cache.set('a', { kind: 'prose', html: 'A' });
        cache.set('b', { kind: 'prose', html: 'B' });
        expect(cache.get('a')?.html).toBe('A');
        cache.set('c', { kind: 'prose', html: 'C' });
        expect(cache.get('b')).toBeUndefined();
        expect(cache.get('a')?.html).toBe('A');
        expect(cache.get('c')?.html).toBe('C');
    });

    it('keeps the total size of keys and HTML under its bound', () => {
        const cache = new BlockHtmlCache(100, 10);
        cache.set('k1', { kind: 'prose', html: '1234' });
        cache.set('k2', { kind: 'prose', html: '1234' });
        expect(cache.size).toBe(1);
        expect(cache.get('k2')?.html).toBe('1234');
    });
});
