import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile, type KeyedParent } from '../webview/reconcile.js';

/** A parent element modelled as an array of nodes, with a log of every DOM operation. */
interface FakeNode { key: string; label: string }
function fakeParent(keys: string[]) {
    const nodes: FakeNode[] = keys.map(key => ({ key, label: `old ${key}` }));
    const operations: string[] = [];
    const parent: KeyedParent<FakeNode> = {
        children: () => [...nodes],
        keyOf: node => node.key,
        nextSibling: node => nodes[nodes.indexOf(node) + 1] ?? null,
        insertBefore: (node, reference) => {
            const at = nodes.indexOf(node);
            if (at >= 0) nodes.splice(at, 1);
            const index = reference === null ? nodes.length : nodes.indexOf(reference);
            nodes.splice(index, 0, node);
            operations.push(`insert ${node.key}`);
        },
        remove: node => {
            nodes.splice(nodes.indexOf(node), 1);
            operations.push(`remove ${node.key}`);
        }
    };
    return { parent, nodes, operations };
}

const items = (keys: string[]) => keys.map(key => ({ key }));
const create = (item: { key: string }): FakeNode => ({ key: item.key, label: `new ${item.key}` });

describe('reconcile', () => {
    it('touches nothing when nothing changed', () => {
        const { parent, nodes, operations } = fakeParent(['a', 'b', 'c']);
        const before = [...nodes];
        const counts = reconcile(parent, items(['a', 'b', 'c']), create, () => {});
        expect(operations).toEqual([]);
        expect(nodes).toEqual(before);
        expect(nodes.every((node, i) => node === before[i])).toBe(true);
        expect(counts).toEqual({ created: 0, moved: 0, removed: 0, kept: 3 });
    });

    it('replaces one changed block in place and keeps the others', () => {
        const { parent, nodes, operations } = fakeParent(['a', 'b', 'c']);
        const [a, , c] = nodes;
        const counts = reconcile(parent, items(['a', 'B', 'c']), create, () => {});
        expect(nodes.map(node => node.label)).toEqual(['old a', 'new B', 'old c']);
        expect(nodes[0]).toBe(a);
        expect(nodes[2]).toBe(c);
        expect(operations).toEqual(['remove b', 'insert B']);
        expect(counts).toMatchObject({ created: 1, removed: 1, moved: 0 });
    });

    it('refreshes every reused node (line numbers move even when content does not)', () => {
        const { parent } = fakeParent(['a', 'b']);
        const refreshed: string[] = [];
        reconcile(parent, items(['a', 'b']), create, node => refreshed.push(node.key));
        expect(refreshed).toEqual(['a', 'b']);
    });

    it('moves a block with one insertion when two blocks swap', () => {
        const { parent, nodes, operations } = fakeParent(['a', 'b', 'c']);
        reconcile(parent, items(['b', 'a', 'c']), create, () => {});
        expect(nodes.map(node => node.key)).toEqual(['b', 'a', 'c']);
        expect(operations).toEqual(['insert b']);
    });

    it('drops duplicate keys it finds in the DOM', () => {
        const { parent, nodes } = fakeParent(['a', 'a', 'b']);
        reconcile(parent, items(['a', 'b']), create, () => {});
        expect(nodes.map(node => node.key)).toEqual(['a', 'b']);
    });

    it('always ends with exactly the next keys, reusing every surviving node', () => {
        const keyList = fc.uniqueArray(fc.constantFrom(...'abcdefghij'), { maxLength: 10 });
        fc.assert(fc.property(keyList, keyList, (current, next) => {
            const { parent, nodes } = fakeParent(current);
            const before = new Map(nodes.map(node => [node.key, node]));
            const counts = reconcile(parent, items(next), create, () => {});
            expect(nodes.map(node => node.key)).toEqual(next);
            for (const node of nodes) {
                if (before.has(node.key)) expect(node).toBe(before.get(node.key));
            }
            expect(counts.created).toBe(next.filter(key => !before.has(key)).length);
            expect(counts.removed).toBe(current.filter(key => !next.includes(key)).length);
        }));
    });
});
