// The `credal` command's process entry (bundled to out/cli.cjs, started by bin/credal.cjs).
import '../../../scripts/node20-polyfills.mjs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveCheckJobs, type CheckWorkerData } from './check-notes.js';
import { runCli } from './cli.js';

// A closed pipe (`credal check samples | head`) is not an error worth a stack trace.
process.stdout.on('error', error => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        process.exit(process.exitCode ?? 0);
    }
});

// The same bundle runs the worker threads of `credal check` (check-notes.ts).
const checkWorker = !isMainThread && (workerData as Partial<CheckWorkerData> | undefined)?.credalCheckWorker === true;
if (checkWorker && parentPort) serveCheckJobs(parentPort, workerData as CheckWorkerData);
else runCli(process.argv.slice(2), {
    out: line => process.stdout.write(line + '\n'),
    err: line => process.stderr.write(line + '\n'),
    cwd: process.cwd()
}).then(code => {
    process.exitCode = code;
});
