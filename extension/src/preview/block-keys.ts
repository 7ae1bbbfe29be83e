/**
 * Which blocks the webview must (re)build. Blocks are keyed by their content, not by their id: the id
 * holds the start line, so an edit near the top of a note would otherwise rebuild every block below it.
 * Keyed by content, an unchanged block keeps its DOM node (no flicker, no lost scroll position) and only
 * its line attributes move.
 */
import type { PreviewBlock } from '../../../language-server/src/protocol.js';
import type { WireBlock } from './preview-messages.js';

/** Two independent 32-bit string hashes (FNV-1a and a multiplicative one) plus the length: collisions are negligible. */
export function contentHash(text: string): string {
    let fnv = 0x811c9dc5;
    let mul = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        fnv = Math.imul(fnv ^ code, 0x01000193);
        mul = (Math.imul(mul, 31) + code) | 0;
    }
    return `${(fnv >>> 0).toString(36)}${(mul >>> 0).toString(36)}${text.length.toString(36)}`;
}

/** The content key of every block, in order; the nth repetition of the same content gets `~n`. */
export function blockKeys(blocks: readonly PreviewBlock[]): string[] {
    const seen = new Map<string, number>();
    return blocks.map(block => {
        const hash = contentHash(`${block.kind}\u0000${block.html}`);
        const count = seen.get(hash) ?? 0;
        seen.set(hash, count + 1);
        return count === 0 ? hash : `${hash}~${count}`;
    });
}

/**
 * The blocks to send, given the keys the webview already shows: html only for new content.
 * Returns the wire blocks and the keys the webview will show afterwards.
 */
export function planUpdate(shown: ReadonlySet<string>, blocks: readonly PreviewBlock[]): { blocks: WireBlock[]; keys: Set<string> } {
    const keys = blockKeys(blocks);
    const wire = blocks.map((block, i): WireBlock => {
        const item: WireBlock = { key: keys[i], id: block.id, kind: block.kind, startLine: block.startLine, endLine: block.endLine };
        if (block.name !== undefined) item.name = block.name;
        if (!shown.has(keys[i])) item.html = block.html;
        return item;
    });
    return { blocks: wire, keys: new Set(keys) };
}
