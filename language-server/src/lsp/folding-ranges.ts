import { AstUtils, CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { FoldingRangeProvider } from 'langium/lsp';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { isProse } from '../generated/ast.js';
import { failed } from './guarded.js';

/** Nodes whose text is a bracketed block worth folding when it spans lines. */
const BLOCK_TYPES = new Set([
    'DecisionDeclaration', 'DdtDeclaration', 'ActsClause', 'PoliciesClause', 'BraceLiteral', 'SetLiteral', 'Call', 'Tuple'
]);

/**
 * Folding for a note: prose blocks and multi-line comments (as comments, so "fold all comments"
 * collapses the prose), and every bracketed block that spans lines (problem bodies, acts, mappings,
 * constraint blocks, long calls). The line holding the closing bracket stays visible.
 */
export class CredalFoldingRangeProvider implements FoldingRangeProvider {
    getFoldingRanges(document: LangiumDocument): FoldingRange[] {
        try {
            const root = document.parseResult.value;
            const ranges: FoldingRange[] = [];
            for (const node of AstUtils.streamAst(root)) {
                const cst = node.$cstNode;
                if (!cst) {
                    continue;
                }
                if (isProse(node)) {
                    pushRange(ranges, cst, FoldingRangeKind.Comment, false);
                } else if (BLOCK_TYPES.has(node.$type)) {
                    pushRange(ranges, blockPart(node) ?? cst, undefined, true);
                }
            }
            if (root.$cstNode) {
                for (const leaf of CstUtils.streamCst(root.$cstNode)) {
                    if (leaf.hidden && leaf.text.startsWith('/*')) {
                        pushRange(ranges, leaf, FoldingRangeKind.Comment, false);
                    }
                }
            }
            return ranges;
        } catch (error) {
            return failed('folding ranges', error, []);
        }
    }
}

/** A problem folds from its `{`, so its header line stays; other blocks fold from their first line. */
function blockPart(node: AstNode): { range: CstNode['range'] } | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    const open = CstUtils.streamCst(cst).find(leaf => leaf.text === '{' && !leaf.hidden);
    return open ? { range: { start: open.range.start, end: cst.range.end } } : undefined;
}

function pushRange(ranges: FoldingRange[], cst: { range: CstNode['range'] }, kind: FoldingRangeKind | undefined,
    keepClosingLine: boolean): void {
    const startLine = cst.range.start.line;
    const endLine = keepClosingLine ? cst.range.end.line - 1 : cst.range.end.line;
    if (endLine > startLine) {
        ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
    }
}
