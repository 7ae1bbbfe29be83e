import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { isBraceLiteral, type BraceLiteral } from '../../generated/ast.js';
import { separatorOf } from './distribution-fixes.js';
import { dataOf, isRange, nodeAtRange, quickFix } from './fix-kit.js';

/**
 * Fixes whose exact text the check already computed: it sits in the diagnostic's data as
 * `replacement` (+ `replaceRange`, else the diagnostic's own range). E-OPEN writes the closed interval,
 * E-STRICT the non-strict relation, E-NONCONVEX wraps the union in hull(…), W-NOT-COHERENT tightens a
 * bound to its natural extension.
 */
export function replacementFix(document: LangiumDocument, diagnostic: Diagnostic, title: (replacement: string) => string): CodeAction[] {
    const data = dataOf(diagnostic);
    if (typeof data.replacement !== 'string') return [];
    const range = isRange(data.replaceRange) ? data.replaceRange : diagnostic.range;
    return [quickFix(document, diagnostic, title(data.replacement), [{ range, newText: data.replacement }], true)];
}

/** E-ASSERT: write the actual value on the right of the claim (only for a relation with a literal value). */
export function assertFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const data = dataOf(diagnostic);
    if (typeof data.actual !== 'string' || !isRange(data.replaceRange) || data.relation !== '==') return [];
    return [quickFix(document, diagnostic, `Update the claim to the actual value ${data.actual}`, [{ range: data.replaceRange,
        newText: data.actual }], true)];
}

/**
 * E-UNRESOLVED / E-ELEM-UNKNOWN: the closest declared name, which the check put in the data as
 * `suggestion` with the text it replaces (`replaceRange`, else the diagnostic's range).
 */
export function didYouMeanFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const data = dataOf(diagnostic);
    if (typeof data.suggestion !== 'string' || data.suggestion === '') return [];
    const range = isRange(data.replaceRange) ? data.replaceRange : diagnostic.range;
    return [quickFix(document, diagnostic, `Change to \`${data.suggestion}\``, [{ range, newText: data.suggestion }], true)];
}

/** E-GAMBLE-PARTIAL: give the missing elements the value 0, either by name or with `else: 0`. */
export function gamblePartialFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const data = dataOf(diagnostic);
    const missing = Array.isArray(data.missing) ? data.missing as string[] : [];
    const literal = nodeAtRange(document, diagnostic.range, (n): n is BraceLiteral => isBraceLiteral(n));
    const last = literal?.items.at(-1)?.$cstNode;
    if (!literal || !last || missing.length === 0) return [];
    const at = document.textDocument.positionAt(last.end);
    const separator = separatorOf(literal);
    const insert = (text: string) => [{ range: { start: at, end: at }, newText: `${separator}${text}` }];
    const actions = [quickFix(document, diagnostic, 'Add `else: 0` (every unlisted element pays 0)', insert('else: 0'), true)];
    // Only product sets have tuple-valued element names, which cannot be written as keys this simply.
    if (missing.every((name) => /^[\p{L}_\d][\p{L}\p{N}_']*$/u.test(name))) {
        actions.push(quickFix(document, diagnostic, `List ${missing.join(', ')} with value 0`,
            insert(missing.map((name) => `${name}: 0`).join(separator))));
    }
    return actions;
}
