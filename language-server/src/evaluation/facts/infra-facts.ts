/**
 * The facts of an infradistribution for hover and the preview (LANGUAGE §7.5): whether it is crisp and
 * E_H of every gamble of the note on its set (gambles outside [0, 1] only when H is crisp).
 */
import type { AstNode } from 'langium';
import { isGambleDeclaration, isModel } from '../../generated/ast.js';
import { isCrisp, lowerE, outsideUnit } from '../../math/infra/infra.js';
import type { Rational } from '../../math/rational.js';
import { sameFiniteSet, type InfraValue, type Value } from '../values.js';

interface GambleExpectation {
    readonly gamble: string;
    readonly value: Rational;
}

export interface InfraFacts {
    readonly crisp: boolean;
    /** E_H(f) for each gamble declared in the note that lives on H's set (in declaration order). */
    readonly expectations: readonly GambleExpectation[];
}

export function infraFacts(value: InfraValue, where: AstNode | undefined, valueOf: (node: AstNode) => Value): InfraFacts {
    const crisp = isCrisp(value.infra);
    let root = where;
    while (root?.$container) root = root.$container;
    const expectations: GambleExpectation[] = [];
    if (isModel(root)) {
        for (const statement of root.statements) {
            if (!isGambleDeclaration(statement)) continue;
            const f = valueOf(statement);
            if (f.kind !== 'gamble' || !sameFiniteSet(f.set, value.set) || (!crisp && outsideUnit(f.f))) continue;
            const r = lowerE(value.infra, f.f);
            if (r.ok) expectations.push({ gamble: statement.name, value: r.value });
        }
    }
    return { crisp, expectations };
}
