/**
 * One worker thread, started on first use and replaced when it fails or exits: the plumbing the
 * evaluation and render clients share. The worker's console output goes to our stderr, never to stdout
 * (the LSP stream). After three failed starts the slot gives up and the client works on its own thread.
 */
import { Worker } from 'node:worker_threads';

const MAX_FAILED_STARTS = 3;

interface WorkerSlotOptions<Result> {
    readonly script: string;
    /** Names the worker in log lines ("evaluation worker", "render worker"). */
    readonly name: string;
    readonly workerData?: unknown;
    readonly log: (message: string) => void;
    readonly onMessage: (result: Result) => void;
    /** The worker is gone (failed, exited or dropped): the client settles what it was waiting for. */
    readonly onDrop: () => void;
}

export class WorkerSlot<Result> {
    private worker: Worker | undefined;
    private failedStarts = 0;

    constructor(private readonly options: WorkerSlotOptions<Result>) {}

    /** False once the worker could not be started three times. */
    get available(): boolean {
        return this.failedStarts < MAX_FAILED_STARTS;
    }

    /** The running worker, started if need be; undefined when none can be started. */
    ensure(): Worker | undefined {
        if (this.worker) return this.worker;
        if (!this.available) return undefined;
        const { script, name, workerData, log, onMessage } = this.options;
        try {
            const worker = new Worker(script, { workerData, stdout: true, stderr: true });
            worker.stdout.on('data', (chunk) => process.stderr.write(chunk));
            worker.stderr.on('data', (chunk) => process.stderr.write(chunk));
            worker.on('message', (result: Result) => onMessage(result));
            worker.on('error', (error) => {
                log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
                this.failedStarts++;
                this.drop();
            });
            worker.on('exit', () => {
                if (this.worker === worker) this.drop();
            });
            worker.unref();
            this.worker = worker;
            return worker;
        } catch (error) {
            this.failedStarts++;
            log(`${name} could not start: ${String(error)}`);
            return undefined;
        }
    }

    /** Terminates the current worker (if any) and tells the client; the next `ensure` starts a fresh one. */
    drop(): void {
        const worker = this.worker;
        this.worker = undefined;
        this.options.onDrop();
        if (worker) void worker.terminate().catch(() => undefined);
    }
}
