import type { AstNode, Reference } from 'langium';

/**
 * The target of a reference, or undefined. Reading `.ref` can trigger lazy linking, and Langium throws
 * when that re-enters a reference that is being resolved (a cyclic resolution); inference code must
 * never throw, so it reads references only through here.
 */
export function targetOf<T extends AstNode>(reference: Reference<T> | undefined): T | undefined {
    try {
        return reference?.ref;
    } catch {
        return undefined;
    }
}
