/**
 * Every `credal.*` setting the language server reads, with its default, the values it accepts and what
 * each value means: the one place they are written (hover and completion explain convention words with
 * it). evaluation/settings.ts (budgets, conventions) and lsp/settings.ts (editor features) read their
 * sections through it; a test checks package.json's `contributes.configuration` against it. The
 * preview's own settings (`credal.preview.*`) are read by the extension alone.
 *
 * A leaf: it imports nothing, so every layer can use it.
 */
type SettingSpec =
    | { readonly type: 'boolean'; readonly default: boolean }
    | { readonly type: 'number' | 'integer'; readonly default: number; readonly minimum: number; readonly maximum?: number }
    | { readonly type: 'string'; readonly default: string; readonly enum: readonly string[]; readonly enumDescriptions?: readonly string[] };

export const SETTINGS = {
    'credal.evaluation.maxSteps': { type: 'number', default: 2_000_000, minimum: 1 },
    'credal.evaluation.timeoutMs': { type: 'number', default: 10_000, minimum: 1 },
    'credal.evaluation.decimalPlaces': { type: 'integer', default: 4, minimum: 0, maximum: 12 },
    'credal.ddt.defaultSemantics': { type: 'string', default: 'strict', enum: ['strict', 'nirvana0'], enumDescriptions: [
        'Murphy picks a world in which the agent really follows the policy (Θ_π = Θ ∩ Δ(E_π)).',
        'Mass inconsistent with the policy earns the best payoff (loss 0, or the declared top utility).'
    ] },
    'credal.ddt.defaultInconsistent': { type: 'string', default: 'error', enum: ['error', 'exclude', 'nirvana'], enumDescriptions: [
        'A policy the belief rules out is an error (E-DDT-EMPTY).',
        'Drop policies the belief rules out.',
        'A policy the belief rules out gets the Nirvana value (and is then optimal; a warning says so).'
    ] },
    'credal.conditioning.zeroLowerProbability': { type: 'string', default: 'regular', enum: ['regular', 'natural'], enumDescriptions: [
        'Regular extension: condition only the distributions that give the event positive probability.',
        'Natural extension: vacuous on the event (a lower expectation is the minimum over it).'
    ] },
    'credal.inlayHints.evalValues': { type: 'boolean', default: true },
    'credal.inlayHints.assertResults': { type: 'boolean', default: true },
    'credal.inlayHints.decisionChoices': { type: 'boolean', default: true },
    'credal.codeLens.enabled': { type: 'boolean', default: true },
    'credal.hover.pictures': { type: 'boolean', default: true },
    'credal.hover.maxVertices': { type: 'integer', default: 20, minimum: 1, maximum: 1000 },
    'credal.format.operators': { type: 'string', default: 'keep', enum: ['keep', 'unicode', 'latex', 'ascii'], enumDescriptions: [
        'Keep every operator as written.',
        'Write ∪ ∩ ∖ × ≤ ≥ ≠ ∈ ⊠.',
        'Write \\cup \\cap \\setminus \\times \\le \\ge \\ne \\in \\boxtimes.',
        'Write cup cap minus * <= >= != in (and \\boxtimes, which has no plain ASCII spelling).'
    ] },
    'credal.format.alignMappings': { type: 'boolean', default: true }
} as const satisfies Record<string, SettingSpec>;

type SettingName = keyof typeof SETTINGS;

/** The type of a setting's value: `SettingValue<'credal.ddt.defaultSemantics'>` is `'strict' | 'nirvana0'`. */
export type SettingValue<N extends SettingName> = (typeof SETTINGS)[N] extends { readonly enum: readonly (infer V)[] } ? V
    : (typeof SETTINGS)[N] extends { readonly type: 'boolean' } ? boolean : number;

/** The values a string setting accepts, in the manifest's order. */
export function allowedValues<N extends SettingName>(name: N): readonly SettingValue<N>[] {
    const spec: SettingSpec = SETTINGS[name];
    return (spec.type === 'string' ? spec.enum : []) as readonly SettingValue<N>[];
}

/** What a value of a string setting means (its `enumDescriptions`), or undefined. */
export function valueDescription(name: SettingName, value: string): string | undefined {
    const spec: SettingSpec = SETTINGS[name];
    return spec.type === 'string' ? spec.enumDescriptions?.[spec.enum.indexOf(value)] : undefined;
}

function settingDefault<N extends SettingName>(name: N): SettingValue<N> {
    return SETTINGS[name].default as SettingValue<N>;
}

/** A setting's value from untrusted JSON: the value when the table accepts it, else the default. */
export function settingValue<N extends SettingName>(name: N, value: unknown): SettingValue<N> {
    return accepts(SETTINGS[name], value) ? value as SettingValue<N> : settingDefault(name);
}

function accepts(spec: SettingSpec, value: unknown): boolean {
    switch (spec.type) {
        case 'boolean': return typeof value === 'boolean';
        case 'string': return spec.enum.some((allowed) => allowed === value);
        case 'number':
        case 'integer':
            return typeof value === 'number' && Number.isFinite(value) && (spec.type === 'number' || Number.isInteger(value))
                && value >= spec.minimum && value <= (spec.maximum ?? Infinity);
    }
}
