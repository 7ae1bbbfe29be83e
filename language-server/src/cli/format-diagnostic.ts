import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticCode } from '../diagnostics/diagnostic-code.js';
import { IssueCodes } from '../diagnostics/codes.js';

/** LSP severities (1–4) as the words of LANGUAGE.md §6. */
const SEVERITY_WORDS = ['error', 'error', 'warning', 'info', 'hint'] as const;

export function severityWord(diagnostic: Diagnostic): typeof SEVERITY_WORDS[number] {
    return SEVERITY_WORDS[diagnostic.severity ?? 1] ?? 'error';
}

/** `path:line:col: severity CODE message`, 1-based, on one line whatever the message holds. */
export function formatDiagnostic(displayPath: string, diagnostic: Diagnostic): string {
    const { line, character } = diagnostic.range.start;
    const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    const message = text.replace(/\s*\r?\n\s*/g, ' ').trim();
    return `${displayPath}:${line + 1}:${character + 1}: ${severityWord(diagnostic)} ${diagnosticCode(diagnostic) ?? IssueCodes.Unknown} ${message}`;
}

export function compareByPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
