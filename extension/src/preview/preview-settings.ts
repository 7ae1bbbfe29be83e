// The credal.preview.* settings (declared in package.json) as the webview needs them.
import { workspace, type Uri } from 'vscode';
import type { WebviewSettings } from './preview-messages.js';

export const PREVIEW_SECTION = 'credal.preview';

export function previewSettings(resource: Uri): WebviewSettings {
    const config = workspace.getConfiguration(PREVIEW_SECTION, resource);
    return {
        scrollPreviewWithEditor: config.get<boolean>('scrollPreviewWithEditor', true),
        scrollEditorWithPreview: config.get<boolean>('scrollEditorWithPreview', true),
        doubleClickToSwitchToEditor: config.get<boolean>('doubleClickToSwitchToEditor', true)
    };
}
