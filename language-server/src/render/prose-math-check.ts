import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { CredalAstType, Prose } from '../generated/ast.js';
import { IssueCodes } from '../diagnostics/codes.js';
import { refuseFormula } from './formula-guard.js';
import { extractFormulas } from './markdown/math-delimiters.js';

/**
 * W-MATH-REFUSED on typing: a prose formula the preview and the exports will not typeset (a macro
 * definition, or over-long; formula-guard.ts), placed on the offending command, so the author learns
 * why the preview shows the formula as source.
 */
export function proseMathChecks(): ValidationChecks<CredalAstType> {
    return { Prose: checkProseMath };
}

function checkProseMath(prose: Prose, accept: ValidationAcceptor): void {
    const node = prose.$cstNode;
    if (!node) return;
    const document = AstUtils.getDocument(prose);
    for (const span of extractFormulas(prose.text)) {
        const refusal = refuseFormula(span.tex);
        if (!refusal) continue;
        const delimiter = span.display ? 2 : 1;
        const texStart = span.end - delimiter - span.tex.length;
        const from = node.offset + texStart + refusal.offset;
        const to = refusal.length > 0 ? from + refusal.length : node.offset + span.end;
        const start = refusal.length > 0 ? from : node.offset + texStart - delimiter;
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(to) };
        const fix = refusal.length > 0 ? 'write the formula out without defining macros' : 'split it into shorter formulas';
        accept('warning', `this formula is not typeset: ${refusal.reason}; ${fix}`, { node: prose, range, data: { code: IssueCodes.MathRefused } });
    }
}
