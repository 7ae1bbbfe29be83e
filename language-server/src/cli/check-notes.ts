/**
 * The work of `credal check`: each note's report (its diagnostic lines, counts, or why it could not be
 * read). Notes are independent (names are file-wide), so with more than one job they are shared out
 * to worker threads, one note at a time to whichever thread is free, and the reports come back keyed by
 * the note's place in the input: the output is the same, in the same order, whatever the job count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NoteInput } from './collect-inputs.js';
import { compareByPosition, formatDiagnostic, severityWord } from './format-diagnostic.js';
import { loadNotes } from './load-notes.js';
import type { EvaluationSettings } from '../evaluation/settings.js';

interface NoteReport {
    lines: string[];
    errors: number;
    warnings: number;
    /** Set when the note could not be read (exit code 2); then nothing else is. */
    problem?: string;
}

/** What a check worker thread is started with. */
export interface CheckWorkerData {
    readonly credalCheckWorker: true;
    readonly settings: Partial<EvaluationSettings>;
}

interface CheckJob { index: number; note: NoteInput }
interface CheckAnswer { index: number; report: NoteReport }

/** Threads for `jobs` (the default: one per core), never more than there are notes. */
export function jobCount(requested: number | undefined, notes: number): number {
    return Math.max(1, Math.min(requested ?? availableParallelism(), notes));
}

/** The report of every note, in input order. */
export async function checkNotes(notes: readonly NoteInput[], settings: Partial<EvaluationSettings>, jobs: number): Promise<NoteReport[]> {
    if (notes.length === 0) return [];
    if (jobs <= 1) return checkInProcess(notes, settings);
    const reports: NoteReport[] = new Array(notes.length);
    let next = 0;
    const script = process.argv[1];
    if (!script) return checkInProcess(notes, settings);
    await Promise.all(Array.from({ length: jobs }, () => new Promise<void>((resolve, reject) => {
        const data: CheckWorkerData = { credalCheckWorker: true, settings };
        const worker = new Worker(script, { workerData: data, argv: [] });
        const send = (): void => {
            if (next >= notes.length) {
                void worker.terminate().then(() => resolve());
                return;
            }
            const index = next++;
            worker.postMessage({ index, note: notes[index]! } satisfies CheckJob);
        };
        worker.on('message', (answer: CheckAnswer) => {
            reports[answer.index] = answer.report;
            send();
        });
        worker.on('error', reject);
        worker.on('online', send);
    })));
    return reports;
}

interface CheckPort { on(event: 'message', listener: (job: CheckJob) => void): void; postMessage(answer: CheckAnswer): void }

/** The body of a check worker thread: answers each job with the note's report. */
export function serveCheckJobs(port: CheckPort, data: CheckWorkerData): void {
    port.on('message', (job) => {
        void checkInProcess([job.note], data.settings).then(([report]) => port.postMessage({ index: job.index, report: report! }));
    });
}

async function checkInProcess(notes: readonly NoteInput[], settings: Partial<EvaluationSettings>): Promise<NoteReport[]> {
    // Loaded on demand: building the language services is the slow part, and usage errors should not pay for it.
    const { createCliServices } = await import('./services.js');
    const shared = cachedServices ??= createCliServices(settings);
    const loaded = await loadNotes(shared, notes);
    const byPath = new Map(loaded.notes.map((note) => [note.absolutePath, note]));
    const problems = new Map(loaded.problems.map((problem) => [problem.displayPath, problem.message]));
    const reports = notes.map((input): NoteReport => {
        const note = byPath.get(input.absolutePath);
        if (!note) return { lines: [], errors: 0, warnings: 0, problem: problems.get(input.displayPath) ?? 'cannot read' };
        const report: NoteReport = { lines: [], errors: 0, warnings: 0 };
        for (const diagnostic of [...(note.document.diagnostics ?? [])].sort(compareByPosition)) {
            const severity = severityWord(diagnostic);
            if (severity === 'error') report.errors++;
            if (severity === 'warning') report.warnings++;
            report.lines.push(formatDiagnostic(note.displayPath, diagnostic));
        }
        return report;
    });
    // A worker checks many notes one after another: drop each from the workspace once reported.
    await shared.workspace.DocumentBuilder.update([], loaded.notes.map((note) => note.document.uri));
    return reports;
}

let cachedServices: Awaited<ReturnType<typeof import('./services.js')['createCliServices']>> | undefined;
