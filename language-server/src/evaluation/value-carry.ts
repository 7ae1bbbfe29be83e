/**
 * Results that survive edits. Unchanged statements keep their nodes across versions of a note
 * (syntax/statement-splice.ts); a statement's *stamp* names its node together with the stamps of the
 * statements it depends on (linking/statement-dependencies.ts), so two versions give a statement the
 * same stamp exactly when neither it nor anything it depends on, transitively, was parsed anew or
 * resolves differently. A result kept under a stamp is then still the result: evaluation is a function
 * of those statements (and the settings, whose change drops everything). Prose, comments and edits in
 * unrelated statements leave every stamp as it was, so they re-evaluate nothing.
 */
import type { AstNode } from 'langium';
import type { Place } from './issue-relocation.js';

let nextId = 1;
const nodeIds = new WeakMap<AstNode, number>();
/** `node id:dependency stamps` → stamp. Never reset, only dropped whole: numbers are never reused. */
let interned = new Map<string, number>();
const INTERNED_LIMIT = 1_000_000;

function idOf(node: AstNode): number {
    let id = nodeIds.get(node);
    if (id === undefined) nodeIds.set(node, id = nextId++);
    return id;
}

/**
 * The stamp of every statement of one version, from its direct dependencies. Statements on a
 * dependency cycle get a stamp no other version shares (their results are never carried).
 */
export function versionStamps(graph: ReadonlyMap<AstNode, readonly AstNode[]>, cyclic: ReadonlySet<AstNode>): Map<AstNode, number> {
    if (interned.size > INTERNED_LIMIT) interned = new Map();
    const stamps = new Map<AstNode, number>();
    for (const node of cyclic) stamps.set(node, nextId++);
    const open = new Set<AstNode>();
    for (const root of graph.keys()) {
        if (stamps.has(root)) continue;
        const work: Array<{ node: AstNode; next: number }> = [{ node: root, next: 0 }];
        open.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1]!;
            const successors = graph.get(frame.node) ?? [];
            if (frame.next < successors.length) {
                const successor = successors[frame.next++]!;
                if (stamps.has(successor)) continue;
                if (open.has(successor) || !graph.has(successor)) {
                    stamps.set(successor, nextId++);
                    continue;
                }
                open.add(successor);
                work.push({ node: successor, next: 0 });
                continue;
            }
            work.pop();
            open.delete(frame.node);
            const key = `${idOf(frame.node)}:${successors.map((s) => stamps.get(s)!).sort((a, b) => a - b).join(',')}`;
            let stamp = interned.get(key);
            if (stamp === undefined) interned.set(key, stamp = nextId++);
            stamps.set(frame.node, stamp);
        }
    }
    return stamps;
}

interface Carried<T> { stamp: number; typing: boolean; result: T; place: Place | undefined }

/**
 * Results per statement node and stamp, with where the statement lay when each was computed. After
 * every change the server first collects the typing issues, so a fresh server's result for a declaration
 * is the one computed while typing (costly work deferred to save): a typing lookup takes only such a
 * result; any other lookup takes either, as within one version.
 */
export class CarriedResults<T> {
    private entries = new WeakMap<AstNode, Carried<T>>();

    get(node: AstNode, stamp: number, typing: boolean): { result: T; place: Place | undefined } | undefined {
        const entry = this.entries.get(node);
        if (!entry || entry.stamp !== stamp) return undefined;
        return entry.typing || !typing ? entry : undefined;
    }

    set(node: AstNode, stamp: number, typing: boolean, result: T, place: Place | undefined): void {
        this.entries.set(node, { stamp, typing, result, place });
    }

    clear(): void {
        this.entries = new WeakMap();
    }
}
