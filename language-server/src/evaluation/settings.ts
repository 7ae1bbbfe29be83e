/**
 * Evaluation settings: the budget of each top-level computation (`credal.evaluation.*`) and the
 * conventions a note may leave open (`credal.ddt.*`, `credal.conditioning.*`; SEMANTICS §A.4.12, §B.3).
 * The defaults keep typing responsive while letting ordinary notes finish exactly. An explicit clause in
 * a note always wins over a convention set here.
 */
export type DdtSemanticsSetting = 'strict' | 'nirvana0';
export type DdtInconsistentSetting = 'error' | 'exclude' | 'nirvana';
export type ZeroConditioningSetting = 'regular' | 'natural';

export const DDT_SEMANTICS: readonly DdtSemanticsSetting[] = ['strict', 'nirvana0'];
export const DDT_INCONSISTENT: readonly DdtInconsistentSetting[] = ['error', 'exclude', 'nirvana'];
export const ZERO_CONDITIONING: readonly ZeroConditioningSetting[] = ['regular', 'natural'];

export interface EvaluationSettings {
    /** Work units (LP pivots, enumeration steps) per computation. */
    maxSteps: number;
    /** Wall-clock limit per computation, in milliseconds. */
    timeoutMs: number;
    /** `credal.ddt.defaultSemantics`: for a ddt without a `semantics` clause. */
    ddtSemantics: DdtSemanticsSetting;
    /** `credal.ddt.defaultInconsistent`: for a ddt without an `inconsistent` clause. */
    ddtInconsistent: DdtInconsistentSetting;
    /** `credal.conditioning.zeroLowerProbability`: `K | B` when P̲(B) = 0 < P̄(B). */
    zeroConditioning: ZeroConditioningSetting;
}

export const DEFAULT_SETTINGS: Readonly<EvaluationSettings> = {
    maxSteps: 2_000_000, timeoutMs: 10_000, ddtSemantics: 'strict', ddtInconsistent: 'error', zeroConditioning: 'regular'
};

/** The setting names, as users write them (messages and hovers point at them). */
export const SETTING_NAMES = {
    ddtSemantics: 'credal.ddt.defaultSemantics',
    ddtInconsistent: 'credal.ddt.defaultInconsistent',
    zeroConditioning: 'credal.conditioning.zeroLowerProbability'
} as const;

/** Reads the whole `credal` section; bad or missing values fall back to the defaults. */
export function readSettings(section: unknown): EvaluationSettings {
    const credal = record(section);
    const evaluation = record(credal['evaluation']);
    const ddt = record(credal['ddt']);
    const conditioning = record(credal['conditioning']);
    return {
        maxSteps: positive(evaluation['maxSteps'], DEFAULT_SETTINGS.maxSteps),
        timeoutMs: positive(evaluation['timeoutMs'], DEFAULT_SETTINGS.timeoutMs),
        ddtSemantics: oneOf(ddt['defaultSemantics'], DDT_SEMANTICS, DEFAULT_SETTINGS.ddtSemantics),
        ddtInconsistent: oneOf(ddt['defaultInconsistent'], DDT_INCONSISTENT, DEFAULT_SETTINGS.ddtInconsistent),
        zeroConditioning: oneOf(conditioning['zeroLowerProbability'], ZERO_CONDITIONING, DEFAULT_SETTINGS.zeroConditioning)
    };
}

/** Whether two settings give the same evaluation results (and so the same cached values). */
export function sameSettings(a: EvaluationSettings, b: EvaluationSettings): boolean {
    return a.maxSteps === b.maxSteps && a.timeoutMs === b.timeoutMs && a.ddtSemantics === b.ddtSemantics
        && a.ddtInconsistent === b.ddtInconsistent && a.zeroConditioning === b.zeroConditioning;
}

function record(value: unknown): Record<string, unknown> {
    return value && typeof value === 'object' ? value as Record<string, unknown> : {};
}

function positive(value: unknown, fallback: number): number {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
    return allowed.find((a) => a === value) ?? fallback;
}
