import { exportWithin, renderBlocksWithin } from '../render/render-budget.js';
import type { RenderJob, RenderJobResult } from './render-messages.js';

/** What the render worker does with a job (a plain function, so tests can run it in-process). Never throws. */
export function runRenderJob(job: RenderJob): RenderJobResult {
    const cancelled = new Int32Array(job.cancel);
    try {
        if (job.task.type === 'blocks') {
            return { id: job.id, blocks: renderBlocksWithin(job.task.blocks, job.budgetMs, () => Atomics.load(cancelled, 0) === 1) };
        }
        return { id: job.id, text: exportWithin(job.task.model, job.task.format, job.budgetMs, job.task.post) };
    } catch (error) {
        return { id: job.id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
}
