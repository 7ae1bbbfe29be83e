/**
 * The messages between the language server's main thread and its evaluation worker (node:worker_threads).
 * One job = one version of one note; the worker answers every job exactly once, in order.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { EvaluationSettings } from '../evaluation/settings.js';
import type { TransferStatementResult } from './transfer-value.js';

export interface EvaluationJob {
    readonly id: number;
    readonly uri: string;
    readonly version: number;
    readonly text: string;
    /** Also run the expensive checks (the 'slow' validation category: coherence, redundancy, emptiness). */
    readonly expensive: boolean;
    readonly settings: EvaluationSettings;
    /** Int32Array over it: index 0 becomes 1 when the main thread cancels the job (a newer version exists). */
    readonly cancel: SharedArrayBuffer;
}

/** The eval/assert results of one statement, keyed by the statement's fingerprint (linking/statement-fingerprints.ts). */
export interface StatementOutcome {
    readonly fingerprint: string;
    readonly result: TransferStatementResult;
}

export interface EvaluationJobResult {
    readonly id: number;
    readonly uri: string;
    readonly version: number;
    /** True when the job stopped because it was cancelled: its partial results are not sent. */
    readonly cancelled: boolean;
    readonly statements: readonly StatementOutcome[];
    /** The expensive diagnostics (when asked), with ranges in this version's text. */
    readonly diagnostics: readonly Diagnostic[];
    /** Milliseconds the worker spent on the job. */
    readonly ms: number;
    /** Top-level evaluations the job ran (declarations, evals, asserts, checks): the rest were kept from earlier versions. */
    readonly evaluations: number;
    /** Set when the job failed inside the worker (the job's results are then empty). */
    readonly error?: string;
}
