import type { AstNode } from 'langium';
import { cstEnd, cstStart } from '../syntax/cst-position.js';
import { samePlace, type Place } from './issue-relocation.js';
import { CarriedResults } from './value-carry.js';

/**
 * A result and whether it may be kept (results computed under cancellation or offloaded are not);
 * `sameWhileTyping`: computed outside typing but never beyond the typing bound, so typing would compute
 * exactly this (a typing lookup may take it).
 */
export interface Computed<T> { result: T; cacheable: boolean; sameWhileTyping?: boolean }

/** Where a result is kept: the statement's stamp in this version (value-carry.ts), and whether typing. */
export interface CacheSlot { readonly stamp: number; readonly typing: boolean }

/**
 * One of the evaluator's caches, kept across document versions under each statement's stamp
 * (value-carry.ts), with its own re-entrance guard: asking for a node while this cache is computing it
 * is a cycle, answered by `onCycle` and never cached. Each cache has its own guard, so computing a
 * declaration's expensive issues may still ask for its (cheap) value.
 */
export class ResultCache<T> {
    private readonly results = new CarriedResults<T>();
    private readonly inProgress = new Set<AstNode>();

    /**
     * `move`: a kept result as it is where its statement now stands (text above it changed, or the same
     * statement text stands elsewhere), or undefined when it cannot be moved (then it is computed again).
     */
    constructor(private readonly move: (result: T, from: Place, to: Place) => T | undefined) {}

    /** Whether this cache is computing anything right now. */
    get busy(): boolean {
        return this.inProgress.size > 0;
    }

    has(slot: CacheSlot | undefined): boolean {
        return slot !== undefined && this.results.get(slot.stamp, slot.typing) !== undefined;
    }

    clear(): void {
        this.results.clear();
    }

    /** The kept result for `node` in `slot`, or `compute`'s (kept when cacheable). */
    computed(slot: CacheSlot | undefined, node: AstNode, onCycle: () => T, compute: () => Computed<T>): Computed<T> {
        const place = slot ? placeOf(node) : undefined;
        if (slot) {
            const hit = this.results.get(slot.stamp, slot.typing);
            if (hit && (!hit.place || !place || samePlace(hit.place, place))) return { result: hit.result, cacheable: true };
            const moved = hit?.place && place ? this.move(hit.result, hit.place, place) : undefined;
            if (moved !== undefined) {
                this.results.set(slot.stamp, slot.typing, moved, place);
                return { result: moved, cacheable: true };
            }
        }
        if (this.inProgress.has(node)) return { result: onCycle(), cacheable: false };
        this.inProgress.add(node);
        try {
            const computed = compute();
            if (computed.cacheable && slot) {
                this.results.set(slot.stamp, slot.typing || computed.sameWhileTyping === true, computed.result, place);
            }
            return computed;
        } finally {
            this.inProgress.delete(node);
        }
    }
}

function placeOf(node: AstNode): Place | undefined {
    const start = cstStart(node.$cstNode);
    const end = cstEnd(node.$cstNode);
    return start && end ? { start, end } : undefined;
}
