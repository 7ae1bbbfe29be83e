import { isReference, type AstNode, type LangiumDocument } from 'langium';
import { validationHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver';
import type { Model } from '../../src/generated/ast.js';
import { noteServices } from '../support/note-services.js';

/** One set of services per test file, as the real server and CLI create them. */
export function credalTestKit() {
    const { services, parse, clear, cleared } = noteServices();
    const validateNow = validationHelper<Model>(services.Credal);
    const validate: typeof validateNow = async (text, options) => {
        await cleared();
        return validateNow(text, options);
    };
    return {
        services,
        parse,
        validate,
        clear,
        /** The diagnostics of a note, after parsing, linking and validation. */
        diagnose: async (text: string): Promise<Diagnostic[]> => (await validate(text)).diagnostics
    };
}

/** Parser and lexer errors of a parsed document, as readable strings (empty when it parses). */
export function syntaxErrors(document: LangiumDocument): string[] {
    return [
        ...document.parseResult.lexerErrors.map(error => `lexer: ${error.message}`),
        ...document.parseResult.parserErrors.map(error => `${error.token.startLine}:${error.token.startColumn} ${error.message}`)
    ];
}

/**
 * The AST as plain data: `$type` plus the properties, references as their text. Positions and
 * containers are left out, so two spellings of the same note compare equal.
 */
export function shapeOf(node: unknown): unknown {
    if (Array.isArray(node)) {
        return node.map(shapeOf);
    }
    if (isReference(node)) {
        return { ref: node.$refText };
    }
    if (node && typeof node === 'object') {
        const result: Record<string, unknown> = { $type: (node as AstNode).$type };
        for (const [key, value] of Object.entries(node)) {
            if (!key.startsWith('$')) {
                result[key] = shapeOf(value);
            }
        }
        return result;
    }
    return node;
}

export function codeOf(diagnostic: Diagnostic): string | undefined {
    return (diagnostic.data as { code?: string } | undefined)?.code;
}

/** `CODE line:col message` for each diagnostic (1-based positions), for readable assertions. */
export function summarize(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(d => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}
