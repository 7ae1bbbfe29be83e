import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, StreamScope, type AstNode, type ReferenceInfo, type Scope } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import {
    isAct, isActsClause, isDdtDeclaration, isDecisionDeclaration, isInteger, isMemberAccess, isNameRef, isPoliciesClause, isSetRef,
    type DdtDeclaration, type DecisionDeclaration
} from '../generated/ast.js';
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

    constructor(services: LangiumServices & { linking: { SetInference: SetInference } }) {
        super(services);
        this.inference = () => services.linking.SetInference;
    }

    override getScope(context: ReferenceInfo): Scope {
        const node = context.container;
        if (isSetRef(node)) {
            return super.getScope(context);
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
                    return isInteger(node) ? EMPTY_SCOPE : super.getScope(context);
                case 'act':
                    return position.problem ? this.createScopeForNodes(actsOf(position.problem)) : super.getScope(context);
                case 'value':
                    return isInteger(node) ? EMPTY_SCOPE : super.getScope(context);
                case 'word':
                    return EMPTY_SCOPE;
            }
        }
        return super.getScope(context);
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

/** The acts of a decision problem, or the policies of a DDT problem. */
export function actsOf(problem: DecisionDeclaration | DdtDeclaration): AstNode[] {
    if (isDecisionDeclaration(problem)) {
        return problem.clauses.filter(isActsClause).flatMap(clause => clause.acts);
    }
    return problem.clauses.filter(isPoliciesClause).flatMap(clause => clause.policies);
}
