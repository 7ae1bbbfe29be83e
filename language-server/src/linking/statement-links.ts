/**
 * Which statements of a note must be linked again after an edit, and which keep their links.
 *
 * A reference resolves by its statement's own text, by the note-level declarations of the names written
 * in it (which one comes first, when several share a name), and by what the statements it refers to
 * are (a key of `{a: 1/2}` resolves among the elements of the set the distribution is on; a kernel
 * call is recognised by the kernel's name). So a statement keeps its links when
 * - its node is unchanged (syntax/statement-splice.ts keeps the nodes of unchanged statements),
 * - every identifier in its text names the same note-level declarations, in the same order, as when
 *   it was last linked,
 * - none of its references failed with a message (messages suggest the closest names of the whole note),
 * - and every statement it refers to keeps its links too (transitively).
 * Everything else is linked again. A statement that names nothing new keeps even its silent failures
 * (an integer that is simply a number). `statement-links.test.ts` and the differential test compare
 * the result with a fresh link of the same text.
 */
import type { AstNode, Reference } from 'langium';
import { referencesOf, topLevelStatement } from './statement-dependencies.js';

/** What the last complete link of a note saw: its statements and its note-level names. */
export interface LinkState {
    readonly statements: ReadonlySet<AstNode>;
    readonly bindings: ReadonlyMap<string, readonly AstNode[]>;
}

/** A linking error as the linker leaves it on a reference (credal-linker.ts). */
interface LinkFailure { silent?: boolean }

/** What a reference holds now: a node, a failure, or nothing yet (Langium's private field). */
function linkOf(reference: Reference): unknown {
    return (reference as unknown as { _ref?: unknown })._ref;
}

function isAstNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

/** Whether the reference was linked: to a node, or to a failure (silent or reported). */
export function isLinked(reference: Reference): boolean {
    const link = linkOf(reference);
    return typeof link === 'object' && link !== null;
}

/** Makes the reference unlinked, as Langium's `unlink` does. */
export function resetLink(reference: Reference): void {
    const mutable = reference as unknown as { _ref?: unknown; _nodeDescription?: unknown };
    mutable._ref = undefined;
    delete mutable._nodeDescription;
}

/** The declarations of each name at note level, in order. */
export function noteBindings(statements: readonly AstNode[]): Map<string, AstNode[]> {
    const bindings = new Map<string, AstNode[]>();
    for (const statement of statements) {
        const name = (statement as { name?: unknown }).name;
        if (typeof name !== 'string') continue;
        const nodes = bindings.get(name);
        if (nodes) nodes.push(statement);
        else bindings.set(name, [statement]);
    }
    return bindings;
}

const IDENTIFIER = /[A-Za-z_\u0370-\u03FF\u1F00-\u1FFF][A-Za-z0-9_'\u2032\u2033\u0370-\u03FF\u1F00-\u1FFF]*/g;
const identifierLists = new WeakMap<AstNode, readonly string[]>();

/** Every identifier in the statement's text (a superset of the names it looks up; kept per node). */
function identifiersOf(statement: AstNode): readonly string[] {
    let identifiers = identifierLists.get(statement);
    if (!identifiers) {
        identifiers = [...new Set(statement.$cstNode?.text.match(IDENTIFIER) ?? [])];
        identifierLists.set(statement, identifiers);
    }
    return identifiers;
}

function sameNodes(a: readonly AstNode[] | undefined, b: readonly AstNode[] | undefined): boolean {
    if (a === b) return true;
    if (!a || !b || a.length !== b.length) return false;
    return a.every((node, index) => node === b[index]);
}

/** The statements of this version that must be linked again (all of them without a previous state). */
export function statementsToRelink(statements: readonly AstNode[], bindings: ReadonlyMap<string, readonly AstNode[]>,
    previous: LinkState | undefined): Set<AstNode> {
    if (!previous) return new Set(statements);
    const current = new Set(statements);
    const stale = new Set<AstNode>();
    const dependents = new Map<AstNode, AstNode[]>();
    for (const statement of statements) {
        if (!previous.statements.has(statement)
            || identifiersOf(statement).some((name) => !sameNodes(previous.bindings.get(name), bindings.get(name)))) {
            stale.add(statement);
            continue;
        }
        for (const reference of referencesOf(statement)) {
            const link = linkOf(reference);
            if (!isAstNode(link)) {
                if (typeof link !== 'object' || link === null || !(link as LinkFailure).silent) stale.add(statement);
                continue;
            }
            const target = topLevelStatement(link);
            if (!target || target === statement) continue;
            if (!current.has(target)) stale.add(statement);
            const list = dependents.get(target);
            if (list) list.push(statement);
            else dependents.set(target, [statement]);
        }
    }
    const work = [...stale];
    while (work.length > 0) {
        for (const dependent of dependents.get(work.pop()!) ?? []) {
            if (!stale.has(dependent)) {
                stale.add(dependent);
                work.push(dependent);
            }
        }
    }
    return stale;
}
