/**
 * One preview panel for one note: frames the server's HTML in a webview, keeps it live through the
 * PreviewController, and syncs scrolling with the note's editors both ways.
 */
import { randomBytes } from 'node:crypto';
import {
    EventEmitter, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace,
    type Disposable, type TextEditor, type WebviewPanel
} from 'vscode';
import { PreviewController } from './preview-controller.js';
import type { FromWebview, InitialData, ToWebview } from './preview-messages.js';
import { nonceFrom, previewPageHtml } from './preview-page.js';
import type { PreviewServer } from './preview-server.js';
import { PREVIEW_SECTION, previewSettings } from './preview-settings.js';
import { isTreeRuleName } from './show-arguments.js';
import { sourceLine } from './webview-input.js';

/**
 * After the preview scrolls the editor to a line, the editor's scroll event for that line is not echoed back (if it comes within this
 * time).
 */
const ECHO_WINDOW_MS = 300;

/** Everything the webview loads lives here (esbuild.mjs copies it), and nothing else is readable. */
export function mediaRoot(extensionUri: Uri): Uri {
    return Uri.joinPath(extensionUri, 'out', 'media');
}

export class CredalPreview implements Disposable {
    readonly key: string;
    private readonly controller: PreviewController;
    private readonly subscriptions: Disposable[] = [];
    private readonly disposedEmitter = new EventEmitter<void>();
    readonly onDidDispose = this.disposedEmitter.event;
    private readonly viewStateEmitter = new EventEmitter<boolean>();
    /** Fires with `panel.active` when the panel gains or loses focus. */
    readonly onDidChangeActive = this.viewStateEmitter.event;
    private echo: { line: number; until: number } | undefined;
    private disposed = false;
    /** The webview said `ready` and has not been hidden since (a hidden webview drops messages). */
    private webviewReady = false;
    /** A block to reveal once the webview can take the message. */
    private pendingReveal: number | undefined;

    constructor(readonly panel: WebviewPanel, readonly resource: Uri, extensionUri: Uri, server: PreviewServer, initialLine?: number) {
        this.key = resource.toString();
        panel.webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [mediaRoot(extensionUri)] };
        panel.title = previewTitle(resource);
        this.controller = new PreviewController(this.key, uri => server.requestPreview(uri), message => this.post(message), {
            currentVersion: () => workspace.textDocuments.find(document => document.uri.toString() === this.key)?.version
        });
        panel.webview.html = this.pageHtml(extensionUri, initialLine ?? this.editorTopLine());

        this.subscriptions.push(
            panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
            panel.onDidChangeViewState(() => {
                if (!panel.visible) {
                    this.webviewReady = false;
                    this.controller.webviewGone();
                }
                this.viewStateEmitter.fire(panel.active);
            }),
            panel.onDidDispose(() => this.dispose()),
            workspace.onDidChangeTextDocument(event => {
                if (event.document.uri.toString() === this.key && event.contentChanges.length > 0) this.controller.documentChanged();
            }),
            window.onDidChangeTextEditorVisibleRanges(event => this.onEditorScrolled(event.textEditor)),
            workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration(PREVIEW_SECTION, this.resource)) {
                    this.post({ type: 'settings', settings: previewSettings(this.resource) });
                }
            })
        );
    }

    /** The server has a newer rendering of this note. */
    invalidated(version: number): void {
        this.controller.invalidated(version);
    }

    refresh(): void {
        this.controller.refresh();
    }

    /** Scrolls to the block holding source `line` and highlights it, now or as soon as the webview is ready. */
    revealLine(line: number): void {
        this.pendingReveal = line;
        this.flushReveal();
    }

    /** Highlights the branches of `rule`'s chosen strategies in the tree `tree` (a lens or a hover link). */
    selectTreeRule(tree: string, rule: string): void {
        this.controller.selectTreeRule(tree, rule);
    }

    /** Shows the note's source: in the editor that already shows it, or beside the preview. */
    async showSource(line?: number): Promise<TextEditor | undefined> {
        try {
            const document = await workspace.openTextDocument(this.resource);
            const visible = window.visibleTextEditors.find(editor => editor.document.uri.toString() === this.key);
            const editor = await window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? ViewColumn.Beside });
            if (line !== undefined) {
                const target = Math.min(Math.max(0, line), document.lineCount - 1);
                editor.selection = new Selection(target, 0, target, 0);
                editor.revealRange(new Range(target, 0, target, 0), TextEditorRevealType.InCenterIfOutsideViewport);
            }
            return editor;
        } catch (error) {
            void window.showErrorMessage(`Credal: could not open ${this.resource.fsPath || this.key}: ${describe(error)}`);
            return undefined;
        }
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.controller.dispose();
        for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
        this.panel.dispose();
        this.disposedEmitter.fire();
        this.disposedEmitter.dispose();
        this.viewStateEmitter.dispose();
    }

    private onMessage(message: FromWebview): void {
        switch (message?.type) {
            case 'ready':
                this.webviewReady = true;
                this.controller.webviewReady();
                this.flushReveal();
                return;
            case 'revealLine': {
                const line = sourceLine(message.line);
                if (line !== undefined) this.scrollEditors(line);
                return;
            }
            case 'openSource': {
                const line = sourceLine(message.line);
                if (previewSettings(this.resource).doubleClickToSwitchToEditor && line !== undefined) void this.showSource(line);
                return;
            }
            case 'treeRule':
                if (isTreeRuleName(message.tree) && isTreeRuleName(message.rule)) {
                    this.controller.treeRulePicked(message.tree, message.rule);
                }
                return;
        }
    }

    /** Editor → preview: the editor's topmost visible line goes to the top of the preview. */
    private onEditorScrolled(editor: TextEditor): void {
        if (editor.document.uri.toString() !== this.key || !this.panel.visible) return;
        const line = editor.visibleRanges[0]?.start.line;
        if (line === undefined) return;
        // Our own reveal coming back: not a user scroll. Anything else, even right after, is the user's.
        if (this.echo && Date.now() < this.echo.until && Math.abs(this.echo.line - line) <= 1) {
            this.echo = undefined;
            return;
        }
        this.echo = undefined;
        if (previewSettings(this.resource).scrollPreviewWithEditor) this.post({ type: 'scrollToLine', line });
    }

    /** Preview → editor: every visible editor of the note shows `line` at its top. */
    private scrollEditors(line: number): void {
        if (!previewSettings(this.resource).scrollEditorWithPreview) return;
        for (const editor of window.visibleTextEditors) {
            if (editor.document.uri.toString() !== this.key) continue;
            const target = Math.min(Math.max(0, Math.floor(line)), editor.document.lineCount - 1);
            this.echo = { line: target, until: Date.now() + ECHO_WINDOW_MS };
            editor.revealRange(new Range(target, 0, target, 0), TextEditorRevealType.AtTop);
        }
    }

    private flushReveal(): void {
        if (this.pendingReveal === undefined || !this.webviewReady || !this.panel.visible) return;
        this.post({ type: 'reveal', line: this.pendingReveal });
        this.pendingReveal = undefined;
    }

    private editorTopLine(): number | undefined {
        const editor = window.visibleTextEditors.find(candidate => candidate.document.uri.toString() === this.key);
        return editor?.visibleRanges[0]?.start.line;
    }

    private post(message: ToWebview): void {
        if (this.disposed) return;
        // A hidden webview drops messages; it says `ready` when it comes back and then gets everything.
        this.panel.webview.postMessage(message).then(undefined, () => undefined);
    }

    private pageHtml(extensionUri: Uri, line: number | undefined): string {
        const webview = this.panel.webview;
        const media = mediaRoot(extensionUri);
        const initial: InitialData = { resource: this.key, settings: previewSettings(this.resource) };
        if (line !== undefined) initial.line = line;
        return previewPageHtml({
            cspSource: webview.cspSource,
            nonce: nonceFrom(randomBytes(16)),
            scriptUri: webview.asWebviewUri(Uri.joinPath(media, 'preview.js')).toString(),
            katexCssUri: webview.asWebviewUri(Uri.joinPath(media, 'katex', 'katex.min.css')).toString(),
            previewCssUri: webview.asWebviewUri(Uri.joinPath(media, 'preview.css')).toString(),
            panelCssUri: webview.asWebviewUri(Uri.joinPath(media, 'preview-panel.css')).toString(),
            title: previewTitle(this.resource),
            initial
        });
    }
}

export function previewTitle(resource: Uri): string {
    const name = resource.path.split('/').pop() || resource.toString();
    return `Preview ${name}`;
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
