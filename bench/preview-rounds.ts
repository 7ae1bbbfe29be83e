/**
 * What the two preview benchmarks (in process: preview.ts; over stdio: preview-lsp.ts) share, so their
 * numbers stay comparable: the command-line options, the edits made each round and the summary line.
 */
import { readFileSync } from 'node:fs';

/** `--rounds N` (7) and `--file F` (samples/contamination-vs-tv.cred), with the note's text. */
export function previewOptions(args: string[]): { rounds: number; file: string; original: string } {
    const option = (name: string): string | undefined => {
        const index = args.indexOf(name);
        return index >= 0 ? args[index + 1] : undefined;
    };
    const file = option('--file') ?? 'samples/contamination-vs-tv.cred';
    return { rounds: Number(option('--rounds') ?? 7), file, original: readFileSync(file, 'utf8') };
}

/** The n-th edit of each kind: always a text this run has not rendered before. */
export const EDITS: Record<string, (text: string, n: number) => string> = {
    'prose word': (text, n) => text.replace('has two standard neighbourhoods', `has two standard neighbourhoods${' x'.repeat(n + 1)}`),
    'declaration used by others (p0)': (text, n) => text.replace('dist p0 on Three = {a: 1/2, b: 1/3, c: 1/6}',
        `dist p0 on Three = {a: 1/2, b: ${n + 1}/${3 * n + 4}, c: rest}`),
    'eval appended at the end': (text, n) => `${text}\neval lowerE(C, (${n}, 1, 2))\n`
};

/** Median and range of timings in milliseconds. */
export function summary(values: number[]): string {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    return `median ${median.toFixed(0)} ms (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)})`;
}
