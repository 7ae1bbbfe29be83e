/**
 * Brings a parent's keyed children into a new order with as few DOM changes as possible: nodes whose key
 * stays are reused untouched (only moved when the order changed), new keys are built, missing ones go.
 * Written against a tiny interface instead of the DOM so that it is unit-tested without a browser.
 */
export interface KeyedParent<N> {
    children(): N[];
    keyOf(node: N): string;
    nextSibling(node: N): N | null;
    /** Inserts or moves `node` before `reference` (at the end when `reference` is null). */
    insertBefore(node: N, reference: N | null): void;
    remove(node: N): void;
}

interface ReconcileCounts {
    created: number;
    moved: number;
    removed: number;
    kept: number;
}

export function reconcile<N, T extends { key: string }>(
    parent: KeyedParent<N>,
    next: readonly T[],
    create: (item: T) => N,
    refresh: (node: N, item: T) => void
): ReconcileCounts {
    const counts: ReconcileCounts = { created: 0, moved: 0, removed: 0, kept: 0 };
    const existing = new Map<string, N>();
    for (const node of parent.children()) {
        const key = parent.keyOf(node);
        if (existing.has(key)) {
            parent.remove(node); // a duplicate can only come from a bug elsewhere; keep the first
            counts.removed++;
        } else {
            existing.set(key, node);
        }
    }
    const wanted = new Set(next.map(item => item.key));
    for (const [key, node] of existing) {
        if (!wanted.has(key)) {
            parent.remove(node);
            existing.delete(key);
            counts.removed++;
        }
    }
    let cursor: N | null = parent.children()[0] ?? null;
    for (const item of next) {
        let node = existing.get(item.key);
        if (node === undefined) {
            node = create(item);
            counts.created++;
        } else {
            refresh(node, item);
        }
        if (cursor !== null && node === cursor) {
            cursor = parent.nextSibling(cursor);
            counts.kept++;
        } else {
            if (existing.has(item.key)) counts.moved++;
            parent.insertBefore(node, cursor);
        }
        existing.delete(item.key);
    }
    return counts;
}
