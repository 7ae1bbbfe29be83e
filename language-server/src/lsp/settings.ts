import type { ConfigurationProvider } from 'langium';

/** How the formatter spells operators (LANGUAGE.md §2): one family, or as written. */
export type OperatorSpelling = 'unicode' | 'latex' | 'ascii' | 'keep';

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

export const DEFAULT_SETTINGS: CredalSettings = {
    inlayHints: { evalValues: true, assertResults: true, decisionChoices: true },
    codeLens: { enabled: true },
    hover: { pictures: true, maxVertices: 20 },
    format: { operators: 'keep', alignMappings: true },
    evaluation: { decimalPlaces: 4 }
};

const SPELLINGS: readonly OperatorSpelling[] = ['unicode', 'latex', 'ascii', 'keep'];

/** Reads the `credal` settings section; never throws, never waits for a client that does not answer. */
export class CredalSettingsReader {
    constructor(private readonly configuration: ConfigurationProvider, private readonly languageId = 'credal') {}

    async read(): Promise<CredalSettings> {
        try {
            const [inlayHints, codeLens, hover, format, evaluation] = await Promise.all(
                ['inlayHints', 'codeLens', 'hover', 'format', 'evaluation'].map(section => this.section(section)));
            return normalizeSettings({ inlayHints, codeLens, hover, format, evaluation });
        } catch {
            return DEFAULT_SETTINGS;
        }
    }

    private async section(name: string): Promise<unknown> {
        return this.configuration.getConfiguration(this.languageId, name);
    }
}

/** Settings from untrusted JSON: every field checked, defaults for the rest. */
export function normalizeSettings(raw: Record<string, unknown>): CredalSettings {
    const d = DEFAULT_SETTINGS;
    const inlay = record(raw.inlayHints);
    const lens = record(raw.codeLens);
    const hover = record(raw.hover);
    const format = record(raw.format);
    const evaluation = record(raw.evaluation);
    const operators = SPELLINGS.find(spelling => spelling === format.operators) ?? d.format.operators;
    return {
        inlayHints: {
            evalValues: bool(inlay.evalValues, d.inlayHints.evalValues),
            assertResults: bool(inlay.assertResults, d.inlayHints.assertResults),
            decisionChoices: bool(inlay.decisionChoices, d.inlayHints.decisionChoices)
        },
        codeLens: { enabled: bool(lens.enabled, d.codeLens.enabled) },
        hover: {
            pictures: bool(hover.pictures, d.hover.pictures),
            maxVertices: int(hover.maxVertices, d.hover.maxVertices, 1, 1000)
        },
        format: { operators, alignMappings: bool(format.alignMappings, d.format.alignMappings) },
        evaluation: { decimalPlaces: int(evaluation.decimalPlaces, d.evaluation.decimalPlaces, 0, 12) }
    };
}

function record(value: unknown): Record<string, unknown> {
    return value && typeof value === 'object' ? value as Record<string, unknown> : {};
}

function bool(value: unknown, fallback: boolean): boolean {
    return typeof value === 'boolean' ? value : fallback;
}

function int(value: unknown, fallback: number, min: number, max: number): number {
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}
