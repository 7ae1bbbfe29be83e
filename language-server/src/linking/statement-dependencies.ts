/**
 * The one dependency model of a note: which top-level statements a statement is defined in terms of.
 * Every reference anywhere inside a statement counts, as a dependency on the top-level statement that
 * holds its target (a reference to an element, act or policy is one to its set or problem). A statement
 * depends on itself only by naming itself (`let a = a + 1`), not by using its own elements or acts.
 * Two dependencies are by name rather than by reference: a kernel called as `k(x)`, and the note's
 * `conventions` block, whose defaults every evaluation may read.
 * Cycle detection (dependency-cycles.ts), the evaluation order (evaluation/dependency-order.ts), the
 * results carried across versions (evaluation/value-carry.ts) and the save-time fingerprints
 * (statement-fingerprints.ts) all read it, so a result kept for a statement can never outlive a change
 * to something it depends on.
 */
import { AstUtils, isReference, type AstNode, type Reference } from 'langium';
import { isCall, isConventions, isKernelDeclaration, isModel, type KernelDeclaration, type Model } from '../generated/ast.js';
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

const calleeLists = new WeakMap<AstNode, readonly string[]>();

/** The names the statement calls as functions (a kernel is called by name, not through a reference). */
function calleesOf(statement: AstNode): readonly string[] {
    let callees = calleeLists.get(statement);
    if (!callees) {
        const found = new Set<string>();
        for (const node of AstUtils.streamAst(statement)) if (isCall(node) && typeof node.callee === 'string') found.add(node.callee);
        calleeLists.set(statement, callees = [...found]);
    }
    return callees;
}

/**
 * A note's kernels by name (the first of a name wins), per statement list: every change gives the note a
 * new list (syntax/statement-splice.ts), so the index never outlives the statements it was built from.
 */
const kernelIndexes = new WeakMap<readonly AstNode[], Map<string, KernelDeclaration>>();

export function kernelsOf(statements: readonly AstNode[]): Map<string, KernelDeclaration> {
    let kernels = kernelIndexes.get(statements);
    if (!kernels) {
        kernels = new Map();
        for (const statement of statements) {
            if (isKernelDeclaration(statement) && !kernels.has(statement.name)) kernels.set(statement.name, statement);
        }
        kernelIndexes.set(statements, kernels);
    }
    return kernels;
}

/** What a statement may depend on without naming it through a reference: kernels called by name, the conventions in force. */
interface ByName { readonly kernels: ReadonlyMap<string, AstNode>; readonly conventions: AstNode | undefined }

/**
 * The top-level statements `statement` depends on, directly, in the order of first reference (itself only
 * when it names itself), then the kernels it calls and the note's `conventions` block (which sets defaults
 * every evaluation may read).
 */
function directDependencies(statement: AstNode, byName: ByName): AstNode[] {
    const targets = new Set<AstNode>();
    for (const reference of referencesOf(statement)) {
        const direct = targetOf(reference);
        const target = topLevelStatement(direct);
        if (target && (target !== statement || direct === statement)) targets.add(target);
    }
    for (const callee of calleesOf(statement)) {
        const kernel = byName.kernels.get(callee);
        if (kernel) targets.add(kernel);
    }
    if (byName.conventions && byName.conventions !== statement) targets.add(byName.conventions);
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
    const byName: ByName = { kernels: kernelsOf(statements), conventions: statements.find(isConventions) };
    const graph = new Map(statements.map((statement) => [statement, directDependencies(statement, byName)]));
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
