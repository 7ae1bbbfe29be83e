import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, StreamScope, type AstNode, type ReferenceInfo, type Scope } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import {
    isAct, isActsClause, isDdtDeclaration, isDecisionDeclaration, isInteger, isMemberAccess, isNameRef, isPoliciesClause, isSetRef, isTreeDeclaration,
    type DdtDeclaration, type DecisionDeclaration, type TreeDeclaration
} from '../generated/ast.js';
import { IndexedScope } from './indexed-scope.js';
import { referencePosition } from './reference-position.js';
import { targetOf } from './safe-ref.js';
import type { SetInference } from './set-inference.js';
import type { SetShape } from './set-shape.js';

/**
 * Scoping (LANGUAGE.md §3): declarations are visible in the whole file and only there (no names leak
 * between notes of a workspace). Element names are visible only where an element of their set is
 * expected, decided by context (see `referencePosition`): there, ONLY the set's elements are in scope,
 * so an element shadows a declaration of the same name inside a literal on its set.
 */
export class CredalScopeProvider extends DefaultScopeProvider {
    private readonly inference: () => SetInference;
    /** Per version of a note's symbols (recomputed on every change): container → reference type → scope. */
    private readonly localScopes = new WeakMap<object, Map<AstNode, Map<string, Scope>>>();

    constructor(services: LangiumServices & { linking: { SetInference: SetInference } }) {
        super(services);
        this.inference = () => services.linking.SetInference;
    }

    override getScope(context: ReferenceInfo): Scope {
        const node = context.container;
        if (isSetRef(node)) {
            return this.localScope(context);
        }
        if (isMemberAccess(node) && context.property === 'member') {
            // `D.d1`, `N.onebox` (§8.7): the acts or policies of the problem the receiver names.
            const problem = targetOf(node.receiver?.ref);
            return isDecisionDeclaration(problem) || isDdtDeclaration(problem) ? this.createScopeForNodes(actsOf(problem)) : EMPTY_SCOPE;
        }
        return this.withoutOwnAct(node, this.scopeOf(node, context));
    }

    /** Inside an act's body its own name is not in scope (§8.7): `ticket = ticket` means a file-level `ticket`. */
    private withoutOwnAct(node: AstNode, scope: Scope): Scope {
        const act = AstUtils.getContainerOfType(node, isAct);
        if (!act || !isNameRef(node)) {
            return scope;
        }
        return new StreamScope(scope.getAllElements().filter(description => description.node !== act));
    }

    private scopeOf(node: AstNode, context: ReferenceInfo): Scope {
        if (isNameRef(node) || isInteger(node)) {
            const position = referencePosition(node, this.inference());
            switch (position.kind) {
                case 'element':
                    if (position.set) {
                        return this.createScopeForNodes(elementsInScope(position.set, position.factor));
                    }
                    // The literal's set is unknown: an integer stays a number; a name may still be a declaration.
                    return isInteger(node) ? EMPTY_SCOPE : this.localScope(context);
                case 'act':
                    return position.problem ? this.createScopeForNodes(actsOf(position.problem)) : this.localScope(context);
                case 'value':
                    return isInteger(node) ? EMPTY_SCOPE : this.localScope(context);
                case 'word':
                    return EMPTY_SCOPE;
            }
        }
        return this.localScope(context);
    }

    /** Langium's default scope (the symbols of every enclosing container), built once per container and version. */
    private localScope(context: ReferenceInfo): Scope {
        const symbols = AstUtils.getDocument(context.container).localSymbols;
        if (!symbols) return super.getScope(context);
        const referenceType = this.reflection.getReferenceType(context);
        let byContainer = this.localScopes.get(symbols);
        if (!byContainer) this.localScopes.set(symbols, byContainer = new Map());
        const withSymbols = (node: AstNode | undefined): AstNode | undefined => {
            let current = node;
            while (current && !symbols.has(current)) current = current.$container;
            return current;
        };
        const scopeOf = (container: AstNode | undefined): Scope => {
            if (!container) return this.getGlobalScope();
            let byType = byContainer.get(container);
            if (!byType) byContainer.set(container, byType = new Map());
            let scope = byType.get(referenceType);
            if (!scope) {
                const own = symbols.getStream(container).filter((d) => this.reflection.isSubtype(d.type, referenceType)).toArray();
                scope = new IndexedScope(own, scopeOf(withSymbols(container.$container)));
                byType.set(referenceType, scope);
            }
            return scope;
        };
        return scopeOf(withSymbols(context.container));
    }

    /** Names are file-wide: nothing comes from other documents. */
    protected override getGlobalScope(): Scope {
        return EMPTY_SCOPE;
    }
}

/** The element nodes a name may link to: those of the set, or of one factor of a product. */
export function elementsInScope(set: SetShape, factor: number | undefined): AstNode[] {
    if (factor !== undefined) {
        return [...(set.factors[factor]?.elements ?? [])];
    }
    return set.factors.length === 1 ? [...set.factors[0].elements] : [];
}

/** The acts of a decision problem, or the policies of a DDT problem (a tree's strategies are not nodes). */
export function actsOf(problem: DecisionDeclaration | DdtDeclaration | TreeDeclaration): AstNode[] {
    if (isTreeDeclaration(problem)) {
        return [];
    }
    if (isDecisionDeclaration(problem)) {
        return problem.clauses.filter(isActsClause).flatMap(clause => clause.acts);
    }
    return problem.clauses.filter(isPoliciesClause).flatMap(clause => clause.policies);
}
