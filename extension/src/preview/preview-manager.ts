/**
 * All open previews, one per note: opens them (in the active column or beside), restores them after a
 * reload, routes the server's invalidations to them, and tracks which one has focus (the
 * `credalPreviewFocus` context key drives the editor-title buttons).
 */
import { commands, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import { CredalPreview, mediaRoot, previewTitle } from './credal-preview.js';
import { PREVIEW_FOCUS_CONTEXT, PREVIEW_VIEW_TYPE } from './preview-ids.js';
import type { PreviewServer } from './preview-server.js';

const CREDAL_LANGUAGE = 'credal';

export class PreviewManager implements Disposable {
    private readonly previews = new Map<string, CredalPreview>();
    private active: CredalPreview | undefined;

    constructor(private readonly extensionUri: Uri, private readonly server: PreviewServer) {}

    /**
     * "Open Preview" (same column) and "Open Preview to the Side" (beside, keeping focus in the editor);
     * with a `line`, the preview scrolls to the block holding it and highlights it ("Show in preview").
     */
    async show(resource: Uri | undefined, toSide: boolean, line?: number): Promise<CredalPreview | undefined> {
        const target = resource instanceof Uri ? resource : this.defaultResource();
        if (!target) {
            void window.showInformationMessage('Credal: open a .cred note to preview it.');
            return undefined;
        }
        const existing = this.previews.get(target.toString());
        if (existing) {
            existing.panel.reveal(toSide ? existing.panel.viewColumn : ViewColumn.Active, toSide);
            if (line !== undefined) existing.revealLine(line);
            return existing;
        }
        // The server renders open documents; opening (without showing) makes sure it has this one.
        await workspace.openTextDocument(target).then(undefined, () => undefined);
        const panel = window.createWebviewPanel(
            PREVIEW_VIEW_TYPE,
            previewTitle(target),
            { viewColumn: toSide ? ViewColumn.Beside : ViewColumn.Active, preserveFocus: toSide },
            { enableScripts: true, enableForms: false, enableFindWidget: true, localResourceRoots: [mediaRoot(this.extensionUri)] }
        );
        const preview = this.adopt(panel, target, line);
        if (line !== undefined) preview.revealLine(line);
        return preview;
    }

    /** A panel VS Code restored after a reload (WebviewPanelSerializer). */
    async restore(panel: WebviewPanel, resource: Uri, line: number | undefined): Promise<void> {
        const existing = this.previews.get(resource.toString());
        if (existing) {
            panel.dispose();
            return;
        }
        // As in show(): after a reload the note's editor may be behind another tab, or closed, and the server
        // renders only open documents.
        await workspace.openTextDocument(resource).then(undefined, () => undefined);
        if (this.previews.has(resource.toString())) panel.dispose();
        else this.adopt(panel, resource, line);
    }

    invalidated(resource: string, version: number): void {
        this.previews.get(resource)?.invalidated(version);
    }

    /** The preview with focus, else the preview of the active editor's note. */
    current(): CredalPreview | undefined {
        if (this.active) return this.active;
        const document = window.activeTextEditor?.document;
        return document ? this.previews.get(document.uri.toString()) : undefined;
    }

    previewOf(resource: Uri): CredalPreview | undefined {
        return this.previews.get(resource.toString());
    }

    dispose(): void {
        for (const preview of [...this.previews.values()]) preview.dispose();
        this.previews.clear();
        this.setActive(undefined);
    }

    private adopt(panel: WebviewPanel, resource: Uri, line?: number): CredalPreview {
        const preview = new CredalPreview(panel, resource, this.extensionUri, this.server, line);
        this.previews.set(preview.key, preview);
        preview.onDidChangeActive(active => {
            if (active) this.setActive(preview);
            else if (this.active === preview) this.setActive(undefined);
        });
        preview.onDidDispose(() => {
            if (this.previews.get(preview.key) === preview) this.previews.delete(preview.key);
            if (this.active === preview) this.setActive(undefined);
        });
        if (panel.active) this.setActive(preview);
        return preview;
    }

    private setActive(preview: CredalPreview | undefined): void {
        this.active = preview;
        void commands.executeCommand('setContext', PREVIEW_FOCUS_CONTEXT, preview !== undefined);
    }

    private defaultResource(): Uri | undefined {
        const document = window.activeTextEditor?.document;
        if (document?.languageId === CREDAL_LANGUAGE) return document.uri;
        return this.active?.resource;
    }
}
