import type { ConfigurationProvider } from 'langium';
import { settingValue, type SettingValue } from '../settings/settings-table.js';
import { failed } from './guarded.js';

/** How the formatter spells operators (LANGUAGE.md §2): one family, or as written. */
export type OperatorSpelling = SettingValue<'credal.format.operators'>;

/**
 * The editor settings the server honours, all under `credal.` in the client (package.json
 * `contributes.configuration`). Langium pulls the `credal` section after `initialized` and keeps it
 * current on `didChangeConfiguration`; every read goes through here so a missing or malformed value
 * falls back to its default instead of failing a request.
 */
export interface CredalSettings {
    readonly inlayHints: {
        readonly evalValues: boolean;
        readonly assertResults: boolean;
        readonly decisionChoices: boolean;
    };
    readonly codeLens: { readonly enabled: boolean };
    readonly hover: { readonly pictures: boolean; readonly maxVertices: number };
    readonly format: { readonly operators: OperatorSpelling; readonly alignMappings: boolean };
    readonly evaluation: { readonly decimalPlaces: number };
}

export const DEFAULT_SETTINGS: CredalSettings = normalizeSettings({});

/** Reads the `credal` settings section; never throws, never waits for a client that does not answer. */
export class CredalSettingsReader {
    constructor(private readonly configuration: ConfigurationProvider, private readonly languageId = 'credal') {}

    async read(): Promise<CredalSettings> {
        try {
            const [inlayHints, codeLens, hover, format, evaluation] = await Promise.all(
                ['inlayHints', 'codeLens', 'hover', 'format', 'evaluation'].map(section => this.section(section)));
            return normalizeSettings({ inlayHints, codeLens, hover, format, evaluation });
        } catch (error) {
            return failed('reading the settings', error, DEFAULT_SETTINGS);
        }
    }

    private async section(name: string): Promise<unknown> {
        return this.configuration.getConfiguration(this.languageId, name);
    }
}

/** Settings from untrusted JSON: every field checked, defaults for the rest (settings/settings-table.ts). */
function normalizeSettings(raw: Record<string, unknown>): CredalSettings {
    const inlay = record(raw.inlayHints);
    const lens = record(raw.codeLens);
    const hover = record(raw.hover);
    const format = record(raw.format);
    const evaluation = record(raw.evaluation);
    return {
        inlayHints: {
            evalValues: settingValue('credal.inlayHints.evalValues', inlay.evalValues),
            assertResults: settingValue('credal.inlayHints.assertResults', inlay.assertResults),
            decisionChoices: settingValue('credal.inlayHints.decisionChoices', inlay.decisionChoices)
        },
        codeLens: { enabled: settingValue('credal.codeLens.enabled', lens.enabled) },
        hover: {
            pictures: settingValue('credal.hover.pictures', hover.pictures),
            maxVertices: settingValue('credal.hover.maxVertices', hover.maxVertices)
        },
        format: {
            operators: settingValue('credal.format.operators', format.operators),
            alignMappings: settingValue('credal.format.alignMappings', format.alignMappings)
        },
        evaluation: { decimalPlaces: settingValue('credal.evaluation.decimalPlaces', evaluation.decimalPlaces) }
    };
}

function record(value: unknown): Record<string, unknown> {
    return value && typeof value === 'object' ? value as Record<string, unknown> : {};
}
