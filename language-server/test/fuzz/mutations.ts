/**
 * Mutations of real notes (samples/): deleted, duplicated and swapped tokens, huge numbers, deep
 * nesting, stray Unicode, truncation. Each mutation is a pure function of the sample and a few numbers,
 * so fast-check can shrink a failing case to a small one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { STRAY } from './note-arbitraries.js';

export interface Sample { readonly name: string; readonly text: string }

export function loadSamples(root: string): Sample[] {
    const folder = path.join(root, 'samples');
    return readdirSync(folder).filter((f) => f.endsWith('.cred')).sort()
        .map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }));
}

/** Tokens as a person would see them: words, numbers, single symbols, runs of white space. */
function tokens(text: string): string[] {
    return text.match(/\s+|[\p{L}\p{N}_'′]+|[^\s\p{L}\p{N}_'′]/gu) ?? [];
}

type Mutation = (text: string, a: number, b: number) => string;

const at = (n: number, length: number): number => (length === 0 ? 0 : n % length);

const MUTATIONS: Record<string, Mutation> = {
    deleteToken: (text, a) => { const t = tokens(text); t.splice(at(a, t.length), 1); return t.join(''); },
    duplicateToken: (text, a) => { const t = tokens(text); const i = at(a, t.length); t.splice(i, 0, t[i] ?? ''); return t.join(''); },
    swapTokens: (text, a, b) => {
        const t = tokens(text);
        const i = at(a, t.length);
        const j = at(b, t.length);
        [t[i], t[j]] = [t[j]!, t[i]!];
        return t.join('');
    },
    deleteLine: (text, a) => { const lines = text.split('\n'); lines.splice(at(a, lines.length), 1); return lines.join('\n'); },
    hugeNumber: (text, a, b) => {
        const t = tokens(text);
        const numbers = t.map((x, i) => (/^\d+$/.test(x) ? i : -1)).filter((i) => i >= 0);
        if (numbers.length === 0) return text;
        t[numbers[at(a, numbers.length)]!] = ['9'.repeat(1000), `1e${99999 + (b % 3)}`, `${'1'.repeat(300)}/${'7'.repeat(300)}`,
            '0'][b % 4]!;
        return t.join('');
    },
    deepNesting: (text, a, b) => {
        const i = at(a, text.length + 1);
        const depth = [30, 100, 2000, 10000][b % 4]!;
        const [open, close] = [['(', ')'], ['{', '}'], ['[', ']'], ['-', '']][(a + b) % 4]!;
        return `${text.slice(0, i)}${open.repeat(depth)}1${close.repeat(b % 5 === 0 ? depth - 1 : depth)}${text.slice(i)}`;
    },
    strayUnicode: (text, a, b) => { const i = at(a, text.length + 1); return text.slice(0, i) + STRAY[b % STRAY.length]! + text.slice(i); },
    truncate: (text, a) => text.slice(0, at(a, text.length + 1)),
    crlf: (text) => text.replace(/\n/g, '\r\n'),
    bom: (text) => `\uFEFF${text}`,
    tabs: (text) => text.replace(/ {2}/g, '\t')
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

export function mutate(sample: Sample, mutation: string, a: number, b: number): string {
    return MUTATIONS[mutation]!(sample.text, a, b);
}

/** A mutated sample (one to three mutations applied in turn). */
export function mutatedSample(samples: readonly Sample[]): fc.Arbitrary<string> {
    const step = fc.tuple(fc.constantFrom(...MUTATION_NAMES), fc.nat(), fc.nat());
    return fc.tuple(fc.nat(samples.length - 1), fc.array(step, { minLength: 1, maxLength: 3 }))
        .map(([index, steps]) => steps.reduce(
            (text, [mutation, a, b]) => MUTATIONS[mutation]!(text, a, b),
            samples[index]!.text
        ));
}
