import { describe, expect, it } from 'vitest';
import { showTarget, treeRuleTarget } from '../src/preview/show-arguments.js';

/** A stand-in for vscode.Uri: the extension parses strings with the language client's converter. */
class FakeUri {
    constructor(readonly text: string) {}
}
const toUri = (value: unknown): FakeUri | undefined =>
    value instanceof FakeUri ? value : typeof value === 'string' && value.includes(':') ? new FakeUri(value) : undefined;

describe('the arguments of Open Preview (to the Side)', () => {
    it('none (command palette, keybinding): the active editor, no line', () => {
        expect(showTarget([], toUri)).toEqual({});
    });

    it('the code lens: the note URI as a string and the declaration line', () => {
        expect(showTarget(['file:///notes/coin.cred', 12], toUri)).toEqual({ resource: new FakeUri('file:///notes/coin.cred'), line: 12 });
        expect(showTarget(['file:///notes/coin.cred', 0], toUri)).toEqual({ resource: new FakeUri('file:///notes/coin.cred'), line: 0 });
    });

    it('a menu: the Uri, then a context object or the selected Uris (not a line)', () => {
        const uri = new FakeUri('file:///notes/coin.cred');
        expect(showTarget([uri, { groupId: 1 }], toUri)).toEqual({ resource: uri });
        expect(showTarget([uri, [uri]], toUri)).toEqual({ resource: uri });
    });

    it('ignores what is neither a note nor a line', () => {
        expect(showTarget([undefined, 3], toUri)).toEqual({ line: 3 });
        expect(showTarget([null], toUri)).toEqual({});
        expect(showTarget(['not a uri', -1], toUri)).toEqual({});
        expect(showTarget([42, 1.5], toUri)).toEqual({});
        expect(showTarget([{ fsPath: '/x' }, Number.NaN], toUri)).toEqual({});
        expect(showTarget(['file:///a.cred', '7'], toUri)).toEqual({ resource: new FakeUri('file:///a.cred') });
    });
});

describe('the arguments of a decision tree\'s rule lens or hover link (credal.preview.showTreeRule)', () => {
    it('[uri, line, tree, rule]: the note, the tree\'s line, the tree and the rule', () => {
        expect(treeRuleTarget(['file:///notes/oil.cred', 14, 'Wildcatter', 'maximin'], toUri)).toEqual({
            resource: new FakeUri('file:///notes/oil.cred'), line: 14, tree: 'Wildcatter', rule: 'maximin' });
    });

    it('does nothing without a tree and a rule that are names', () => {
        expect(treeRuleTarget(['file:///notes/oil.cred', 14], toUri)).toBeUndefined();
        expect(treeRuleTarget(['file:///notes/oil.cred', 14, 'Wildcatter', 3], toUri)).toBeUndefined();
        expect(treeRuleTarget(['file:///notes/oil.cred', 14, '', 'maximin'], toUri)).toBeUndefined();
        expect(treeRuleTarget(['file:///notes/oil.cred', 14, 'Wild\ncatter', 'maximin'], toUri)).toBeUndefined();
        expect(treeRuleTarget(['file:///notes/oil.cred', 14, 'x'.repeat(201), 'maximin'], toUri)).toBeUndefined();
    });
});
