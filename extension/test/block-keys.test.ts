import { describe, expect, it } from 'vitest';
import type { PreviewBlock } from '../../language-server/src/protocol.js';
import { blockKeys, contentHash, planUpdate } from '../src/preview/block-keys.js';

function block(id: string, html: string, startLine: number, kind: PreviewBlock['kind'] = 'declaration'): PreviewBlock {
    return { id, kind, startLine, endLine: startLine, html };
}

describe('contentHash', () => {
    it('is deterministic and tells apart texts that differ in one character', () => {
        expect(contentHash('<p>P(A) = 1/3</p>')).toBe(contentHash('<p>P(A) = 1/3</p>'));
        expect(contentHash('<p>P(A) = 1/3</p>')).not.toBe(contentHash('<p>P(A) = 1/4</p>'));
        expect(contentHash('ab')).not.toBe(contentHash('ba'));
        expect(contentHash('')).not.toBe(contentHash('\u0000'));
    });
});

describe('blockKeys', () => {
    it('keys by content, not by id or line, so a block that only moved keeps its key', () => {
        const before = blockKeys([block('declaration-K-3', '<b>K</b>', 3)]);
        const after = blockKeys([block('declaration-K-7', '<b>K</b>', 7)]);
        expect(after).toEqual(before);
    });

    it('numbers repeated content so that every key in a note is unique', () => {
        const keys = blockKeys([block('a', '<hr>', 0, 'prose'), block('b', '<hr>', 2, 'prose'), block('c', '<hr>', 4, 'prose')]);
        expect(new Set(keys).size).toBe(3);
        expect(keys[1]).toBe(`${keys[0]}~1`);
        expect(keys[2]).toBe(`${keys[0]}~2`);
    });

    it('distinguishes the same html in blocks of different kinds', () => {
        const [a, b] = blockKeys([block('a', '<p>x</p>', 0, 'eval'), block('b', '<p>x</p>', 1, 'assert')]);
        expect(a).not.toBe(b);
    });
});

describe('planUpdate', () => {
    it('sends every block in full to a webview that shows nothing', () => {
        const blocks = [block('p-0', '<p>prose</p>', 0, 'prose'), block('d-K-2', '<span class="katex">K</span>', 2)];
        const plan = planUpdate(new Set(), blocks);
        expect(plan.blocks.map(b => b.html)).toEqual(['<p>prose</p>', '<span class="katex">K</span>']);
        expect(plan.blocks[1]).toMatchObject({ id: 'd-K-2', kind: 'declaration', startLine: 2, endLine: 2 });
        expect(plan.keys.size).toBe(2);
    });

    it('after an edit, sends html only for the changed block and line numbers for all', () => {
        const first = [block('p-0', '<p>intro</p>', 0, 'prose'), block('d-K-2', '<b>K = conv{…}</b>', 2), block('e-4', '<b>1/3</b>', 4,
            'eval')];
        const { keys } = planUpdate(new Set(), first);
        // A line inserted above K: K and the eval move down by one; the eval's value changed.
        const second = [block('p-0', '<p>intro</p>', 0, 'prose'), block('d-K-3', '<b>K = conv{…}</b>', 3), block('e-5', '<b>2/5</b>', 5,
            'eval')];
        const plan = planUpdate(keys, second);
        expect(plan.blocks.map(b => b.html)).toEqual([undefined, undefined, '<b>2/5</b>']);
        expect(plan.blocks.map(b => b.startLine)).toEqual([0, 3, 5]);
        expect(plan.blocks.map(b => b.id)).toEqual(['p-0', 'd-K-3', 'e-5']);
    });

    it('carries the declared name when there is one', () => {
        const named: PreviewBlock = { id: 'd', kind: 'declaration', name: 'Coin', startLine: 1, endLine: 1, html: '' };
        expect(planUpdate(new Set(), [named]).blocks[0].name).toBe('Coin');
        expect('name' in planUpdate(new Set(), [block('x', '', 0)]).blocks[0]).toBe(false);
    });
});
