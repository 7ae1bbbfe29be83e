/**
 * The contract between the Credal language server and its clients (the VS Code extension, tests).
 * Types and method names only: no runtime imports, so the extension can share this file without
 * pulling in the server.
 */

/** Names a document the way LSP does. */
interface TextDocumentRef {
    uri: string;
}

/** One piece of the preview, in document order. */
export interface PreviewBlock {
    /** Stable within a document version: the kind, the declared name if any, and the start line. */
    id: string;
    kind: 'prose' | 'declaration' | 'eval' | 'assert' | 'error';
    /** The declared name (declarations and named evals). */
    name?: string;
    /** First and last source line of the block, 0-based as in LSP: for scroll sync and double-click-to-source. */
    startLine: number;
    endLine: number;
    /** Finished, sanitized HTML: KaTeX markup and inline SVG; nothing in it runs script. */
    html: string;
}

/** Request `credal/preview`: the note rendered as blocks. */
export const PreviewRequestMethod = 'credal/preview';
export interface PreviewParams {
    textDocument: TextDocumentRef;
}
export interface PreviewResult {
    uri: string;
    /** The document version the blocks were rendered from. */
    version: number;
    /** The note's first heading, or the file name. */
    title: string;
    blocks: PreviewBlock[];
    /** Reserved: the preview's styles ship with the extension, never from the server. */
    stylesheet?: never;
}

/** Notification server → client `credal/previewInvalidated`: a newer version of the preview exists. */
export const PreviewInvalidatedNotificationMethod = 'credal/previewInvalidated';
export interface PreviewInvalidatedParams {
    uri: string;
    version: number;
}

/** Request `credal/export`: the note as text for pasting elsewhere. */
export const ExportRequestMethod = 'credal/export';
export type ExportFormat = 'markdown' | 'latex' | 'html';
export interface ExportParams {
    textDocument: TextDocumentRef;
    format: ExportFormat;
}
export interface ExportResult {
    /** Markdown for LessWrong, a LaTeX document, or the standalone HTML page. */
    text: string;
}

/** Request `credal/markdownFences`: the credal fences of a Markdown document, each rendered as the preview shows it. */
export const MarkdownFencesRequestMethod = 'credal/markdownFences';
export interface MarkdownFencesParams {
    textDocument: TextDocumentRef;
}
/** One ```credal fence of the Markdown file: its marker lines (0-based) and its blocks' HTML. */
export interface MarkdownFencePreview {
    openLine: number;
    closeLine: number;
    /** Finished, sanitized HTML of the fence's blocks (as PreviewBlock.html), one section per block. */
    html: string;
}
export interface MarkdownFencesResult {
    uri: string;
    /** The document version the fences were rendered from. */
    version: number;
    fences: MarkdownFencePreview[];
}

/**
 * Command `credal.preview.showTreeRule` (the extension's): opens or reveals the preview beside the editor at
 * a decision tree and highlights the branches of one rule's chosen strategies (LANGUAGE §9.3). The code
 * lenses above a `tree` and the per-rule "Chosen" list of its hover run it.
 */
export const ShowTreeRuleCommand = 'credal.preview.showTreeRule';
/** Its arguments: the note's URI, the tree's 0-based line, the tree's name, the rule's kind as a note writes it (`maximality`). */
export type ShowTreeRuleArguments = [uri: string, line: number, tree: string, rule: string];

/**
 * How the preview HTML marks a decision tree's drawing for the preview's rule selector: the figure
 * (`data-tree` its name, `data-rule` the highlighted rule, `data-rules` a JSON list of [kind, title] of every
 * rule), each decision branch (`data-rules`: the rules whose chosen strategies take it, space-separated),
 * the class of a highlighted branch, and the caption's rule title. Without script the drawing highlights
 * `data-rule`, as rendered.
 */
export const TreeMarkup = {
    figure: 'credal-tree-figure',
    branch: 'credal-tree-choice',
    chosen: 'credal-tree-chosen',
    ruleName: 'credal-tree-rule-name'
} as const;

/**
 * Request `credal/analysisStatus`: how the server last analysed a note ("Credal: Show Analysis Status").
 * Answered once the note's current version is validated.
 */
export const AnalysisStatusRequestMethod = 'credal/analysisStatus';
export interface AnalysisStatusParams {
    textDocument: TextDocumentRef;
}
export interface WorkerJobStatus {
    kind: 'save' | 'values';
    version: number;
    evaluations: number;
    ms: number;
}
export interface AnalysisStatusResult {
    uri: string;
    /** The document version analysed. */
    version: number;
    /** Top-level statements of the note. */
    statements: number;
    /** How the last change was parsed: spliced into the previous tree statement by statement, or whole. */
    lastParse: 'incremental' | 'full';
    /** Changes of this note parsed each way since the server opened it. */
    incrementalParses: number;
    fullParses: number;
    /** Top-level evaluations (declarations, evals, asserts, checks) the last build ran: the rest were kept. */
    lastBuildEvaluations: number;
    /** Wall-clock milliseconds from the change to validated diagnostics, for the last build. */
    lastBuildMs: number;
    /**
     * The evaluation worker's last finished job for this note: on save (`save`: the expensive checks, every
     * eval and assert) or after typing pauses (`values`: evals and asserts); `evaluations` counts what it
     * computed, the rest was kept from earlier versions.
     */
    lastWorkerJob?: WorkerJobStatus;
}
