// The evaluation worker (bundled to out/evaluation-worker.cjs, started by worker-client.ts): runs the
// jobs the main thread posts, one at a time, in order, and answers each with its results.
import '../../../scripts/node20-polyfills.mjs';
import { parentPort } from 'node:worker_threads';
import { JobRunner } from './job-runner.js';
import type { EvaluationJob, EvaluationJobResult } from './messages.js';

const port = parentPort;
if (port) {
    const runner = new JobRunner();
    let queue: Promise<void> = Promise.resolve();
    port.on('message', (job: EvaluationJob) => {
        queue = queue.then(async () => {
            let result: EvaluationJobResult;
            try {
                result = await runner.run(job);
            } catch (error) {
                result = { id: job.id, uri: job.uri, version: job.version, cancelled: false, statements: [], diagnostics: [], ms: 0,
                    error: String(error) };
            }
            port.postMessage(result);
        });
    });
}
