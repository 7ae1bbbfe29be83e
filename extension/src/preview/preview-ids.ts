// Names the manifest (package.json) and the code must agree on; kept free of vscode so tests can check them.

/** The webview panel's viewType; `onWebviewPanel:credal.preview` in activationEvents must name it exactly. */
export const PREVIEW_VIEW_TYPE = 'credal.preview';
/** Context key: true while a Credal preview has focus (editor-title buttons "Show Source", "Refresh"). */
export const PREVIEW_FOCUS_CONTEXT = 'credalPreviewFocus';

export const PREVIEW_COMMANDS = {
    showPreview: 'credal.showPreview',
    showPreviewToSide: 'credal.showPreviewToSide',
    showSource: 'credal.showSource',
    refresh: 'credal.preview.refresh',
    /** The tree lenses' and hover's command (protocol.ts ShowTreeRuleCommand): the preview at a tree, one rule highlighted. */
    showTreeRule: 'credal.preview.showTreeRule'
} as const;

export const EXPORT_COMMANDS = {
    export: 'credal.export',
    copyForLessWrong: 'credal.copyForLessWrong'
} as const;
