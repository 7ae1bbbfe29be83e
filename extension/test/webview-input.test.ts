import { describe, expect, it } from 'vitest';
import { restorableResource, sourceLine } from '../src/preview/webview-input.js';

describe('lines from the webview', () => {
    it('keeps finite numbers, floored and not negative', () => {
        expect(sourceLine(12.7)).toBe(12);
        expect(sourceLine(-3)).toBe(0);
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '3', null, undefined, {}])('ignores %s', (value) => {
        expect(sourceLine(value)).toBeUndefined();
    });
});

describe('restoring a preview panel from its saved state', () => {
    it('restores a note on disk, unsaved or remote, with its line when the line is sound', () => {
        expect(restorableResource({ resource: 'file:///notes/coin.cred', line: 4 })).toEqual({ resource: 'file:///notes/coin.cred', line: 4 });
        expect(restorableResource({ resource: 'untitled:Untitled-1', line: Number.NaN })).toEqual({ resource: 'untitled:Untitled-1' });
        expect(restorableResource({ resource: 'vscode-remote://ssh-remote+box/home/n.cred' })).toEqual({ resource: 'vscode-remote://ssh-remote+box/home/n.cred' });
    });

    it.each([
        undefined, null, 'file:///x.cred', { line: 3 }, { resource: 42 },
        { resource: 'https://evil.example/note.cred' }, { resource: 'command:workbench.action.terminal.new' },
        { resource: 'vscode-webview://abc/index.html' }, { resource: '/no/scheme.cred' }
    ])('refuses %j', (state) => {
        expect(restorableResource(state)).toBeUndefined();
    });
});
