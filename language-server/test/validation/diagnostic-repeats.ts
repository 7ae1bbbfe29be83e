import type { Diagnostic } from 'vscode-languageserver';

/** Identical diagnostics (same range, code and message) that occur more than once, as readable lines. */
export function repeated(diagnostics: readonly Diagnostic[]): string[] {
    const seen = new Map<string, number>();
    for (const d of diagnostics) {
        const code = (d.data as { code?: string } | undefined)?.code ?? d.code;
        const key = `${code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${n}× ${key}`);
}
