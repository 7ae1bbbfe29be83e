import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';

/** The `data` of a Credal diagnostic, as quick fixes read it (JSON: exact numbers are strings). */
type FixData = Record<string, unknown>;

export function dataOf(diagnostic: Diagnostic): FixData {
    const data = diagnostic.data;
    return data && typeof data === 'object' ? data as FixData : {};
}

export function isRange(value: unknown): value is Range {
    const r = value as Range | undefined;
    return !!r && typeof r === 'object' && typeof r.start?.line === 'number' && typeof r.end?.character === 'number';
}

/** A quick fix that applies `edits` to this document and resolves `diagnostic`. */
export function quickFix(document: LangiumDocument, diagnostic: Diagnostic, title: string, edits: TextEdit[],
    preferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred || undefined,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}

/** An AST node whose text is exactly `range` and that satisfies `accept` (notes are small: a scan is fine). */
export function nodeAtRange<T extends AstNode>(document: LangiumDocument, range: Range,
    accept: (node: AstNode) => node is T): T | undefined {
    const start = document.textDocument.offsetAt(range.start);
    const end = document.textDocument.offsetAt(range.end);
    return AstUtils.streamAst(document.parseResult.value).find((node): node is T =>
        accept(node) && node.$cstNode?.offset === start && node.$cstNode.end === end);
}

export function textOf(node: AstNode | undefined): string {
    return node?.$cstNode?.text ?? '';
}
