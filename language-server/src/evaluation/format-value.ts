/**
 * Values as text (LANGUAGE §4.2) and as the JSON value objects of `credal eval --json` (§6).
 * Text: reduced fractions with `≈ 0.3333` beside non-terminating ones, `[l, u]`, `(1/4, 3/4)`,
 * `{(…), (…)}`, `{d1, d2}`. JSON: exact strings, `approx` a JSON number, points sorted
 * lexicographically by exact value, names sorted.
 */
import { compareAMeasures, type AMeasure } from '../math/infra/infra.js';
import type { Rational } from '../math/rational.js';
import { elementLabel, type Value } from './values.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

/** `-1/3 ≈ -0.3333`, `47/20`, `1000000`. */
function formatNumber(value: Rational): string {
    return value.display(4);
}

/** The value as a reader sees it (hover, inlay hints, CLI). */
export function formatValue(value: Value): string {
    switch (value.kind) {
        case 'number': return formatNumber(value.value);
        case 'interval': return `[${value.lower}, ${value.upper}]`;
        case 'points': return `{${sortPoints(value.points).map(formatPoint).join(', ')}}`;
        case 'names': return `{${value.names.join(', ')}}`;
        case 'boolean': return String(value.value);
        case 'vector': return formatPoint(value.entries);
        case 'set': return `${value.set.label} = {${Array.from({ length: Math.min(value.set.size, 20) }, (_, i) => elementLabel(value.set, i)).join(', ')}${value.set.size > 20 ? ', …' : ''}}`;
        case 'event': return `{${value.members.flatMap((m, i) => (m ? [elementLabel(value.set, i)] : [])).join(', ')}}`;
        case 'distribution': return formatPoint(value.p);
        case 'gamble': return formatPoint(value.f);
        case 'credal': return `a credal set on ${value.set.label}`;
        case 'decision': return `decision problem ${value.name} on ${value.set.label}`;
        case 'ddt': return `DDT problem ${value.name} on ${value.set.label}`;
        case 'tree': return `decision tree ${value.name} on ${value.set.label}`;
        case 'rule': return value.rule.kind === 'hurwicz' ? `hurwicz(${value.rule.alpha})` : value.rule.kind;
        case 'infra': return formatAMeasures(value.infra.generators);
        case 'ameasures': return formatAMeasures(value.ameasures);
        case 'kernel': return `infrakernel ${value.name} from ${value.from.label} to ${value.to.label}`;
        case 'error': return `error ${value.code}: ${value.message}`;
    }
}

/** `{(m: (1/2, 1/4, 0), b: 1/4), …}`, sorted by m then b (LANGUAGE §7.2). */
export function formatAMeasures(list: readonly AMeasure[]): string {
    return `{${[...list].sort(compareAMeasures).map((a) => `(m: ${formatPoint(a.m)}, b: ${a.b})`).join(', ')}}`;
}

/**
 * The value written as a Credal literal, for the right side of a claim (quick fix "update the assert to
 * the actual value"); undefined for kinds without a literal.
 */
export function valueLiteral(value: Value): string | undefined {
    switch (value.kind) {
        case 'number': return String(value.value);
        case 'interval': return `[${value.lower}, ${value.upper}]`;
        case 'points': return `{${sortPoints(value.points).map(formatPoint).join(', ')}}`;
        case 'names': return `{${value.names.join(', ')}}`;
        case 'boolean': return String(value.value);
        case 'vector': return formatPoint(value.entries);
        case 'distribution': return formatPoint(value.p);
        case 'gamble': return formatPoint(value.f);
        case 'infra': return formatAMeasures(value.infra.generators);
        case 'ameasures': return formatAMeasures(value.ameasures);
        default: return undefined;
    }
}

function formatPoint(point: readonly Rational[]): string {
    return `(${point.map(String).join(', ')})`;
}

/** Lexicographic by exact value, entry by entry. */
function sortPoints(points: readonly (readonly Rational[])[]): (readonly Rational[])[] {
    return [...points].sort((a, b) => {
        for (let i = 0; i < Math.min(a.length, b.length); i++) {
            const c = a[i]!.cmp(b[i]!);
            if (c !== 0) return c;
        }
        return a.length - b.length;
    });
}

export type JsonValue =
    | { type: 'number'; exact: string; approx: number }
    | { type: 'interval'; lower: string; upper: string }
    | { type: 'points'; points: string[][] }
    | { type: 'names'; names: string[] }
    | { type: 'boolean'; value: boolean }
    | { type: 'error'; code: DiagnosticCode; message: string }
    | { type: 'event'; set: string; elements: string[] }
    | { type: 'distribution' | 'gamble'; set: string; values: string[] }
    | { type: 'set'; set: string; elements: string[] }
    | { type: 'ameasures'; ameasures: { m: string[]; b: string }[] }
    | { type: 'credal' | 'decision' | 'ddt' | 'tree' | 'rule' | 'kernel'; description: string };

/** The §6 JSON value object. Kinds §6 does not list get a small object of their own (documented in docs/). */
export function valueToJson(value: Value): JsonValue {
    switch (value.kind) {
        case 'number': return { type: 'number', exact: String(value.value), approx: value.value.toNumber() };
        case 'interval': return { type: 'interval', lower: String(value.lower), upper: String(value.upper) };
        case 'points': return { type: 'points', points: sortPoints(value.points).map((p) => p.map(String)) };
        case 'vector': return { type: 'points', points: [value.entries.map(String)] };
        case 'names': return { type: 'names', names: [...value.names].sort(compareStrings) };
        case 'boolean': return { type: 'boolean', value: value.value };
        case 'error': return { type: 'error', code: value.code, message: value.message };
        case 'event': return { type: 'event', set: value.set.label, elements: value.members.flatMap((m, i) => (m ? [elementLabel(value.set,
            i)] : [])) };
        case 'distribution': return { type: 'distribution', set: value.set.label, values: value.p.map(String) };
        case 'gamble': return { type: 'gamble', set: value.set.label, values: value.f.map(String) };
        case 'set': return { type: 'set', set: value.set.label, elements: Array.from({ length: value.set.size }, (_, i) => elementLabel(value.set, i)) };
        case 'infra': return aMeasuresJson(value.infra.generators);
        case 'ameasures': return aMeasuresJson(value.ameasures);
        default: return { type: value.kind, description: formatValue(value) };
    }
}

function aMeasuresJson(list: readonly AMeasure[]): JsonValue {
    return { type: 'ameasures', ameasures: [...list].sort(compareAMeasures).map((a) => ({ m: a.m.map(String), b: String(a.b) })) };
}

function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
