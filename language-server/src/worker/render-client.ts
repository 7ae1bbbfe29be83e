/**
 * The main thread's side of the render worker: a second thread running the worker bundle in its
 * render role (evaluation-worker.ts), so typesetting never waits behind an LP and never holds the
 * server's loop. Each job carries its budget; the worker keeps it cooperatively (formulas past it become
 * placeholders, formula-guard.ts bounds each one), and a worker that still has not answered a little
 * after the budget is replaced, its blocks shown as not rendered. When no worker can be started, blocks
 * are rendered on this thread under the same budget.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { ExportFormat } from '../protocol.js';
import type { NoteBlock, NoteModel } from '../render/model/parts.js';
import { inProcessRenderer, type NoteRenderer } from '../render/note-renderer.js';
import { notRenderedHtml, type RenderedHtml } from '../render/preview/preview-blocks.js';
import { EXPORT_BUDGET_MS, PREVIEW_BUDGET_MS, overBudget } from '../render/render-budget.js';
import type { RenderJob, RenderJobResult, RenderTask } from './render-messages.js';
import { WorkerSlot } from './worker-slot.js';

/** How long past its budget a job may take before its worker is replaced. */
const GRACE_MS = 3_000;

interface RenderBudgets {
    readonly previewMs: number;
    readonly exportMs: number;
}

export class RenderWorkerClient implements NoteRenderer {
    private readonly slot: WorkerSlot<RenderJobResult>;
    private nextId = 1;
    private readonly pending = new Map<number, { resolve: (result: RenderJobResult | undefined) => void; timer: NodeJS.Timeout }>();

    constructor(
        script: string,
        private readonly log: (message: string) => void = () => undefined,
        private readonly budgets: RenderBudgets = { previewMs: PREVIEW_BUDGET_MS, exportMs: EXPORT_BUDGET_MS }
    ) {
        this.slot = new WorkerSlot({ script, name: 'render worker', workerData: { role: 'render' }, log,
            onMessage: (result) => this.settle(result), onDrop: () => this.abandonPending() });
    }

    async blocks(blocks: readonly NoteBlock[], token?: CancellationToken): Promise<RenderedHtml[]> {
        const result = await this.run({ type: 'blocks', blocks }, this.budgets.previewMs, token);
        if (result === 'no worker') return inProcessRenderer.blocks(blocks, token);
        const why = token?.isCancellationRequested ? 'the request was cancelled' : overBudget(this.budgets.previewMs);
        return blocks.map((_, index) => result?.blocks?.[index] ?? { html: notRenderedHtml(why), complete: false });
    }

    async export(model: NoteModel, format: ExportFormat, post?: string): Promise<string | undefined> {
        const result = await this.run({ type: 'export', model, format, ...(post === undefined ? {} : { post }) }, this.budgets.exportMs);
        if (result === 'no worker') return inProcessRenderer.export(model, format, post);
        return result?.text;
    }

    dispose(): void {
        this.slot.drop();
    }

    private run(task: RenderTask, budgetMs: number, token?: CancellationToken): Promise<RenderJobResult | undefined | 'no worker'> {
        const worker = this.slot.ensure();
        if (!worker) return Promise.resolve('no worker');
        const job: RenderJob = { id: this.nextId++, task, budgetMs, cancel: new SharedArrayBuffer(4) };
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.log(`render worker: job ${job.id} ran ${GRACE_MS} ms past its ${budgetMs} ms budget; restarting the worker`);
                this.slot.drop();
            }, budgetMs + GRACE_MS);
            timer.unref?.();
            this.pending.set(job.id, { resolve, timer });
            token?.onCancellationRequested(() => Atomics.store(new Int32Array(job.cancel), 0, 1));
            worker.postMessage(job);
        });
    }

    private settle(result: RenderJobResult): void {
        const pending = this.pending.get(result.id);
        if (!pending) return;
        this.pending.delete(result.id);
        clearTimeout(pending.timer);
        if (result.error) this.log(`render worker: job ${result.id} failed: ${result.error}`);
        pending.resolve(result.error ? undefined : result);
    }

    /** The worker is gone: its jobs resolve with undefined (their blocks show as not rendered). */
    private abandonPending(): void {
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.resolve(undefined);
        }
        this.pending.clear();
    }
}
