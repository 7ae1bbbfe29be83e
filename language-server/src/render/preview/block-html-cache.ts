import type { BlockKind } from '../model/parts.js';

/** What a preview block looks like once rendered; its id and lines are not part of it (they move with edits). */
interface RenderedBlock {
    readonly kind: BlockKind;
    readonly html: string;
}

/**
 * Rendered preview blocks by content key (see preview-block-keys.ts), across document versions and
 * documents: an edit re-renders only the blocks whose key changed. Least recently used entries go
 * first once either bound is passed.
 */
export class BlockHtmlCache {
    private readonly entries = new Map<string, RenderedBlock>();
    private chars = 0;

    constructor(private readonly maxEntries = 4000, private readonly maxChars = 32 * 1024 * 1024) {}

    get(key: string): RenderedBlock | undefined {
        const hit = this.entries.get(key);
        if (hit) {
            // Map iteration follows insertion order: re-inserting marks the entry as recently used.
            this.entries.delete(key);
            this.entries.set(key, hit);
        }
        return hit;
    }

    set(key: string, block: RenderedBlock): void {
        this.delete(key);
        this.entries.set(key, block);
        this.chars += key.length + block.html.length;
        for (const oldest of this.entries.keys()) {
            if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
            this.delete(oldest);
        }
    }

    get size(): number {
        return this.entries.size;
    }

    clear(): void {
        this.entries.clear();
        this.chars = 0;
    }

    private delete(key: string): void {
        const old = this.entries.get(key);
        if (!old) return;
        this.entries.delete(key);
        this.chars -= key.length + old.html.length;
    }
}
