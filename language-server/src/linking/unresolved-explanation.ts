import type { AstNode, ReferenceInfo } from 'langium';
import {
    isDdtDeclaration, isDecisionDeclaration, isInteger, isMemberAccess, isModel, isNameRef, isPoliciesClause, isSetDeclaration, isSetRef, isTreeDeclaration,
    type MemberAccess, type Model
} from '../generated/ast.js';
import { generatedPolicyNames } from './generated-policy-names.js';
import { targetOf } from './safe-ref.js';
import { IssueCodes, type DiagnosticCode } from '../diagnostics/codes.js';
import { actsOf, elementsInScope } from './credal-scope-provider.js';
import { closestName } from './edit-distance.js';
import { referencePosition } from './reference-position.js';
import { syntacticStrategyNames } from './tree-strategy-names.js';
import type { SetInference } from './set-inference.js';
import { elementNames, rangeContains, type SetShape } from './set-shape.js';

/**
 * Why a reference did not resolve: a diagnostic code, a sentence and, when one is close enough, the
 * declared name it most likely means (the did-you-mean, for the quick fix); or `silent` for a plain number.
 */
type UnresolvedExplanation = { readonly code: DiagnosticCode; readonly message: string; readonly suggestion?: string } | 'silent';

/**
 * Turns an unresolved reference into a message a person understands, with a did-you-mean and, for
 * elements, the set that was searched (`` `head` is not an element of Coin; did you mean `heads`? ``).
 * An integer where no element is expected is a number, not a failed reference: `silent`.
 */
export function explainUnresolved(info: ReferenceInfo, inference: SetInference): UnresolvedExplanation {
    const node = info.container;
    const text = info.reference.$refText;
    if (isSetRef(node)) {
        const sets = declarations(node).filter(isSetDeclaration).map(set => set.name);
        return explained(IssueCodes.Unresolved, `unknown set \`${text}\``, text, sets);
    }
    if (isMemberAccess(node)) {
        return explainMember(node, text, inference);
    }
    if (!isNameRef(node) && !isInteger(node)) {
        return unresolved(`unknown name \`${text}\``);
    }
    const position = referencePosition(node, inference);
    switch (position.kind) {
        case 'element': {
            const set = position.set;
            if (!set) {
                return isInteger(node)
                    ? 'silent'
                    : unresolved(`cannot resolve \`${text}\`: the set this literal lives on is unknown; `
                        + 'add `on <set>` to the declaration');
            }
            return explainElement(node, text, set, position.factor);
        }
        case 'act': {
            const problem = position.problem;
            if (!problem) {
                return explained(IssueCodes.Unresolved, `unknown name \`${text}\``, text, declarationNames(node));
            }
            if (isTreeDeclaration(problem)) {
                const strategies = syntacticStrategyNames(problem);
                if (!strategies || strategies.includes(text)) return 'silent'; // a strategy: the evaluator resolves it
                return explained(IssueCodes.Unresolved, `\`${text}\` is not a strategy of ${problem.name}`, text, strategies);
            }
            const what = isDecisionDeclaration(problem) ? 'an act' : 'a policy';
            const generated = isDdtDeclaration(problem) ? generatedPolicyNames(problem, inference) : undefined;
            if (isDdtDeclaration(problem) && problem.clauses.some(c => isPoliciesClause(c) && c.from !== undefined) && (!generated
                || generated.includes(text))) {
                return 'silent';
            }
            const names = [...actsOf(problem).map(act => (act as AstNode & { name: string }).name), ...(generated ?? [])];
            return explained(IssueCodes.Unresolved, `\`${text}\` is not ${what} of ${problem.name}`, text, names);
        }
        case 'word':
            return 'silent';
        case 'value': {
            if (isInteger(node)) {
                return 'silent';
            }
            return explained(IssueCodes.Unresolved, `unknown name \`${text}\``, text, declarationNames(node), elementHint(node, text));
        }
    }
}

/**
 * `D.x` where `x` is not an act of D: one error, at `x`. Silent when the receiver itself did not resolve
 * (that is the one error) or when the problem generates its policies (`policies from Obs to Act`: the
 * evaluator checks the name against the generated ones).
 */
function explainMember(node: MemberAccess, text: string, inference: SetInference): UnresolvedExplanation {
    const problem = targetOf(node.receiver?.ref);
    if (!problem) {
        return 'silent';
    }
    if (isTreeDeclaration(problem)) {
        const strategies = syntacticStrategyNames(problem);
        if (!strategies || strategies.includes(text)) return 'silent'; // a strategy: the evaluator resolves it
        return explained(IssueCodes.Unresolved, `\`${text}\` is not a strategy of ${problem.name}`, text, strategies);
    }
    if (isDdtDeclaration(problem)) {
        const generated = generatedPolicyNames(problem, inference);
        if (problem.clauses.some(c => isPoliciesClause(c) && c.from !== undefined) && (!generated || generated.includes(text))) {
            return 'silent';
        }
        if (generated) {
            return explained(IssueCodes.Unresolved,
                `\`${text}\` is not a policy of ${problem.name}; its policies are named by their actions in the order of the observations`,
                    text, generated);
        }
    }
    if (!isDecisionDeclaration(problem) && !isDdtDeclaration(problem)) {
        const name = (problem as AstNode & { name?: string }).name ?? node.receiver.ref.$refText;
        return unresolved(`\`${name}\` is a ${kindWord(problem)}, which has no members: a dot selects an act of a decision (\`D.d1\`), a policy of a DDT problem (\`N.onebox\`) or a strategy of a tree (\`T.s\`)`);
    }
    const what = isDecisionDeclaration(problem) ? 'an act' : 'a policy';
    const names = actsOf(problem).map(act => (act as AstNode & { name: string }).name);
    return explained(IssueCodes.Unresolved, `\`${text}\` is not ${what} of ${problem.name}`, text, names);
}

function explainElement(node: AstNode, text: string, set: SetShape, factor: number | undefined): UnresolvedExplanation {
    const base = factor !== undefined ? set.factors[factor] : set.factors.length === 1 ? set.factors[0] : undefined;
    if (!base) {
        if (factor !== undefined) {
            return { code: IssueCodes.ElementUnknown,
                message: `the tuple has more entries than ${set.label} has factors (${set.factors.length})` };
        }
        const example = `(${set.factors.map(f => elementNames(f, 1)[0] ?? '…').join(', ')})`;
        return {
            code: IssueCodes.ElementUnknown,
            message: `\`${text}\` is not an element of ${set.label}: its elements are tuples such as \`${example}\``
        };
    }
    if (base.range && rangeContains(base, text)) {
        return 'silent'; // an element of an integer range: it has no declaration node to link to
    }
    const where = factor !== undefined && set.factors.length > 1
        ? `${base.label} (entry ${factor + 1} of a tuple of ${set.label})`
        : base.range && base.label !== `{${base.range.from} .. ${base.range.to}}`
            ? `${base.label} = {${base.range.from} .. ${base.range.to}}`
            : base.label;
    const candidates = base.range ? [] : elementsInScope(set, factor).map(element => (element as AstNode & { name: string }).name);
    const declared = declarationNamed(node, text);
    const note = declared ? ` (\`${text}\` is the ${kindWord(declared)} declared elsewhere, which is not an element)` : '';
    return explained(IssueCodes.ElementUnknown, `\`${text}\` is not an element of ${where}`, text, candidates, note);
}

/** When an unknown name is the element of some set, say where element names can be used. */
function elementHint(node: AstNode, text: string): string {
    for (const declaration of declarations(node)) {
        if (isSetDeclaration(declaration)) {
            const literal = declaration.value;
            if (literal?.$type === 'SetLiteral' && (literal as { elements: Array<{ name: string }> }).elements.some(e => e.name === text)) {
                return `; \`${text}\` is an element of ${declaration.name}, usable only inside a literal on ${declaration.name} such as \`{${text}}\``;
            }
        }
    }
    return '';
}

function unresolved(message: string): UnresolvedExplanation {
    return { code: IssueCodes.Unresolved, message };
}

/** `base`, the did-you-mean for the closest candidate (kept as `suggestion` too), then `tail`. */
function explained(code: DiagnosticCode, base: string, text: string, candidates: Iterable<string>, tail = ''): UnresolvedExplanation {
    const best = closestName(text, candidates);
    const message = `${base}${best ? `; did you mean \`${best}\`?` : ''}${tail}`;
    return best ? { code, message, suggestion: best } : { code, message };
}

function modelOf(node: AstNode): Model | undefined {
    let current: AstNode | undefined = node;
    while (current && !isModel(current)) {
        current = current.$container;
    }
    return current;
}

function declarations(node: AstNode): Array<AstNode & { name?: string }> {
    return (modelOf(node)?.statements ?? []) as Array<AstNode & { name?: string }>;
}

function declarationNames(node: AstNode): string[] {
    return declarations(node).map(d => d.name).filter((name): name is string => typeof name === 'string');
}

function declarationNamed(node: AstNode, name: string): AstNode | undefined {
    return declarations(node).find(d => d.name === name);
}

function kindWord(node: AstNode): string {
    const words: Record<string, string> = {
        LetDeclaration: 'constant', SetDeclaration: 'set', EventDeclaration: 'event', DistDeclaration: 'distribution',
        GambleDeclaration: 'gamble', CredalDeclaration: 'credal set', DecisionDeclaration: 'decision problem',
        DdtDeclaration: 'DDT problem', TreeDeclaration: 'decision tree', Eval: 'named result', Element: 'element', Act: 'act', Policy: 'policy'
    };
    return words[node.$type] ?? 'name';
}
