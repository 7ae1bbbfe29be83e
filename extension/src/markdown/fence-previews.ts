/**
 * The rendered credal fences of Markdown documents, as the built-in Markdown preview's markdown-it
 * plugin asks for them. Rendering is synchronous there, the server is not: a fence shows the latest
 * rendering the server sent (marked as updating when the document has changed since), or a placeholder,
 * and a request for the current version goes out; when it answers, the Markdown preview is refreshed.
 * Pure apart from the three functions it is given, so it is tested without VS Code.
 */
import type { MarkdownFencePreview, MarkdownFencesResult } from '../../../language-server/src/protocol.js';

interface FencePreviewPorts {
    /** Asks the server for the document's fences (undefined when it has none to give). */
    request(uri: string): Promise<MarkdownFencesResult | null | undefined>;
    /** The version of the open document, or undefined when it is not open. */
    versionOf(uri: string): number | undefined;
    /** Re-renders the Markdown previews. */
    refreshPreviews(): void;
}

/** Where a fence sits: its opening line in the Markdown file, and its rank among the file's credal fences. */
interface FenceLocation {
    openLine: number | undefined;
    index: number;
}

export const PENDING_TEXT = 'Credal is evaluating this block…';
export const UPDATING_TEXT = 'updating…';
const PLACEHOLDER_HTML = `<div class="credal-md-fence credal-md-pending"><p class="credal-text credal-muted">${PENDING_TEXT}</p></div>`;
/** Requests in a row that may chase a document being edited, before waiting for the next render. */
const MAX_CATCH_UP_REQUESTS = 5;

export class FencePreviews {
    private readonly rendered = new Map<string, MarkdownFencesResult>();
    private readonly requesting = new Set<string>();

    constructor(private readonly ports: FencePreviewPorts) {}

    /**
     * The HTML that stands for one credal fence of the document `uri` in the Markdown preview, or undefined
     * when the server's current rendering has no such fence (one inside a list or a quote, which is not part
     * of the note): the preview then shows it as code.
     */
    fenceHtml(uri: string, where: FenceLocation): string | undefined {
        const known = this.rendered.get(uri);
        const current = known !== undefined && known.version === this.ports.versionOf(uri);
        if (!current) this.requestLatest(uri);
        const fence = known && findFence(known.fences, where, current);
        if (!fence) return current ? undefined : PLACEHOLDER_HTML;
        const status = current ? '' : `<p class="credal-md-status">${UPDATING_TEXT}</p>`;
        return `<div class="credal-md-fence${current ? '' : ' credal-md-stale'}">${status}${fence.html}</div>`;
    }

    /** The server validated `uri` again (new values may have arrived): fetch its fences if they are shown. */
    invalidated(uri: string): void {
        if (this.rendered.has(uri)) this.requestLatest(uri);
    }

    forget(uri: string): void {
        this.rendered.delete(uri);
    }

    /** Fetches the fences; while the answer is behind the open document (edited meanwhile), asks again. */
    private requestLatest(uri: string, retries = MAX_CATCH_UP_REQUESTS): void {
        if (this.requesting.has(uri)) return;
        this.requesting.add(uri);
        this.ports.request(uri).then(result => {
            const before = this.rendered.get(uri);
            if (!result || (before && result.version < before.version)) return;
            this.rendered.set(uri, result);
            if (!before || before.version !== result.version || differs(before, result)) this.ports.refreshPreviews();
        }, () => undefined).finally(() => {
            this.requesting.delete(uri);
            const version = this.ports.versionOf(uri);
            const behind = version !== undefined && this.rendered.get(uri)?.version !== version;
            if (behind && retries > 0) this.requestLatest(uri, retries - 1);
        });
    }
}

/** In the current version the fence is found by its line; in an older one by its rank (lines may have moved). */
function findFence(fences: readonly MarkdownFencePreview[], where: FenceLocation, current: boolean): MarkdownFencePreview | undefined {
    const byLine = where.openLine === undefined ? undefined : fences.find(fence => fence.openLine === where.openLine);
    return current ? byLine ?? (where.openLine === undefined ? fences[where.index] : undefined) : fences[where.index];
}

function differs(a: MarkdownFencesResult, b: MarkdownFencesResult): boolean {
    return a.fences.length !== b.fences.length
        || a.fences.some((fence, i) => fence.html !== b.fences[i].html || fence.openLine !== b.fences[i].openLine);
}
