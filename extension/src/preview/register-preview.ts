/**
 * Wires the preview into the extension: commands, the restore serializer, and the language client's
 * `credal/preview` request and `credal/previewInvalidated` notification.
 */
import { commands, Uri, window, type ExtensionContext, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    PreviewInvalidatedNotificationMethod, PreviewRequestMethod,
    type PreviewInvalidatedParams, type PreviewParams, type PreviewResult
} from '../../../language-server/src/protocol.js';
import { mediaRoot } from './credal-preview.js';
import { PREVIEW_COMMANDS, PREVIEW_VIEW_TYPE } from './preview-ids.js';
import { showTarget, treeRuleTarget } from './show-arguments.js';
import { PreviewManager } from './preview-manager.js';
import { restorableResource } from './webview-input.js';

/** `alsoInvalidated`: told of every `credal/previewInvalidated` too (one handler per method on a client). */
export function registerPreview(
    context: ExtensionContext,
    client: LanguageClient,
    alsoInvalidated: (uri: string, version: number) => void = () => undefined
): PreviewManager {
    const manager = new PreviewManager(context.extensionUri, {
        requestPreview: uri => {
            const params: PreviewParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(Uri.parse(uri)) } };
            return client.sendRequest<PreviewResult>(PreviewRequestMethod, params);
        }
    });
    context.subscriptions.push(
        manager,
        client.onNotification(PreviewInvalidatedNotificationMethod, (params: PreviewInvalidatedParams) => {
            if (typeof params?.uri !== 'string' || typeof params.version !== 'number') return;
            const uri = client.protocol2CodeConverter.asUri(params.uri).toString();
            manager.invalidated(uri, params.version);
            alsoInvalidated(uri, params.version);
        }),
        commands.registerCommand(PREVIEW_COMMANDS.showPreview, (...args: unknown[]) => show(args, false)),
        commands.registerCommand(PREVIEW_COMMANDS.showPreviewToSide, (...args: unknown[]) => show(args, true)),
        commands.registerCommand(PREVIEW_COMMANDS.showTreeRule, (...args: unknown[]) => showTreeRule(args)),
        commands.registerCommand(PREVIEW_COMMANDS.showSource, () => manager.current()?.showSource()),
        commands.registerCommand(PREVIEW_COMMANDS.refresh, (resource?: Uri) =>
            (resource instanceof Uri ? manager.previewOf(resource) : manager.current())?.refresh()),
        window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            async deserializeWebviewPanel(panel: WebviewPanel, state: unknown) {
                const saved = restorableResource(state);
                if (!saved) {
                    panel.dispose(); // nothing says which note it showed, or not one in a place notes live
                    return;
                }
                panel.webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [mediaRoot(context.extensionUri)] };
                await manager.restore(panel, Uri.parse(saved.resource), saved.line);
            }
        })
    );
    return manager;

    /** Menus pass a Uri; the server's "Show in preview" lens passes the note's URI string and a line. */
    function show(args: readonly unknown[], toSide: boolean): Promise<unknown> {
        const target = showTarget(args, toUri);
        return manager.show(target.resource, toSide, target.line);
    }

    /** A tree's rule lens or hover link: the preview beside the editor, at the tree, with the rule's branches highlighted. */
    async function showTreeRule(args: readonly unknown[]): Promise<unknown> {
        const target = treeRuleTarget(args, toUri);
        if (!target) return undefined;
        const preview = await manager.show(target.resource, true, target.line);
        preview?.selectTreeRule(target.tree, target.rule);
        return preview;
    }

    function toUri(value: unknown): Uri | undefined {
        if (value instanceof Uri) return value;
        if (typeof value !== 'string' || value === '') return undefined;
        try {
            return client.protocol2CodeConverter.asUri(value);
        } catch {
            return undefined;
        }
    }
}
