/**
 * The live-update logic of one preview, free of vscode so that it is tested with a stub server:
 * when to ask the server for the preview, how to coalesce requests while one is in flight, which blocks
 * to send to the webview, and what to show when a request fails. The panel class feeds it events.
 */
import type { PreviewBlock, PreviewResult } from '../../../language-server/src/protocol.js';
import { planUpdate } from './block-keys.js';
import type { ToWebview } from './preview-messages.js';

/** Sends `credal/preview` for a document URI (the language client in the extension; a stub in tests). */
type RequestPreview = (uri: string) => Promise<unknown>;

interface ControllerOptions {
    /** The editor's current version of the document, if it is open (to notice a server that lags behind). */
    currentVersion?: () => number | undefined;
    /** Delay after a text change before asking; changes within it share one request (live, not debounced away). */
    typingDelayMs?: number;
}

/** Requests for a version older than the editor's are retried this many times before waiting for the next event. */
const MAX_STALE_RETRIES = 20;

export class PreviewController {
    private shown = new Set<string>();
    private ready = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private inFlight = false;
    private again = false;
    private disposed = false;
    private statusShown = false;
    private staleRetries = 0;
    /** The next update replaces every block instead of reusing the webview's. */
    private rebuild = false;
    /** The editor's version when the request in flight was sent. */
    private requestedVersion: number | undefined;
    /** The rule each tree highlights, by tree name, as picked by a lens, a hover link or the reader. */
    private readonly treeRules = new Map<string, string>();
    /** The version of the last result shown; -1 before the first. */
    lastVersion = -1;
    readonly typingDelayMs: number;

    constructor(
        readonly uri: string,
        private readonly request: RequestPreview,
        private readonly post: (message: ToWebview) => unknown,
        private readonly options: ControllerOptions = {}
    ) {
        this.typingDelayMs = options.typingDelayMs ?? 80;
    }

    /** The webview (re)loaded: it shows nothing, so the next update carries every block (and the trees' rules go first). */
    webviewReady(): void {
        this.ready = true;
        this.shown.clear();
        this.statusShown = false;
        for (const [tree, rule] of this.treeRules) this.post({ type: 'treeRule', tree, rule });
        this.schedule(0);
    }

    /** A lens or hover link: highlight `rule`'s chosen branches in the tree `tree`, now or once the webview is ready. */
    selectTreeRule(tree: string, rule: string): void {
        this.treeRules.set(tree, rule);
        if (this.ready && !this.disposed) this.post({ type: 'treeRule', tree, rule });
    }

    /** The reader picked a rule in the webview (which shows it already): remembered for when the webview reloads. */
    treeRulePicked(tree: string, rule: string): void {
        this.treeRules.set(tree, rule);
    }

    /** The webview was disposed while hidden: messages would be lost until it reloads and says `ready`. */
    webviewGone(): void {
        this.ready = false;
    }

    documentChanged(): void {
        this.schedule(this.typingDelayMs);
    }

    /** The server says a newer preview exists. */
    invalidated(version: number): void {
        if (version <= this.lastVersion) return;
        // The request in flight was sent for this version already (the server answers once it has validated it).
        if (this.inFlight && this.requestedVersion !== undefined && version <= this.requestedVersion) return;
        this.schedule(0);
    }

    /** The refresh command: rebuild every block. */
    refresh(): void {
        this.rebuild = true;
        this.shown.clear();
        this.schedule(0);
    }

    dispose(): void {
        this.disposed = true;
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
    }

    /** Asks after `ms`, unless a request is already scheduled (typing never postpones an update). */
    private schedule(ms: number): void {
        if (this.disposed || !this.ready) return;
        if (this.inFlight) {
            this.again = true;
            return;
        }
        if (this.timer !== undefined) {
            if (ms > 0) return;
            clearTimeout(this.timer);
        }
        this.timer = setTimeout(() => void this.run(), ms);
    }

    private async run(): Promise<void> {
        this.timer = undefined;
        if (this.disposed || !this.ready) return;
        this.inFlight = true;
        this.requestedVersion = this.options.currentVersion?.();
        try {
            const result = await this.request(this.uri);
            if (this.disposed) return;
            if (!isPreviewResult(result)) throw new Error('the language server sent no preview');
            this.show(result);
        } catch (error) {
            if (!this.disposed) this.showProblem(error);
        } finally {
            this.inFlight = false;
            if (this.again && !this.disposed) {
                this.again = false;
                this.schedule(this.typingDelayMs);
            }
        }
    }

    private show(result: PreviewResult): void {
        if (result.version < this.lastVersion) return; // an answer that arrived after a newer one
        const plan = planUpdate(this.shown, result.blocks);
        this.post({ type: 'update', version: result.version, title: result.title, blocks: plan.blocks, ...(this.rebuild
            ? { rebuild: true } : {}) });
        this.rebuild = false;
        this.shown = plan.keys;
        this.lastVersion = result.version;
        if (this.statusShown) {
            this.post({ type: 'status' });
            this.statusShown = false;
        }
        const current = this.options.currentVersion?.();
        if (current !== undefined && result.version < current && this.staleRetries < MAX_STALE_RETRIES) {
            this.staleRetries++;
            this.again = true; // the server has not seen the latest text yet; ask again shortly
        } else {
            this.staleRetries = 0;
        }
    }

    private showProblem(error: unknown): void {
        const reason = error instanceof Error ? error.message : String(error);
        const message = this.lastVersion < 0
            ? `The preview could not be rendered: ${reason}`
            : `The preview could not be updated (showing the last version): ${reason}`;
        this.post({ type: 'status', message });
        this.statusShown = true;
    }
}

/** A defensive check of the server's answer: the webview must never receive something it cannot lay out. */
export function isPreviewResult(value: unknown): value is PreviewResult {
    if (typeof value !== 'object' || value === null) return false;
    const result = value as Partial<PreviewResult>;
    return typeof result.version === 'number' && typeof result.title === 'string' && Array.isArray(result.blocks)
        && result.blocks.every(isPreviewBlock);
}

function isPreviewBlock(value: unknown): value is PreviewBlock {
    if (typeof value !== 'object' || value === null) return false;
    const block = value as Partial<PreviewBlock>;
    return typeof block.id === 'string' && typeof block.kind === 'string' && typeof block.html === 'string'
        && Number.isInteger(block.startLine) && Number.isInteger(block.endLine);
}
