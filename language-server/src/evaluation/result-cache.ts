import { DocumentCache, type AstNode } from 'langium';

/** A result and whether it may be kept (results computed under cancellation or offloaded are not). */
export interface Computed<T> { result: T; cacheable: boolean }

/**
 * One of the evaluator's per-document caches with its own re-entrance guard: asking for a node while
 * this cache is computing it is a cycle, answered by `onCycle` and never cached. Each cache has its own
 * guard, so computing a declaration's expensive issues may still ask for its (cheap) value.
 */
export class ResultCache<T> extends DocumentCache<AstNode, T> {
    private readonly inProgress = new Set<AstNode>();

    /** Whether this cache is computing anything right now. */
    get busy(): boolean {
        return this.inProgress.size > 0;
    }

    /** The cached result for `node` in the document `uri`, or `compute`'s (kept when cacheable). */
    computed(uri: string | undefined, node: AstNode, onCycle: () => T, compute: () => Computed<T>): Computed<T> {
        if (uri) {
            const hit = this.get(uri, node);
            if (hit !== undefined) return { result: hit, cacheable: true };
        }
        if (this.inProgress.has(node)) return { result: onCycle(), cacheable: false };
        this.inProgress.add(node);
        try {
            const computed = compute();
            if (computed.cacheable && uri) this.set(uri, node, computed.result);
            return computed;
        } finally {
            this.inProgress.delete(node);
        }
    }
}
