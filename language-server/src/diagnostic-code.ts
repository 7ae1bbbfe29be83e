import type { Diagnostic } from 'vscode-languageserver';

/**
 * Langium's own lexer, parser and linker diagnostics name their kind only in `data.code`; the language
 * calls those kinds E-SYNTAX and E-UNRESOLVED.
 */
const LANGIUM_KINDS: Record<string, string> = {
    'lexing-error': 'E-SYNTAX',
    'parsing-error': 'E-SYNTAX',
    'linking-error': 'E-UNRESOLVED'
};

/**
 * The stable code of a diagnostic (LANGUAGE.md §5). Checks record it in `data.code`, Langium's convention
 * that quick fixes read; `Diagnostic.code` is what editors show, so both the server and the CLI use this.
 */
export function diagnosticCode(diagnostic: Diagnostic): string | undefined {
    if (typeof diagnostic.code === 'string' || typeof diagnostic.code === 'number') {
        return String(diagnostic.code);
    }
    const dataCode = (diagnostic.data as { code?: unknown } | undefined)?.code;
    return typeof dataCode === 'string' ? LANGIUM_KINDS[dataCode] ?? dataCode : undefined;
}

/** The diagnostic with its code where editors look for it. */
export function withVisibleCode(diagnostic: Diagnostic): Diagnostic {
    const code = diagnosticCode(diagnostic);
    return code === undefined || diagnostic.code !== undefined ? diagnostic : { ...diagnostic, code };
}
