/**
 * The one dependency model of a note: which top-level statements a statement is defined in terms of.
 * Every reference anywhere inside a statement counts, as a dependency on the top-level statement that
 * holds its target (a reference to an element, act or policy is one to its set or problem). A statement
 * depends on itself only by naming itself (`let a = a + 1`), not by using its own elements or acts.
 * Cycle detection (dependency-cycles.ts), the evaluation order (evaluation/dependency-order.ts), the
 * results carried across versions (evaluation/value-carry.ts) and the save-time fingerprints
 * (statement-fingerprints.ts) all read it, so a result kept for a statement can never outlive a change
 * to something it depends on.
 */
import { AstUtils, isReference, type AstNode, type Reference } from 'langium';
import { isModel, type Model } from '../generated/ast.js';
import { targetOf } from './safe-ref.js';

/**
 * The references inside a statement. A statement node is never edited in place (a changed statement
 * is parsed into new nodes, syntax/statement-splice.ts), so the list is kept per node across versions;
 * what each reference resolves to is read afresh every time.
 */
const referenceLists = new WeakMap<AstNode, readonly Reference[]>();

export function referencesOf(statement: AstNode): readonly Reference[] {
    let references = referenceLists.get(statement);
    if (!references) {
        const found: Reference[] = [];
        for (const node of AstUtils.streamAst(statement)) {
            for (const value of Object.values(node)) {
                if (Array.isArray(value)) {
                    for (const item of value) if (isReference(item)) found.push(item);
                } else if (isReference(value)) {
                    found.push(value);
                }
            }
        }
        referenceLists.set(statement, references = found);
    }
    return references;
}

/** The top-level statement that contains `node` (itself when it is one), if `node` is in a note. */
export function topLevelStatement(node: AstNode | undefined): AstNode | undefined {
    let current = node;
    while (current?.$container && !isModel(current.$container)) current = current.$container;
    return current?.$container ? current : undefined;
}

/** The top-level statements `statement` refers to, directly, in the order of first reference (itself only when it names itself). */
function directDependencies(statement: AstNode): AstNode[] {
    const targets = new Set<AstNode>();
    for (const reference of referencesOf(statement)) {
        const direct = targetOf(reference);
        const target = topLevelStatement(direct);
        if (target && (target !== statement || direct === statement)) targets.add(target);
    }
    return [...targets];
}

/**
 * The graph of each version, kept while the version's statements and links are the ones it was built
 * from: every edit gives the note a new statement list, every link a new reference list (credal-linker.ts).
 */
const graphs = new WeakMap<readonly AstNode[], { references: unknown; graph: ReadonlyMap<AstNode, readonly AstNode[]> }>();

/** Every statement of a note with its direct dependencies. */
export function dependencyGraph(model: Model): ReadonlyMap<AstNode, readonly AstNode[]> {
    const statements = model.statements as AstNode[];
    const references = model.$document?.references;
    const kept = graphs.get(statements);
    if (kept && references && kept.references === references) return kept.graph;
    const graph = new Map(statements.map((statement) => [statement, directDependencies(statement)]));
    if (references) graphs.set(statements, { references, graph });
    return graph;
}

/** The statements `statement` depends on, transitively, without itself. */
export function transitiveDependencies(statement: AstNode, graph: ReadonlyMap<AstNode, readonly AstNode[]>): Set<AstNode> {
    const seen = new Set<AstNode>();
    const work = [...(graph.get(statement) ?? [])];
    while (work.length > 0) {
        const next = work.pop()!;
        if (seen.has(next) || next === statement) continue;
        seen.add(next);
        work.push(...(graph.get(next) ?? []));
    }
    return seen;
}
