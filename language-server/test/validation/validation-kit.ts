import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticCode } from '../../src/diagnostics/diagnostic-code.js';
import type { Model } from '../../src/generated/ast.js';
import { noteServices } from '../support/note-services.js';

export const ALL_CATEGORIES = ['built-in', 'fast', 'slow'];
export const TYPING_CATEGORIES = ['built-in', 'fast'];

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'] as const;

/** One diagnostic as tests read it: code, severity, the exact text its range covers, message. */
export interface SeenDiagnostic {
    code: string | undefined;
    severity: string;
    text: string;
    message: string;
    line: number;
    column: number;
    diagnostic: Diagnostic;
}

/** Services once per test file; documents validated as the editor (typing) or on save / the CLI do. */
export function validationKit() {
    const { services, parse, clear } = noteServices();
    async function validate(text: string,
        categories: string[] = ALL_CATEGORIES): Promise<{ document: LangiumDocument<Model>; diagnostics: SeenDiagnostic[] }> {
        const document = await parse(text);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: { categories } });
        return { document, diagnostics: (document.diagnostics ?? []).map((d) => seen(document, d)) };
    }
    return {
        services,
        parse,
        validate,
        /** The diagnostics of `text` that carry `code`. */
        async withCode(text: string, code: string, categories?: string[]): Promise<SeenDiagnostic[]> {
            return (await validate(text, categories)).diagnostics.filter((d) => d.code === code);
        },
        clear
    };
}

export function seen(document: LangiumDocument, diagnostic: Diagnostic): SeenDiagnostic {
    const text = document.textDocument.getText(diagnostic.range);
    return {
        code: diagnosticCode(diagnostic),
        severity: SEVERITY[diagnostic.severity ?? 1] ?? 'error',
        text,
        message: typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        diagnostic
    };
}

/** `CODE severity «covered text» message` lines, for readable failure output. */
export function describe(diagnostics: readonly SeenDiagnostic[]): string[] {
    return diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column} «${d.text}» ${d.message}`);
}
