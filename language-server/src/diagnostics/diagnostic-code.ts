import { IssueCodes, type DiagnosticCode } from './codes.js';

/** The parts of an LSP `Diagnostic` that carry its code (structural, so this leaf imports no LSP types). */
interface CodedDiagnostic {
    code?: number | string;
    data?: unknown;
}

/**
 * Langium's own lexer, parser and linker diagnostics name their kind only in `data.code`; the language
 * calls those kinds E-SYNTAX and E-UNRESOLVED.
 */
const LANGIUM_KINDS: Readonly<Record<string, DiagnosticCode>> = {
    'lexing-error': IssueCodes.Syntax,
    'parsing-error': IssueCodes.Syntax,
    'linking-error': IssueCodes.Unresolved
};

/**
 * The stable code of a diagnostic (LANGUAGE.md §5). Checks record it in `data.code`, Langium's convention
 * that quick fixes read; `Diagnostic.code` is what editors show, so both the server and the CLI use this.
 */
export function diagnosticCode(diagnostic: CodedDiagnostic): string | undefined {
    if (typeof diagnostic.code === 'string' || typeof diagnostic.code === 'number') {
        return String(diagnostic.code);
    }
    const dataCode = (diagnostic.data as { code?: unknown } | undefined)?.code;
    return typeof dataCode === 'string' ? LANGIUM_KINDS[dataCode] ?? dataCode : undefined;
}

/** The diagnostic with its code where editors look for it. */
export function withVisibleCode<D extends CodedDiagnostic>(diagnostic: D): D {
    const code = diagnosticCode(diagnostic);
    return code === undefined || diagnostic.code !== undefined ? diagnostic : { ...diagnostic, code };
}
