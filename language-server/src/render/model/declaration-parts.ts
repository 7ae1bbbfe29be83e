import {
    isBraceLiteral, isComparison, isCredalDeclaration, isDdtDeclaration, isDecimal, isDecisionDeclaration,
    isDistDeclaration, isEventDeclaration, isGambleDeclaration, isInteger, isLetDeclaration, isNameRef,
    isInfraDeclaration, isKernelDeclaration, isSetDeclaration, isSetLiteral, isSetProduct, isSetRange, isSetRef, isTuple, isBeliefClause,
    isTreeDeclaration, type TreeDeclaration, type CredalDeclaration, type DdtDeclaration, type DecisionDeclaration, type Declaration,
    type Expression, type SetExpression, type InfraDeclaration, type KernelDeclaration
} from '../../generated/ast.js';
import { targetOf } from '../../linking/safe-ref.js';
import { isPending } from '../../evaluation/evaluator.js';
import type { Value } from '../../evaluation/values.js';
import { latexExpression } from '../latex/expression.js';
import { latexLines, texWidth } from '../latex/lines.js';
import { latexElement, latexName } from '../latex/names.js';
import { approximation } from '../latex/numbers.js';
import { latexValue } from '../latex/values.js';
import { credalValueParts } from './credal-parts.js';
import { infraValueParts, kernelValueParts } from './infra-parts.js';
import { ddtValueParts } from './ddt-parts.js';
import { decisionValueParts } from './decision-parts.js';
import { treeValueParts } from './tree-parts.js';
import type { NamedDistribution } from './figures.js';
import type { Part } from './parts.js';
import type { RenderEnv } from './render-env.js';

/** The typeset definition of a declaration, followed by what its value adds (vertices, pictures, tables). */
export function declarationParts(node: Declaration, env: RenderEnv, dots: (value: Value) => NamedDistribution[]): Part[] {
    if (isSetDeclaration(node)) return [{ type: 'math', tex: `${latexName(node.name)}=${latexSetExpression(node.value)}` }];
    if (isInfraDeclaration(node)) return infraParts(node, env);
    if (isKernelDeclaration(node)) return kernelParts(node, env);
    if (isDecisionDeclaration(node)) return decisionParts(node, env);
    if (isDdtDeclaration(node)) return ddtParts(node, env);
    if (isTreeDeclaration(node)) return treeParts(node, env);
    if (isCredalDeclaration(node)) return credalParts(node, env, dots);
    const value = env.values.declarationResult(node, env.token).value;
    const nameTex = latexName(node.name);
    const definition = latexExpression(node.value, env.latexContext());
    const parts: Part[] = [];
    if (isLetDeclaration(node) || isDistDeclaration(node) || isGambleDeclaration(node) || isEventDeclaration(node)) {
        const valueTex = writtenOut(node.value) ? undefined : latexValue(value);
        const note = value.kind === 'number' ? approximation(value.value) : undefined;
        parts.push({ type: 'math', tex: `${nameTex}=${definition}${valueTex ? `=${valueTex}` : ''}`, approx: note });
    }
    parts.push(...errorParts(value));
    return parts;
}

/** Literals whose value would only repeat them. */
function writtenOut(expression: Expression | undefined): boolean {
    if (!expression) return true;
    if (isInteger(expression) || isDecimal(expression)) return true;
    if (isTuple(expression)) return expression.items.every(item => isInteger(item) || isDecimal(item));
    if (isBraceLiteral(expression)) return expression.items.every(item => isInteger(item) || isNameRef(item) || isTuple(item));
    return false;
}

function latexSetExpression(expression: SetExpression | undefined): string {
    if (!expression) return '\\,?\\,';
    if (isSetLiteral(expression)) {
        return expression.elements.length === 0 ? '\\emptyset' : `\\{${expression.elements.map(e => latexElement(e.name)).join(',')}\\}`;
    }
    if (isSetRange(expression)) return `\\{${expression.from},\\dots,${expression.to}\\}`;
    if (isSetRef(expression)) return latexName(expression.set.$refText);
    if (isSetProduct(expression)) return expression.factors.map(latexSetExpression).join('\\times ');
    return '\\,?\\,';
}

/** `\{p\in\Delta X:\ …\}` for a constraint block (over lines when long), the expression otherwise (SEMANTICS §A.10). */
function credalParts(node: CredalDeclaration, env: RenderEnv, dots: (value: Value) => NamedDistribution[]): Part[] {
    const nameTex = latexName(node.name, 'credal');
    const value = env.values.declarationResult(node, env.token).value;
    const parts: Part[] = [{ type: 'math', tex: credalDefinition(node, nameTex, env) }];
    if (value.kind === 'credal') parts.push(...credalValueParts(nameTex, node.name, value, env, dots(value)));
    parts.push(...errorParts(value));
    return parts;
}

function credalDefinition(node: CredalDeclaration, nameTex: string, env: RenderEnv): string {
    const expression = node.value;
    if (isBraceLiteral(expression) && expression.items.length > 0 && expression.items.every(isComparison)) {
        const context = env.latexContext(true);
        const set = env.latexContext().setTex(node) ?? '\\Omega';
        const prefix = `${nameTex}=\\{p\\in\\Delta ${set}:\\ `;
        const constraints = expression.items.map(item => latexExpression(item, context)).map(tex => ({ tex, width: texWidth(tex) }));
        return latexLines(prefix, texWidth(prefix), constraints, '\\ ', '\\}');
    }
    if (isNameRef(expression) && isDistDeclaration(targetOf(expression.ref))) {
        return `${nameTex}=\\{${latexExpression(expression, env.latexContext())}\\}`;
    }
    return `${nameTex}=${latexExpression(expression, env.latexContext())}`;
}

/** `\mathcal H=…` with its generators, E_H of the note's gambles and, for 2 or 3 elements, a picture. */
function infraParts(node: InfraDeclaration, env: RenderEnv): Part[] {
    const nameTex = latexName(node.name, 'credal');
    const value = env.values.declarationResult(node, env.token).value;
    const parts: Part[] = [{ type: 'math', tex: `${nameTex}=${latexExpression(node.value, env.latexContext())}` }];
    if (value.kind === 'infra') parts.push(...infraValueParts(nameTex, node.name, value, env, node));
    parts.push(...errorParts(value));
    return parts;
}

/** `\kappa: X\to\square Y`, then its rows as written. */
function kernelParts(node: KernelDeclaration, env: RenderEnv): Part[] {
    const value = env.values.declarationResult(node, env.token).value;
    const head = `${latexName(node.name)}:${latexSetExpression(node.from)}\\to\\square ${latexSetExpression(node.to)}`;
    const parts: Part[] = [{ type: 'math', tex: `${head},\\quad ${latexExpression(node.value, env.latexContext())}` }];
    if (value.kind === 'kernel') parts.push(...kernelValueParts(node.name, value));
    parts.push(...errorParts(value));
    return parts;
}

function decisionParts(node: DecisionDeclaration, env: RenderEnv): Part[] {
    const value = env.values.declarationResult(node, env.token).value;
    const belief = node.clauses.find(isBeliefClause);
    const beliefTex = belief ? latexExpression(belief.belief, env.latexContext()) : '\\,?\\,';
    const orientation = value.kind === 'decision' && value.problem.orientation === 'loss' ? 'losses, minimised' : 'utilities, maximised';
    const set = env.latexContext().setTex(node);
    const parts: Part[] = [{
        type: 'markdown',
        text: `Decision problem **${escapeMarkdown(node.name)}**${set ? ` on $${set}$` : ''} with belief $${beliefTex}$; acts are ${orientation}.`
    }];
    if (value.kind === 'decision') parts.push(...decisionValueParts(value, env, node));
    parts.push(...errorParts(value));
    return parts;
}

function ddtParts(node: DdtDeclaration, env: RenderEnv): Part[] {
    const value = env.values.declarationResult(node, env.token).value;
    const belief = node.clauses.find(isBeliefClause);
    const beliefTex = belief ? latexExpression(belief.belief, env.latexContext()) : '\\Theta';
    const set = env.latexContext().setTex(node);
    const parts: Part[] = [{
        type: 'markdown',
        text: `DDT problem **${escapeMarkdown(node.name)}**${set ? ` on $${set}$` : ''} with belief $${beliefTex}$.`
    }];
    if (value.kind === 'ddt') parts.push(...ddtValueParts(value, beliefTex, env));
    parts.push(...errorParts(value));
    return parts;
}

function treeParts(node: TreeDeclaration, env: RenderEnv): Part[] {
    const value = env.values.declarationResult(node, env.token).value;
    const belief = node.clauses.find(isBeliefClause);
    const beliefTex = belief ? latexExpression(belief.belief, env.latexContext()) : '\\,?\\,';
    const orientation = value.kind === 'tree' && value.tree.orientation === 'loss' ? 'losses, minimised' : 'utilities, maximised';
    const set = env.latexContext().setTex(node);
    const parts: Part[] = [{
        type: 'markdown',
        text: `Decision tree **${escapeMarkdown(node.name)}**${set ? ` on $${set}$` : ''} with belief $${beliefTex}$; payoffs are ${orientation}.`
    }];
    if (value.kind === 'tree') parts.push(...treeValueParts(value, env, node));
    parts.push(...errorParts(value));
    return parts;
}

/** An error value as a sentence; errors inherited from another declaration say so instead of repeating. */
export function errorParts(value: Value): Part[] {
    if (value.kind !== 'error') return [];
    if (isPending(value)) return [{ type: 'text', tone: 'muted',
        text: 'Being computed in the background; the preview updates when it is ready.' }];
    if (value.dependsOn) return [{ type: 'text', tone: 'muted', text: `Depends on ${value.dependsOn}, which has errors.` }];
    return [{ type: 'text', tone: 'error', text: `${value.code}: ${value.message}` }];
}

/** A name inside Markdown: the characters Markdown would read as emphasis or escapes are escaped. */
function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#|$]/g, ch => `\\${ch}`);
}
