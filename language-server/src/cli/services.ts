import type { LangiumSharedCoreServices } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCredalServices } from '../credal-module.js';
import type { EvaluationSettings } from '../evaluation/settings.js';

/** The language services as the command line uses them: real files, no editor connection. */
export function createCliServices(settings: Partial<EvaluationSettings> = {}): LangiumSharedCoreServices {
    const { shared, Credal } = createCredalServices({ ...NodeFileSystem });
    Credal.evaluation.Evaluator.updateSettings(settings);
    return shared;
}
