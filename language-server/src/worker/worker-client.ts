/**
 * The main thread's side of the evaluation worker: one worker thread, started on first use, fed one job
 * per note version. A newer job for a note cancels the older one (a shared flag the worker's budgets
 * read between pivots), and so does the caller's cancellation token. A worker that dies or stops
 * answering a cancelled job is replaced; when no worker can be started the client reports that it is
 * unavailable and the server evaluates on its own thread as before.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { EvaluationSettings } from '../evaluation/settings.js';
import type { EvaluationJob, EvaluationJobResult } from './messages.js';
import { WorkerSlot } from './worker-slot.js';

/** A cancelled job must be abandoned by the worker within this time, or the worker is replaced. */
const ABANDON_MS = 3_000;

interface JobRequest {
    readonly uri: string;
    readonly version: number;
    readonly text: string;
    readonly expensive: boolean;
    readonly settings: EvaluationSettings;
}

interface Pending {
    readonly job: EvaluationJob;
    readonly resolve: (result: EvaluationJobResult | undefined) => void;
    watchdog?: NodeJS.Timeout;
}

export class EvaluationWorkerClient {
    private readonly slot: WorkerSlot<EvaluationJobResult>;
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();
    /** The newest job of each note. */
    private readonly latest = new Map<string, number>();

    constructor(
        script: string,
        private readonly log: (message: string) => void = () => undefined,
        /** Per-job tracing (posted, cancelled, finished), for tests and diagnosis. */
        private readonly trace?: (message: string) => void
    ) {
        this.slot = new WorkerSlot({ script, name: 'evaluation worker', log, onMessage: (result) => this.settle(result),
            onDrop: () => this.abandonPending() });
    }

    /** False once the worker could not be started three times: evaluate on the main thread instead. */
    get available(): boolean {
        return this.slot.available;
    }

    /**
     * Evaluates a note version in the worker. Resolves with the results, or with undefined when the job
     * was cancelled (a newer version, the token) or the worker failed.
     */
    evaluate(request: JobRequest, token?: CancellationToken): Promise<EvaluationJobResult | undefined> {
        const worker = this.slot.ensure();
        if (!worker) return Promise.resolve(undefined);
        const previous = this.latest.get(request.uri);
        if (previous !== undefined) this.cancel(previous);
        const job: EvaluationJob = { id: this.nextId++, ...request, settings: { ...request.settings }, cancel: new SharedArrayBuffer(4) };
        this.latest.set(request.uri, job.id);
        return new Promise((resolve) => {
            this.pending.set(job.id, { job, resolve });
            const subscription = token?.onCancellationRequested(() => this.cancel(job.id));
            if (token?.isCancellationRequested) this.cancel(job.id);
            worker.postMessage(job);
            this.trace?.(`job ${job.id} posted: ${job.uri} v${job.version}${job.expensive ? ' (expensive)' : ''}`);
            void subscription;
        });
    }

    /** Cancels a job: its promise resolves with undefined now, and the worker stops it at its next check. */
    cancel(id: number): void {
        const pending = this.pending.get(id);
        if (!pending || pending.watchdog) return;
        Atomics.store(new Int32Array(pending.job.cancel), 0, 1);
        this.trace?.(`job ${id} cancelled`);
        pending.resolve(undefined);
        pending.watchdog = setTimeout(() => {
            this.log(`evaluation worker: job ${id} did not stop within ${ABANDON_MS} ms of its cancellation; restarting the worker`);
            this.slot.drop();
        }, ABANDON_MS);
        pending.watchdog.unref?.();
    }

    dispose(): void {
        for (const id of [...this.pending.keys()]) this.cancel(id);
        this.slot.drop();
    }

    private settle(result: EvaluationJobResult): void {
        const pending = this.pending.get(result.id);
        if (!pending) return;
        this.pending.delete(result.id);
        clearTimeout(pending.watchdog);
        if (this.latest.get(result.uri) === result.id) this.latest.delete(result.uri);
        this.trace?.(`job ${result.id} ${result.cancelled ? 'stopped after its cancellation' : 'finished'} in ${Math.round(result.ms)} ms`);
        if (result.error) this.log(`evaluation worker: job for ${result.uri} failed: ${result.error}`);
        pending.resolve(result.cancelled || result.error ? undefined : result);
    }

    /** The worker is gone: its jobs resolve with undefined (the server evaluates them itself). */
    private abandonPending(): void {
        for (const pending of this.pending.values()) {
            clearTimeout(pending.watchdog);
            pending.resolve(undefined);
        }
        this.pending.clear();
        this.latest.clear();
    }
}
