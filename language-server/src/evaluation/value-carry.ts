/**
 * Results that survive edits. A statement's *stamp* is its fingerprint: its text together with the stamps
 * of the statements it depends on (linking/statement-dependencies.ts), so two versions (or two notes) give
 * a statement the same stamp exactly when neither it nor anything it depends on, transitively, reads
 * differently or resolves differently. A result kept under a stamp is then still the result: evaluation is
 * a function of those statements (and the settings, whose change drops everything), and results are
 * plain data (values hold sites, not nodes; issues are placed in the current tree when read). Prose,
 * comments and edits in unrelated statements leave every stamp as it was, so they re-evaluate nothing;
 * a statement parsed anew with the same text (an error inside it, the note closed and reopened) keeps its
 * results too.
 */
import type { AstNode } from 'langium';
import type { Place } from './issue-relocation.js';
import { cstEndOffset, cstStartOffset } from '../syntax/cst-position.js';

let nextId = 1;
/** The id of each statement text, and of each statement node's text (a node's text never changes). */
let textIds = new Map<string, number>();
const nodeTextIds = new WeakMap<AstNode, number>();
/** `text id:dependency stamps` → stamp. Never reset, only dropped whole: numbers are never reused. */
let interned = new Map<string, number>();
const INTERNED_LIMIT = 1_000_000;

function textIdOf(node: AstNode): number {
    let id = nodeTextIds.get(node);
    if (id === undefined) {
        const text = statementText(node);
        id = textIds.get(text);
        if (id === undefined) textIds.set(text, id = nextId++);
        nodeTextIds.set(node, id);
    }
    return id;
}

/** The statement's own text, from its first token to its last (not the comments around it). */
function statementText(node: AstNode): string {
    const cst = node.$cstNode;
    const start = cstStartOffset(cst);
    const end = cstEndOffset(cst);
    return cst && start !== undefined && end !== undefined ? cst.root.fullText.slice(start, end) : `${node.$type}#${nextId++}`;
}

/**
 * The stamp of every statement of one version, from its direct dependencies. Statements on a
 * dependency cycle get a stamp no other version shares (their results are never carried).
 */
export function versionStamps(graph: ReadonlyMap<AstNode, readonly AstNode[]>, cyclic: ReadonlySet<AstNode>): Map<AstNode, number> {
    if (interned.size > INTERNED_LIMIT || textIds.size > INTERNED_LIMIT) {
        interned = new Map();
        textIds = new Map();
    }
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
            const key = `${textIdOf(frame.node)}:${successors.map((s) => stamps.get(s)!).sort((a, b) => a - b).join(',')}`;
            let stamp = interned.get(key);
            if (stamp === undefined) interned.set(key, stamp = nextId++);
            stamps.set(frame.node, stamp);
        }
    }
    return stamps;
}

interface Carried<T> { typing: boolean; result: T; place: Place | undefined }

/** How many results a cache keeps; the least recently used go first (a result is never wrong, only missing). */
const KEPT_RESULTS = 50_000;

/**
 * Results per stamp, with where the statement lay when each was computed. After every change the server
 * first collects the typing issues, so a fresh server's result for a declaration is the one computed
 * while typing (costly work deferred to save): a typing lookup takes only such a result; any other lookup
 * takes either, as within one version.
 */
export class CarriedResults<T> {
    private entries = new Map<number, Carried<T>>();

    get(stamp: number, typing: boolean): { result: T; place: Place | undefined } | undefined {
        const entry = this.entries.get(stamp);
        if (!entry || (typing && !entry.typing)) return undefined;
        this.entries.delete(stamp);
        this.entries.set(stamp, entry);
        return entry;
    }

    set(stamp: number, typing: boolean, result: T, place: Place | undefined): void {
        this.entries.delete(stamp);
        this.entries.set(stamp, { typing, result, place });
        if (this.entries.size > KEPT_RESULTS) this.entries.delete(this.entries.keys().next().value!);
    }

    clear(): void {
        this.entries = new Map();
    }
}
