/**
 * Evaluation settings (`credal.evaluation.*`): the budget of each top-level computation.
 * The defaults keep typing responsive while letting ordinary notes finish exactly.
 */
export interface EvaluationSettings {
    /** Work units (LP pivots, enumeration steps) per computation. */
    maxSteps: number;
    /** Wall-clock limit per computation, in milliseconds. */
    timeoutMs: number;
}

export const DEFAULT_SETTINGS: Readonly<EvaluationSettings> = { maxSteps: 2_000_000, timeoutMs: 10_000 };

/** Reads `{ evaluation: { maxSteps, timeoutMs } }` from the `credal` section; bad values fall back to defaults. */
export function readSettings(section: unknown): EvaluationSettings {
    const evaluation = (section as { evaluation?: Record<string, unknown> } | undefined)?.evaluation ?? {};
    return {
        maxSteps: positive(evaluation['maxSteps'], DEFAULT_SETTINGS.maxSteps),
        timeoutMs: positive(evaluation['timeoutMs'], DEFAULT_SETTINGS.timeoutMs),
    };
}

function positive(value: unknown, fallback: number): number {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
