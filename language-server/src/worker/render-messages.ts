/**
 * Messages between the server's main thread and its render worker (render-client.ts): format-neutral
 * blocks or a note model in (plain data), HTML or export text out. The worker answers every job once.
 */
import type { ExportFormat } from '../protocol.js';
import type { NoteBlock, NoteModel } from '../render/model/parts.js';
import type { RenderedHtml } from '../render/preview/preview-blocks.js';

export type RenderTask =
    | { readonly type: 'blocks'; readonly blocks: readonly NoteBlock[] }
    | { readonly type: 'export'; readonly model: NoteModel; readonly format: ExportFormat; readonly post?: string };

export interface RenderJob {
    readonly id: number;
    readonly task: RenderTask;
    /** Formulas are typeset until this many milliseconds have passed; the rest become placeholders. */
    readonly budgetMs: number;
    /** Int32Array over it: index 0 becomes 1 when the request is cancelled (checked between blocks). */
    readonly cancel: SharedArrayBuffer;
}

export interface RenderJobResult {
    readonly id: number;
    readonly blocks?: readonly RenderedHtml[];
    readonly text?: string;
    readonly error?: string;
}
