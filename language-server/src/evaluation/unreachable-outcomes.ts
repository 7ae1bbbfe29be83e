/**
 * W-DDT-UNREACHABLE (SEMANTICS §B.6): an outcome in no E_π. One warning per outcome, on the outcome
 * itself where the DDT writes it (a key of its payoff mapping, an element of its belief's literals);
 * when the DDT never writes it, on the DDT's name, naming the outcome, with related information at
 * the outcome's declaration (the element in the set literal, or the range that implies it).
 */
import { AstUtils, type AstNode } from 'langium';
import { isInteger, isNameRef, isPoliciesClause, isSetLiteral, isTuple, type DdtDeclaration, type Integer, type NameRef } from '../generated/ast.js';
import { referencePosition } from '../linking/reference-position.js';
import { nodeAtSite } from '../linking/source-site.js';
import { isSetOfShape } from './finite-sets.js';
import type { EvalContext } from './context.js';
import { type RelatedIssueInfo } from './issues.js';
import { elementIndex, elementLabel, type FiniteSet } from './values.js';
import { IssueCodes } from '../diagnostics/codes.js';

export function reportUnreachableOutcomes(ctx: EvalContext, node: DdtDeclaration, set: FiniteSet, unreachable: readonly number[]): void {
    if (unreachable.length === 0) return;
    const written = writtenOutcomes(ctx, node, set);
    for (const outcome of unreachable) {
        const name = elementLabel(set, outcome);
        const message = `outcome ${name} is consistent with no policy; under the strict semantics it can be deleted without changing any value`;
        const data = { outcomes: [name] };
        const at = written.get(outcome);
        if (at) {
            ctx.note('warning', IssueCodes.DdtUnreachable, message, { node: at }, data);
            continue;
        }
        ctx.note('warning', IssueCodes.DdtUnreachable, `${node.name}: ${message}`, { node, property: 'name' }, data, declarationsOf(node,
            set, outcome, name));
    }
}

/** The first place inside the DDT (outside its policies) that names each outcome, by outcome index. */
function writtenOutcomes(ctx: EvalContext, node: DdtDeclaration, set: FiniteSet): Map<number, AstNode> {
    const found = new Map<number, AstNode>();
    const onThisSet = (item: NameRef | Integer, factor: number | undefined): boolean => {
        const position = referencePosition(item, ctx.inference);
        return position.kind === 'element' && !!position.set && isSetOfShape(set, position.set) && position.factor === factor;
    };
    const textOf = (item: NameRef | Integer): string => (isNameRef(item) ? item.ref.$refText : item.element.$refText);
    for (const candidate of AstUtils.streamAst(node)) {
        if (AstUtils.getContainerOfType(candidate, isPoliciesClause)) continue;
        let names: string[] | undefined;
        if (set.factors.length === 1 && (isNameRef(candidate) || isInteger(candidate)) && !isTuple(candidate.$container)
            && onThisSet(candidate, undefined)) {
            names = [textOf(candidate)];
        } else if (set.factors.length > 1 && isTuple(candidate) && candidate.items.length === set.factors.length
            && candidate.items.every((item, f) => (isNameRef(item) || isInteger(item)) && onThisSet(item, f))) {
            names = candidate.items.map((item) => textOf(item as NameRef | Integer));
        }
        if (!names) continue;
        const index = elementIndex(set, names);
        if (index >= 0 && !found.has(index)) found.set(index, candidate);
    }
    return found;
}

/** Where an outcome is declared: its element in each factor's set literal, or the factor's range. */
function declarationsOf(near: AstNode, set: FiniteSet, outcome: number, name: string): RelatedIssueInfo[] {
    const related: RelatedIssueInfo[] = [];
    let rest = outcome;
    for (let f = set.factors.length - 1; f >= 0; f--) {
        const size = set.factors[f]!.length;
        const coordinate = rest % size;
        rest = Math.floor(rest / size);
        const site = set.factorSites[f];
        const literal = site && nodeAtSite(site, near);
        if (!literal) continue;
        const element = isSetLiteral(literal) ? literal.elements[coordinate] : undefined;
        const part = set.factors[f]![coordinate]!;
        related.unshift(element
            ? { node: element, message: set.factors.length > 1 ? `${part} (of ${name}) is declared here` : `${name} is declared here` }
            : { node: literal, message: `${part}${set.factors.length > 1 ? ` (of ${name})` : ''} is in this range` });
    }
    return related;
}
