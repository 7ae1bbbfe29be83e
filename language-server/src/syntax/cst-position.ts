/**
 * Where a CST node starts and ends, read from its first and last leaves. A composite's `range` is
 * recomputed, walking its whole edge, after every shift of the tree (statement-splice.ts); these read one leaf.
 */
import { isCompositeCstNode, type CstNode } from 'langium';

interface Position { line: number; character: number }

function edgeLeaf(node: CstNode | undefined, first: boolean): CstNode | undefined {
    let current = node;
    while (current && isCompositeCstNode(current)) {
        const content = current.content;
        let next: CstNode | undefined;
        for (let i = 0; i < content.length && !next; i++) {
            const child = content[first ? i : content.length - 1 - i]!;
            if (!child.hidden) next = child;
        }
        current = next ?? (first ? content[0] : content[content.length - 1]);
    }
    return current;
}

export function cstStart(node: CstNode | undefined): Position | undefined {
    return edgeLeaf(node, true)?.range.start;
}

export function cstEnd(node: CstNode | undefined): Position | undefined {
    return edgeLeaf(node, false)?.range.end;
}

/** The offset of the node's first token (leading comments and whitespace left out). */
export function cstStartOffset(node: CstNode | undefined): number | undefined {
    return edgeLeaf(node, true)?.offset;
}

/** The offset just after the node's last token. */
export function cstEndOffset(node: CstNode | undefined): number | undefined {
    return edgeLeaf(node, false)?.end;
}
