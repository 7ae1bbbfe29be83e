// The server's worker threads (bundled to out/evaluation-worker.cjs). In its default role it is the
// evaluation worker (worker-client.ts): it runs the evaluation jobs the main thread posts, one at a
// time, in order, and answers each with its results. Started with `workerData.role === 'render'` it is
// the render worker (render-client.ts): it turns preview blocks into HTML and note models into exports.
import '../../../scripts/node20-polyfills.mjs';
import { parentPort, workerData } from 'node:worker_threads';
import type { JobRunner } from './job-runner.js';
import type { EvaluationJob, EvaluationJobResult } from './messages.js';
import type { RenderJob } from './render-messages.js';
import { runRenderJob } from './render-runner.js';

const port = parentPort;
const role = (workerData as { role?: string } | null)?.role;
if (port && role === 'render') {
    port.on('message', (job: RenderJob) => port.postMessage(runRenderJob(job)));
} else if (port) {
    let queue: Promise<void> = Promise.resolve();
    // The evaluation services are built with the first job, not in a render worker.
    let runner: JobRunner | undefined;
    port.on('message', (job: EvaluationJob) => {
        queue = queue.then(async () => {
            let result: EvaluationJobResult;
            try {
                runner ??= new (await import('./job-runner.js')).JobRunner();
                result = await runner.run(job);
            } catch (error) {
                result = { id: job.id, uri: job.uri, version: job.version, cancelled: false, statements: [], diagnostics: [], ms: 0,
                    evaluations: 0, error: String(error) };
            }
            port.postMessage(result);
        });
    });
}
