/**
 * The preview's script inside the webview: lays out the blocks the extension sends (reusing unchanged
 * ones, so updates neither flicker nor move the reader), syncs scrolling by source line, and turns a
 * double-click into "show this line in the editor". It never interprets note content: the HTML arrives
 * finished and sanitized from the language server, and the page's CSP lets no other script run.
 */
import type { FromWebview, InitialData, ToWebview, WebviewSettings, WebviewState, WireBlock } from '../src/preview/preview-messages.js';
import { isEditorEcho, lineForOffset, offsetForLine, sourceLineAt, type BlockBox } from '../src/preview/scroll-map.js';
import { reconcile, type KeyedParent } from './reconcile.js';
import { TreeRules } from './tree-rules.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): unknown;
    setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const SCROLL_REPORT_DELAY_MS = 50;

const vscode = acquireVsCodeApi();
const initial = readInitialData();
let settings: WebviewSettings = initial.settings;
const saved = vscode.getState() as Partial<WebviewState> | undefined;
const state: WebviewState = { resource: initial.resource };
const startLine = saved?.resource === initial.resource && typeof saved.line === 'number' ? saved.line : initial.line;
if (startLine !== undefined) state.line = startLine;
const savedRules = saved?.resource === initial.resource && typeof saved.treeRules === 'object' && saved.treeRules !== null
    ? saved.treeRules : undefined;
/** The rule each tree's drawing highlights: the reader's pick is saved with the panel and told to the extension. */
const treeRules = new TreeRules(savedRules, (tree, rule, all) => {
    state.treeRules = all;
    vscode.setState(state);
    vscode.postMessage({ type: 'treeRule', tree, rule });
});
if (savedRules) state.treeRules = treeRules.all();
vscode.setState(state);

const container = document.getElementById('credal-blocks') as HTMLElement;
const statusBox = document.getElementById('credal-status') as HTMLElement;
let firstUpdate = true;
/** Where our own last scroll went: its scroll event is not reported back to the editor. */
let expectedScrollY: number | undefined;
/** Until then, scrolls come from layout (content replaced, resized, fonts loaded), not from the reader. */
let layoutSettlesAt = 0;
const LAYOUT_SETTLE_MS = 200;
/** When the reader last scrolled the preview. */
let readerScrolledAt = -Infinity;
const READER_PRIORITY_MS = 300;
/**
 * The line the reader's last scroll sent to the editor. The editor answers with a whole line (isEditorEcho);
 * taken as a new position, that answer would pull the preview back by a fraction of a block (late, whenever
 * the machine is slow) and move whatever the reader was about to double-click.
 */
let reportedLine: number | undefined;
let scrollTimer: number | undefined;
/** A "Show in preview" that arrived before the first blocks: done once they are laid out. */
let pendingReveal: number | undefined;
const REVEALED_CLASS = 'credal-revealed';
const REVEAL_HIGHLIGHT_MS = 1600;
/** Space left above a revealed block (the status banner, if shown, is sticky on top). */
const REVEAL_MARGIN_PX = 8;

const blocks: KeyedParent<HTMLElement> = {
    children: () => Array.from(container.children) as HTMLElement[],
    keyOf: node => node.dataset.key ?? '',
    nextSibling: node => node.nextElementSibling as HTMLElement | null,
    insertBefore: (node, reference) => container.insertBefore(node, reference),
    remove: node => node.remove()
};

window.addEventListener('message', event => onMessage(event.data as ToWebview));
window.addEventListener('resize', () => { layoutSettlesAt = performance.now() + LAYOUT_SETTLE_MS; });
window.addEventListener('scroll', () => {
    if (scrollTimer === undefined) scrollTimer = window.setTimeout(onScrolled, SCROLL_REPORT_DELAY_MS);
}, { passive: true });
document.addEventListener('dblclick', onDoubleClick);
vscode.postMessage({ type: 'ready' });

function onMessage(message: ToWebview): void {
    switch (message?.type) {
        case 'update':
            applyUpdate(message.blocks, message.version, message.title, message.rebuild === true);
            return;
        case 'status':
            statusBox.textContent = message.message ?? '';
            statusBox.hidden = !message.message;
            return;
        case 'scrollToLine':
            count('scrollToLine', message.line);
            if (!settings.scrollPreviewWithEditor || isEchoOfReport(message.line)) return;
            // While the reader scrolls the preview, the editor follows it; its echo must not pull the preview back.
            if (performance.now() - readerScrolledAt > READER_PRIORITY_MS) scrollToLine(message.line);
            return;
        case 'settings':
            settings = message.settings;
            return;
        case 'reveal':
            if (firstUpdate) pendingReveal = message.line;
            else revealBlock(message.line);
            return;
        case 'treeRule':
            if (typeof message.tree !== 'string' || typeof message.rule !== 'string') return;
            treeRules.select(message.tree, message.rule, container);
            state.treeRules = treeRules.all();
            vscode.setState(state);
            return;
    }
}

function applyUpdate(next: WireBlock[], version: number, title: string, rebuild: boolean): void {
    layoutSettlesAt = performance.now() + LAYOUT_SETTLE_MS;
    if (rebuild) container.replaceChildren();
    const anchor = topAnchor();
    let missing = false;
    const counts = reconcile(blocks, next, item => {
        const node = document.createElement('section');
        if (item.html === undefined) missing = true;
        node.innerHTML = item.html ?? '';
        describeBlock(node, item);
        return node;
    }, describeBlock);
    treeRules.decorate(container);
    if (title) document.title = title;
    document.body.dataset.version = String(version);
    document.body.dataset.updates = String(Number(document.body.dataset.updates ?? '0') + 1);
    document.body.dataset.lastCreated = String(counts.created);
    if (missing) {
        vscode.postMessage({ type: 'ready' }); // we lost track of a block: ask for everything again
        return;
    }
    if (firstUpdate) {
        firstUpdate = false;
        // Formula heights settle once KaTeX's fonts are in; scroll after that.
        const line = state.line;
        const reveal = pendingReveal;
        pendingReveal = undefined;
        if (reveal !== undefined) void document.fonts.ready.then(() => revealBlock(reveal));
        else if (line !== undefined && line > 0) void document.fonts.ready.then(() => scrollToLine(line));
    } else if (anchor && anchor.node.isConnected) {
        // Keep the block the reader was looking at where it was, whatever changed above it.
        const drift = anchor.node.getBoundingClientRect().top - anchor.top;
        if (Math.abs(drift) >= 1) scrollToY(window.scrollY + drift);
    }
}

function describeBlock(node: HTMLElement, item: WireBlock): void {
    const revealed = node.classList.contains(REVEALED_CLASS) ? ` ${REVEALED_CLASS}` : '';
    const className = `credal-block credal-block-${item.kind}${revealed}`;
    if (node.className !== className) node.className = className;
    setData(node, 'key', item.key);
    setData(node, 'blockId', item.id);
    setData(node, 'startLine', String(item.startLine));
    setData(node, 'endLine', String(item.endLine));
    setData(node, 'name', item.name);
}

function setData(node: HTMLElement, name: string, value: string | undefined): void {
    if (value === undefined) delete node.dataset[name];
    else if (node.dataset[name] !== value) node.dataset[name] = value;
}

/** The first block whose bottom is below the top of the viewport, and where its top is now. */
function topAnchor(): { node: HTMLElement; top: number } | undefined {
    for (const node of blocks.children()) {
        const rect = node.getBoundingClientRect();
        if (rect.bottom > 0) return { node, top: rect.top };
    }
    return undefined;
}

function boxes(): BlockBox[] {
    return blocks.children()
        .map(node => {
            const rect = node.getBoundingClientRect();
            return { startLine: Number(node.dataset.startLine), endLine: Number(node.dataset.endLine), top: rect.top + window.scrollY,
                height: rect.height };
        })
        .filter(box => Number.isFinite(box.startLine) && Number.isFinite(box.endLine) && box.height > 0)
        .sort((a, b) => a.startLine - b.startLine);
}

/** Whether the editor's top `line` is its answer to the reader's last scroll (see `reportedLine`). */
function isEchoOfReport(line: number): boolean {
    if (reportedLine === undefined) return false;
    if (isEditorEcho(reportedLine, line)) return true;
    reportedLine = undefined; // the editor moved on its own: follow it from now on
    return false;
}

function scrollToLine(line: number): void {
    state.line = line;
    vscode.setState(state);
    scrollToY(line <= 0 ? 0 : offsetForLine(boxes(), line));
}

/** "Show in preview": the block holding `line` (else the next one) goes to the top and flashes once. */
function revealBlock(line: number): void {
    const nodes = blocks.children();
    const node = nodes.find(candidate => Number(candidate.dataset.startLine) <= line && line <= Number(candidate.dataset.endLine))
        ?? nodes.find(candidate => Number(candidate.dataset.startLine) >= line);
    if (!node) {
        scrollToLine(line);
        return;
    }
    state.line = Number(node.dataset.startLine);
    vscode.setState(state);
    scrollToY(node.getBoundingClientRect().top + window.scrollY - REVEAL_MARGIN_PX);
    node.classList.remove(REVEALED_CLASS);
    void node.offsetWidth; // restart the animation when the same block is revealed again
    node.classList.add(REVEALED_CLASS);
    window.setTimeout(() => node.classList.remove(REVEALED_CLASS), REVEAL_HIGHLIGHT_MS);
    // For the end-to-end tests: which block the last reveal brought up.
    document.body.dataset.revealed = node.dataset.name ?? node.dataset.blockId ?? '';
}

function scrollToY(y: number): void {
    const max = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    const target = Math.round(Math.min(Math.max(0, y), max));
    if (Math.abs(target - window.scrollY) < 1) return;
    expectedScrollY = target;
    window.scrollTo(window.scrollX, target);
}

function onScrolled(): void {
    scrollTimer = undefined;
    const ours = expectedScrollY !== undefined && Math.abs(window.scrollY - expectedScrollY) <= 2;
    expectedScrollY = undefined;
    // Content that shrank or grew moves the page by itself; only the reader's scrolls move the editor.
    if (ours || performance.now() < layoutSettlesAt) return;
    readerScrolledAt = performance.now();
    const line = lineForOffset(boxes(), window.scrollY);
    count('revealLine', line);
    state.line = line;
    vscode.setState(state);
    if (!settings.scrollEditorWithPreview) return;
    reportedLine = line;
    vscode.postMessage({ type: 'revealLine', line });
}

function onDoubleClick(event: MouseEvent): void {
    if (!settings.doubleClickToSwitchToEditor) return;
    if (event.target instanceof Element && event.target.closest('a')) return;
    vscode.postMessage({ type: 'openSource', line: sourceLineAt(boxes(), event.pageY) });
}

/** Counts and last values of sync messages on the body, for the end-to-end tests to read. */
function count(what: string, value: number): void {
    const data = document.body.dataset;
    data[`${what}Count`] = String(Number(data[`${what}Count`] ?? '0') + 1);
    data[`${what}Last`] = value.toFixed(2);
}

function readInitialData(): InitialData {
    const fallback: InitialData = {
        resource: '',
        settings: { scrollEditorWithPreview: true, scrollPreviewWithEditor: true, doubleClickToSwitchToEditor: true }
    };
    try {
        const raw = document.getElementById('credal-preview-data')?.getAttribute('data-initial');
        return raw ? { ...fallback, ...(JSON.parse(raw) as InitialData) } : fallback;
    } catch {
        return fallback;
    }
}
