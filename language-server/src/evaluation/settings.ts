/**
 * Evaluation settings: the budget of each top-level computation (`credal.evaluation.*`) and the
 * conventions a note may leave open (`credal.ddt.*`, `credal.conditioning.*`; SEMANTICS §A.4.12, §B.3).
 * The defaults keep typing responsive while letting ordinary notes finish exactly. An explicit clause in
 * a note always wins over a convention set here.
 */
import { allowedValues, settingValue, type SettingValue } from '../settings/settings-table.js';

export type DdtSemanticsSetting = SettingValue<'credal.ddt.defaultSemantics'>;
export type DdtInconsistentSetting = SettingValue<'credal.ddt.defaultInconsistent'>;
export type ZeroConditioningSetting = SettingValue<'credal.conditioning.zeroLowerProbability'>;

export const DDT_SEMANTICS = allowedValues('credal.ddt.defaultSemantics');
export const DDT_INCONSISTENT = allowedValues('credal.ddt.defaultInconsistent');
export const ZERO_CONDITIONING = allowedValues('credal.conditioning.zeroLowerProbability');

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

export const DEFAULT_SETTINGS: Readonly<EvaluationSettings> = readSettings(undefined);

/** The setting names, as users write them (messages and hovers point at them). */
export const SETTING_NAMES = {
    ddtSemantics: 'credal.ddt.defaultSemantics',
    ddtInconsistent: 'credal.ddt.defaultInconsistent',
    zeroConditioning: 'credal.conditioning.zeroLowerProbability'
} as const;

/** Reads the whole `credal` section; bad or missing values fall back to the defaults (settings/settings-table.ts). */
export function readSettings(section: unknown): EvaluationSettings {
    const credal = record(section);
    const evaluation = record(credal['evaluation']);
    const ddt = record(credal['ddt']);
    const conditioning = record(credal['conditioning']);
    return {
        maxSteps: settingValue('credal.evaluation.maxSteps', evaluation['maxSteps']),
        timeoutMs: settingValue('credal.evaluation.timeoutMs', evaluation['timeoutMs']),
        ddtSemantics: settingValue('credal.ddt.defaultSemantics', ddt['defaultSemantics']),
        ddtInconsistent: settingValue('credal.ddt.defaultInconsistent', ddt['defaultInconsistent']),
        zeroConditioning: settingValue('credal.conditioning.zeroLowerProbability', conditioning['zeroLowerProbability'])
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
