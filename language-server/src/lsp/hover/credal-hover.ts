import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { HoverProvider, LangiumServices } from 'langium/lsp';
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import {
    isAct, isAssert, isBracketApplication, isCall, isComparison, isCredalDeclaration, isDecisionRule, isElement, isEval, isMemberAccess,
    isPolicy, isTreeDeclaration, type Assert, type Eval, type MemberAccess
} from '../../generated/ast.js';
import type { CredalEvaluator, StatementResult } from '../../evaluation/evaluator.js';
import type { SetInference } from '../../linking/set-inference.js';
import { FUNCTION_BY_NAME, shownSignature } from '../../evaluation/builtins.js';
import { genericTitle, RULE_BY_NAME } from '../../evaluation/rule-text.js';
import { declarationKindOf, KIND_WORD } from '../declaration-kinds.js';
import type { CredalSettings, CredalSettingsReader } from '../settings.js';
import { FUNCTIONS_ANCHOR, keywordHover, referenceLink, RULES_ANCHOR } from './keyword-reference.js';
import { cell } from './math-text.js';
import { texMathToUnicode } from './tex-to-unicode.js';
import { valueMarkdown, valueSections, type ValueMarkdownOptions } from './value-markdown.js';
import { failed } from '../guarded.js';
import { sameSite, siteOf } from '../../linking/source-site.js';
import { conventionWordHover } from './convention-hover.js';

type Services = LangiumServices & {
    linking: { SetInference: SetInference };
    evaluation: { Evaluator: CredalEvaluator };
    editor: { Settings: CredalSettingsReader };
};

/** A hover waits at most this long for each engine query (the evaluator's own budget may be larger). */
const HOVER_TIMEOUT_MS = 2000;

/**
 * Hover on any name or query (issue 5.1, UX "Seeing values without asking"): the declaration's kind
 * and set, its doc comment (math as Unicode), and its value from the evaluator with the facts of its
 * kind; on a builtin in a query, the query's value; on `eval`/`assert`, the statement's result; on a
 * rule, what the rule does. Never throws: a failure is no hover.
 */
export class CredalHoverProvider implements HoverProvider {
    private readonly services: Services;

    constructor(services: Services) {
        this.services = services;
    }

    async getHoverContent(document: LangiumDocument, params: HoverParams, cancelToken?: CancellationToken): Promise<Hover | undefined> {
        try {
            const settings = await this.services.editor.Settings.read();
            const value = this.hoverMarkdown(document, params, settings, cancelToken);
            return value ? { contents: { kind: 'markdown', value } } : undefined;
        } catch (error) {
            return failed('hover', error, undefined);
        }
    }

    private hoverMarkdown(document: LangiumDocument, params: HoverParams, settings: CredalSettings,
        token?: CancellationToken): string | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.services.parser.GrammarConfig.nameRegexp);
        if (!leaf || leaf.hidden) {
            return undefined;
        }
        const options = this.options(settings, leaf.astNode, token);
        const target = this.targetOf(leaf);
        if (target) {
            return this.declarationHover(target, options, token);
        }
        const node = leaf.astNode;
        if (isMemberAccess(node) && leaf.text === node.member?.$refText) {
            return this.strategyHover(node, options, token);
        }
        if ((isCall(node) && leaf.text === node.callee) || (isBracketApplication(node) && leaf.text === node.head)) {
            const assessment = this.assessmentHover(node, token);
            if (assessment) {
                return assessment;
            }
        }
        if (isCall(node) && leaf.text === node.callee) {
            return this.callHover(node, options, token);
        }
        if ((isEval(node) || isAssert(node)) && (leaf.text === 'eval' || leaf.text === 'assert')) {
            return `${this.statementHover(node, options, token)}\n\n---\n\n${keywordHover(leaf.text)}`;
        }
        const convention = conventionWordHover(node, leaf.text);
        if (convention) {
            return convention;
        }
        if (isDecisionRule(node)) {
            const rule = RULE_BY_NAME.get(node.rule);
            return rule ? `**${genericTitle(rule)}** (decision rule \`${rule.name}\`)\n\n${rule.doc}\n\n${referenceLink(RULES_ANCHOR)}` : undefined;
        }
        return GrammarAST.isKeyword(leaf.grammarSource) ? keywordHover(leaf.text) : undefined;
    }

    /** The named thing whose name, or a reference to which, the leaf is. */
    private targetOf(leaf: LeafCstNode): AstNode | undefined {
        const declared = this.services.references.References.findDeclarations(leaf)[0];
        if (declared && declarationKindOf(declared)) {
            return declared;
        }
        const own = leaf.astNode;
        const nameNode = this.services.references.NameProvider.getNameNode(own);
        if (declarationKindOf(own) && nameNode && nameNode.offset <= leaf.offset && leaf.end <= nameNode.end) {
            return own;
        }
        return undefined;
    }

    private declarationHover(node: AstNode, options: ValueMarkdownOptions, token?: CancellationToken): string {
        const kind = declarationKindOf(node)!;
        const name = (node as { name?: string }).name ?? '';
        const set = kind === 'set' ? undefined : this.services.linking.SetInference.setOf(node);
        const parts = [`**${KIND_WORD[kind]}** \`${cell(name)}\`${set ? ` on ${cell(set.label)}` : ''}`];
        const doc = this.documentation(node);
        if (doc) {
            parts.push(texMathToUnicode(doc));
        }
        if (isElement(node)) {
            const literal = node.$container;
            const index = literal.elements.indexOf(node);
            parts.push(`element ${index + 1} of ${literal.elements.length}`);
            return parts.join('\n\n');
        }
        if (isAct(node) || isPolicy(node)) {
            const problem = node.$container.$container;
            parts.push(`${isAct(node) ? 'act' : 'policy'} of \`${cell(problem.name)}\``);
            const payoff = isAct(node) ? node.value : node.consistent;
            if (payoff) {
                parts.push(valueMarkdown(this.evaluator.valueOf(payoff, token), options));
            }
            return parts.join('\n\n');
        }
        if (isEval(node)) {
            parts.push(this.resultMarkdown(node, this.evaluator.resultOf(node, token), options));
            return parts.join('\n\n');
        }
        // The picture goes right under the title line: a hover shows ~240 px before it scrolls.
        const { picture, body } = valueSections(this.evaluator.valueOf(node, token), options);
        if (picture) {
            parts.splice(1, 0, picture);
        }
        parts.push(body);
        return parts.join('\n\n');
    }

    /**
     * `T.strategy` (LANGUAGE §9.2): a strategy has no declaration of its own; its value is its gamble,
     * read off the tree (cheap, so shown even inside a query computed in the background).
     */
    private strategyHover(access: MemberAccess, options: ValueMarkdownOptions, token?: CancellationToken): string | undefined {
        const declaration = access.receiver.ref.ref;
        if (!isTreeDeclaration(declaration)) return undefined;
        const name = access.member?.$refText ?? '';
        const set = this.services.linking.SetInference.setOf(declaration);
        const title = `**strategy** \`${cell(name)}\` of the decision tree \`${cell(declaration.name)}\`: a gamble`
            + (set ? ` on ${cell(set.label)}` : '');
        const tree = this.evaluator.valueOf(declaration, token);
        if (tree.kind !== 'tree') return `${title}\n\n${valueMarkdown(tree, options)}`;
        const list = options.facts.treeFacts(tree, declaration).strategies(options.limits);
        if (!list.ok) return `${title}\n\n⚠ \`${list.error.code}\` ${cell(list.error.message)}`;
        const strategy = list.value.find((s) => s.name === name);
        return strategy ? `${title}\n\n${valueMarkdown({ kind: 'gamble', set: tree.set, f: [...strategy.gamble] }, options)}` : undefined;
    }

    private callHover(call: AstNode & { callee: string }, options: ValueMarkdownOptions, token?: CancellationToken): string {
        const builtin = FUNCTION_BY_NAME.get(call.callee);
        const parts: string[] = [];
        if (builtin) {
            parts.push(`**${shownSignature(builtin)}** → ${builtin.returns}\n\n${builtin.doc}\n\n${referenceLink(FUNCTIONS_ANCHOR)}`);
        }
        // A query's value is shown where it is asked: inside an eval or an assert.
        if (AstUtils.getContainerOfType(call, node => isEval(node) || isAssert(node))) {
            const source = (call.$cstNode?.text ?? call.callee).replace(/\s+/g, ' ');
            parts.push(`\`${cell(source)}\`\n\n${valueMarkdown(this.evaluator.valueOf(call, token), options)}`);
        }
        return parts.join('\n\n---\n\n');
    }

    /** `P(A | B) >= l` in a constraint block (v1.1 §8.1): the linear form the conditional assessment stands for. */
    private assessmentHover(term: AstNode, token?: CancellationToken): string | undefined {
        const link = AstUtils.getContainerOfType(term, isComparison);
        const declaration = link && AstUtils.getContainerOfType(link, isCredalDeclaration);
        if (!link || !declaration) {
            return undefined;
        }
        const value = this.evaluator.valueOf(declaration, token);
        const source = value.kind === 'credal' ? [...value.sources?.constraints?.values() ?? []].find(s => sameSite(s.at, siteOf(link))) : undefined;
        if (!source?.conditional) {
            return undefined;
        }
        const written = (link.$cstNode?.text ?? '').replace(/\s+/g, ' ');
        return `**conditional assessment** \`${cell(written)}\`\n\nstands for the linear constraint${source.conditional.length > 1 ? 's' : ''} `
            + `${source.conditional.map(form => `\`${cell(form)}\``).join(' and ')} (Walley's assessment multiplied out; `
            + 'distributions with P(B) = 0 satisfy it)';
    }

    private statementHover(statement: Eval | Assert, options: ValueMarkdownOptions, token?: CancellationToken): string {
        return this.resultMarkdown(statement, this.evaluator.resultOf(statement, token), options);
    }

    private resultMarkdown(statement: Eval | Assert, result: StatementResult, options: ValueMarkdownOptions): string {
        const source = (statement.value?.$cstNode?.text ?? '').replace(/\s+/g, ' ');
        if (result.kind === 'eval') {
            return `\`${cell(source)}\`\n\n${valueMarkdown(result.value, options)}`;
        }
        if (result.ok) {
            return `✓ **holds**: \`${cell(source)}\`\n\n${result.left ? valueMarkdown(result.left, options) : ''}`;
        }
        const sides = result.left && result.right
            ? `\n\nleft: ${valueMarkdown(result.left, options)}\n\nright: ${valueMarkdown(result.right, options)}`
            : `\n\n${valueMarkdown(result.value, options)}`;
        return `✗ **fails**: \`${cell(source)}\`${sides}`;
    }

    private options(settings: CredalSettings, where: AstNode, token?: CancellationToken): ValueMarkdownOptions {
        const facts = this.evaluator.facts;
        return {
            places: settings.evaluation.decimalPlaces,
            maxVertices: settings.hover.maxVertices,
            pictures: settings.hover.pictures,
            facts,
            limits: facts.limits({ token, timeoutMs: HOVER_TIMEOUT_MS }),
            where
        };
    }

    private get evaluator(): CredalEvaluator {
        return this.services.evaluation.Evaluator;
    }

    private documentation(node: AstNode): string | undefined {
        try {
            return this.services.documentation.DocumentationProvider.getDocumentation(node);
        } catch (error) {
            return failed('hover', error, undefined);
        }
    }
}

