/**
 * Messages between the preview panel (extension host) and its webview script. Types only, so both the
 * Node bundle and the browser bundle can import this file.
 */
import type { PreviewBlock } from '../../../language-server/src/protocol.js';

/** One block as the webview receives it. `html` is left out when the webview already shows that key. */
export interface WireBlock {
    /** Content key: the hash of kind + html, plus an occurrence number for repeated content. */
    key: string;
    id: string;
    kind: PreviewBlock['kind'];
    name?: string;
    startLine: number;
    endLine: number;
    html?: string;
}

/** The behaviour switches the webview needs (the credal.preview.* settings). */
export interface WebviewSettings {
    scrollEditorWithPreview: boolean;
    scrollPreviewWithEditor: boolean;
    doubleClickToSwitchToEditor: boolean;
}

/** Written into the page so the webview can start before any message arrives. */
export interface InitialData {
    /** The note's URI; saved in the webview state so the panel can be restored after a reload. */
    resource: string;
    /** The source line to show first (the editor's topmost visible line). */
    line?: number;
    settings: WebviewSettings;
}

export type ToWebview =
    /** The note's blocks in order; `rebuild` drops the webview's existing blocks first (the refresh command). */
    | { type: 'update'; version: number; title: string; blocks: WireBlock[]; rebuild?: boolean }
    /** A problem the panel shows above the (kept) content; `undefined` message clears it. */
    | { type: 'status'; message?: string }
    | { type: 'scrollToLine'; line: number }
    /** "Show in preview": bring the block holding this source line to the top and highlight it briefly. */
    | { type: 'reveal'; line: number }
    /** Highlight the branches of `rule`'s chosen strategies in the drawings of the tree `tree` (until changed). */
    | { type: 'treeRule'; tree: string; rule: string }
    | { type: 'settings'; settings: WebviewSettings };

export type FromWebview =
    /** The page (re)loaded, or it lost track of its blocks: send everything again. */
    | { type: 'ready' }
    /** The preview was scrolled by the user; `line` is the fractional source line at its top. */
    | { type: 'revealLine'; line: number }
    /** Double-click: show the source at this line. */
    | { type: 'openSource'; line: number }
    /** The reader picked a rule in a tree's selector. */
    | { type: 'treeRule'; tree: string; rule: string };

/** What the webview keeps in VS Code's webview state (restored with the panel after a reload). */
export interface WebviewState {
    resource: string;
    line?: number;
    /** The rule each tree's drawing highlights, by tree name, where the reader or a lens picked one. */
    treeRules?: Record<string, string>;
}
