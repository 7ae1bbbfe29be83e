import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreviewBlock, PreviewResult } from '../../language-server/src/protocol.js';
import { isPreviewResult, PreviewController } from '../src/preview/preview-controller.js';
import type { ToWebview } from '../src/preview/preview-messages.js';

const URI = 'file:///notes/coin.cred';

function block(id: string, html: string, startLine: number): PreviewBlock {
    return { id, kind: 'declaration', startLine, endLine: startLine, html };
}

/** A stub of the server's `credal/preview`: answers from a script, after `latencyMs`. */
class StubServer {
    calls = 0;
    latencyMs = 30;
    version = 1;
    blocks: PreviewBlock[] = [block('d-Coin-0', '<span class="katex">Coin</span>', 0), block('d-K-2', '<svg></svg>', 2)];
    failWith: Error | undefined;
    answer: unknown;

    request = (uri: string): Promise<unknown> => {
        this.calls++;
        const failure = this.failWith;
        const result: unknown = this.answer ?? { uri, version: this.version, title: 'Coin',
            blocks: [...this.blocks] } satisfies PreviewResult;
        return new Promise((resolve, reject) => setTimeout(() => (failure ? reject(failure) : resolve(result)), this.latencyMs));
    };
}

function setup(options: { currentVersion?: () => number | undefined } = {}) {
    const server = new StubServer();
    const posted: ToWebview[] = [];
    const controller = new PreviewController(URI, server.request, message => posted.push(message), options);
    const updates = () => posted.filter((m): m is Extract<ToWebview, { type: 'update' }> => m.type === 'update');
    const statuses = () => posted.filter((m): m is Extract<ToWebview, { type: 'status' }> => m.type === 'status');
    return { server, posted, controller, updates, statuses };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('PreviewController', () => {
    it('waits for the webview, then sends every block in full', async () => {
        const { server, controller, updates } = setup();
        controller.documentChanged();
        await vi.advanceTimersByTimeAsync(500);
        expect(server.calls).toBe(0); // no webview yet: nothing could be shown
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        expect(server.calls).toBe(1);
        expect(updates()).toHaveLength(1);
        expect(updates()[0]).toMatchObject({ version: 1, title: 'Coin' });
        expect(updates()[0].blocks.map(b => b.html)).toEqual(['<span class="katex">Coin</span>', '<svg></svg>']);
    });

    it('shows an edit within 300 ms, sending html only for the block that changed', async () => {
        const { server, controller, updates } = setup();
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        server.version = 2;
        server.blocks = [block('d-Coin-0', '<span class="katex">Coin</span>', 0), block('d-K-2', '<svg><polygon/></svg>', 2)];
        controller.documentChanged();
        await vi.advanceTimersByTimeAsync(300);
        expect(updates()).toHaveLength(2);
        expect(updates()[1].version).toBe(2);
        expect(updates()[1].blocks.map(b => b.html)).toEqual([undefined, '<svg><polygon/></svg>']);
    });

    it('keeps updating while the user types: a burst of changes shares requests, none is postponed forever', async () => {
        const { server, controller, updates } = setup();
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        const before = server.calls;
        for (let i = 0; i < 20; i++) { // a keystroke every 40 ms for 800 ms
            server.version = 2 + i;
            controller.documentChanged();
            await vi.advanceTimersByTimeAsync(40);
        }
        await vi.advanceTimersByTimeAsync(300);
        const requests = server.calls - before;
        expect(requests).toBeGreaterThanOrEqual(3); // the preview moved along during the burst
        expect(requests).toBeLessThan(20);          // but not one request per keystroke
        expect(updates().at(-1)?.version).toBe(21); // and it ends on the last version
    });

    it('asks again after an in-flight request when the note changed meanwhile', async () => {
        const { server, controller, updates } = setup();
        server.latencyMs = 200;
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(10); // request 1 in flight
        server.version = 2;
        controller.documentChanged();
        controller.invalidated(2);
        await vi.advanceTimersByTimeAsync(1000);
        expect(server.calls).toBe(2);
        expect(updates().map(u => u.version)).toEqual([1, 2]);
    });

    it('does not ask twice when the server announces the version a request in flight was sent for', async () => {
        let editorVersion = 1;
        const { server, controller, updates } = setup({ currentVersion: () => editorVersion });
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        server.latencyMs = 150;
        editorVersion = server.version = 2;
        controller.documentChanged();
        await vi.advanceTimersByTimeAsync(100); // the request for version 2 is in flight
        controller.invalidated(2);              // the server finished validating version 2
        await vi.advanceTimersByTimeAsync(1000);
        expect(server.calls).toBe(2);
        expect(updates().map(u => u.version)).toEqual([1, 2]);
    });

    it('ignores an invalidation for a version it already shows', async () => {
        const { server, controller } = setup();
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        controller.invalidated(1);
        await vi.advanceTimersByTimeAsync(100);
        expect(server.calls).toBe(1);
        controller.invalidated(3);
        await vi.advanceTimersByTimeAsync(100);
        expect(server.calls).toBe(2);
    });

    it('asks again while the server answers for an older version than the editor has', async () => {
        let editorVersion = 3;
        const { server, controller, updates } = setup({ currentVersion: () => editorVersion });
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        expect(updates().at(-1)?.version).toBe(1);
        server.version = 3;
        await vi.advanceTimersByTimeAsync(300);
        expect(updates().at(-1)?.version).toBe(3);
        const calls = server.calls;
        editorVersion = 3;
        await vi.advanceTimersByTimeAsync(1000);
        expect(server.calls).toBe(calls); // caught up: quiet
    });

    it('shows a message instead of throwing when the request fails, keeps the last content, and clears it on success', async () => {
        const { server, controller, updates, statuses } = setup();
        server.failWith = new Error('Request credal/preview failed: connection got disposed');
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        expect(updates()).toHaveLength(0);
        expect(statuses().at(-1)?.message).toMatch(/could not be rendered: .*connection got disposed/);
        server.failWith = undefined;
        controller.documentChanged();
        await vi.advanceTimersByTimeAsync(300);
        expect(updates()).toHaveLength(1);
        expect(statuses().at(-1)).toEqual({ type: 'status' });
        server.failWith = new Error('timeout');
        controller.documentChanged();
        await vi.advanceTimersByTimeAsync(300);
        expect(statuses().at(-1)?.message).toMatch(/could not be updated \(showing the last version\): timeout/);
        expect(updates()).toHaveLength(1);
    });

    it('treats a malformed answer as a failure, never passing it to the webview', async () => {
        const { server, controller, updates, statuses } = setup();
        server.answer = { version: 1, title: 'x', blocks: [{ id: 'a', html: 3 }] };
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        expect(updates()).toHaveLength(0);
        expect(statuses().at(-1)?.message).toMatch(/no preview/);
    });

    it('drops an answer that arrives after a newer one', async () => {
        const { server, controller, updates } = setup();
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        server.version = 5;
        controller.invalidated(5);
        await vi.advanceTimersByTimeAsync(100);
        server.version = 4; // a lagging answer
        controller.refresh();
        await vi.advanceTimersByTimeAsync(100);
        expect(updates().map(u => u.version)).toEqual([1, 5]);
    });

    it('refresh rebuilds every block; a reloaded webview gets everything again', async () => {
        const { controller, updates } = setup();
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        controller.refresh();
        await vi.advanceTimersByTimeAsync(100);
        expect(updates()[1].rebuild).toBe(true);
        expect(updates()[1].blocks.every(b => b.html !== undefined)).toBe(true);
        controller.webviewGone();
        controller.documentChanged();
        await vi.advanceTimersByTimeAsync(300);
        expect(updates()).toHaveLength(2); // hidden: nothing sent into the void
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        expect(updates()[2].rebuild).toBeUndefined();
        expect(updates()[2].blocks.every(b => b.html !== undefined)).toBe(true);
    });

    it('stops asking once disposed', async () => {
        const { server, controller, posted } = setup();
        controller.webviewReady();
        controller.dispose();
        await vi.advanceTimersByTimeAsync(500);
        expect(server.calls).toBe(0);
        expect(posted).toEqual([]);
    });
});

describe('PreviewController and the rules of decision trees', () => {
    const treeRules = (posted: ToWebview[]) => posted.filter((m): m is Extract<ToWebview, { type: 'treeRule' }> => m.type === 'treeRule');

    it('a lens picked before the webview is ready: sent once it is, before the blocks', async () => {
        const { controller, posted } = setup();
        controller.selectTreeRule('Hedge', 'maximin');
        expect(posted).toEqual([]);
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        expect(posted.map(m => m.type)).toEqual(['treeRule', 'update']);
        expect(treeRules(posted)).toEqual([{ type: 'treeRule', tree: 'Hedge', rule: 'maximin' }]);
    });

    it('a lens picked while the webview shows the note: sent at once; the last pick per tree is the one resent after a reload', async () => {
        const { controller, posted } = setup();
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        controller.selectTreeRule('Hedge', 'maximin');
        controller.selectTreeRule('Wildcatter', 'eAdmissibility');
        expect(treeRules(posted).map(m => `${m.tree} ${m.rule}`)).toEqual(['Hedge maximin', 'Wildcatter eAdmissibility']);
        // The reader picks in the webview (which shows it already): nothing sent, but remembered.
        controller.treeRulePicked('Hedge', 'minimaxRegret');
        expect(treeRules(posted)).toHaveLength(2);
        controller.webviewGone();
        controller.selectTreeRule('Wildcatter', 'maximality'); // hidden: kept for later
        expect(treeRules(posted)).toHaveLength(2);
        controller.webviewReady();
        await vi.advanceTimersByTimeAsync(100);
        expect(treeRules(posted).slice(2).map(m => `${m.tree} ${m.rule}`)).toEqual(['Hedge minimaxRegret', 'Wildcatter maximality']);
    });

    it('sends nothing once disposed', () => {
        const { controller, posted } = setup();
        controller.webviewReady();
        controller.dispose();
        controller.selectTreeRule('Hedge', 'maximin');
        expect(treeRules(posted)).toEqual([]);
    });
});

describe('isPreviewResult', () => {
    it('accepts the protocol shape and rejects others', () => {
        expect(isPreviewResult({ uri: URI, version: 1, title: 't', blocks: [block('a', '<p/>', 0)] })).toBe(true);
        expect(isPreviewResult({ uri: URI, version: 1, title: 't', blocks: [] })).toBe(true);
        expect(isPreviewResult(null)).toBe(false);
        expect(isPreviewResult({ code: -32603 })).toBe(false);
        expect(isPreviewResult({ version: 1, title: 't', blocks: [{ id: 'a', kind: 'prose', html: '', startLine: 0.5,
            endLine: 1 }] })).toBe(false);
    });
});
