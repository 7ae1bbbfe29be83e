import type { AstNode, LangiumDocument, Properties } from 'langium';
import {
    AbstractSemanticTokenProvider, AllSemanticTokenModifiers, AllSemanticTokenTypes, SemanticTokensBuilder,
    type LangiumServices, type SemanticTokenAcceptor
} from 'langium/lsp';
import {
    CancellationToken, SemanticTokenModifiers, SemanticTokenTypes, type Range, type SemanticTokens, type SemanticTokensDeltaParams,
    type SemanticTokensOptions, type SemanticTokensParams, type SemanticTokensRangeParams
} from 'vscode-languageserver';
import {
    isBracketApplication, isCall, isDecimal, isDecisionRule, isInteger, isNameRef, isSetRef
} from '../generated/ast.js';
import { targetOf } from '../linking/safe-ref.js';
import { FUNCTION_BY_NAME } from '../evaluation/builtins.js';
import { declarationKindOf, type DeclarationKind } from './declaration-kinds.js';
import { failed } from './guarded.js';

/**
 * Token types of Credal, each declared in package.json `contributes.semanticTokenTypes` with a
 * standard super type, so any theme colours them and a user can colour each kind apart.
 */
export const CREDAL_TOKEN_TYPES = {
    finiteSet: SemanticTokenTypes.type,
    element: SemanticTokenTypes.enumMember,
    credalEvent: SemanticTokenTypes.event,
    distribution: SemanticTokenTypes.variable,
    credalSet: SemanticTokenTypes.class,
    gamble: SemanticTokenTypes.function,
    decisionProblem: SemanticTokenTypes.namespace,
    ddtProblem: SemanticTokenTypes.namespace,
    constant: SemanticTokenTypes.variable,
    act: SemanticTokenTypes.method,
    result: SemanticTokenTypes.variable,
    decisionRule: SemanticTokenTypes.enumMember,
    builtin: SemanticTokenTypes.function
} as const;

export type CredalTokenType = keyof typeof CREDAL_TOKEN_TYPES;

const TOKEN_OF_KIND: Readonly<Record<DeclarationKind, CredalTokenType | undefined>> = {
    constant: 'constant', set: 'finiteSet', element: 'element', event: 'credalEvent', distribution: 'distribution',
    gamble: 'gamble', credal: 'credalSet', decision: 'decisionProblem', ddt: 'ddtProblem', tree: 'decisionProblem', act: 'act',
    policy: 'act', result: 'result', infra: 'credalSet', kernel: 'builtin'
};

const TOKEN_TYPES: Record<string, number> = (() => {
    const types: Record<string, number> = { ...AllSemanticTokenTypes };
    let next = Math.max(...Object.values(types)) + 1;
    for (const name of Object.keys(CREDAL_TOKEN_TYPES)) {
        types[name] = next++;
    }
    return types;
})();

/**
 * Semantic highlighting by what a name denotes, not how it looks: the same identifier is coloured as
 * a set, an element, a distribution, a credal set, a gamble, a decision problem, … according to its
 * declaration (declarations carry the `declaration` modifier, `let` constants `readonly`); builtin
 * functions and rules carry `defaultLibrary`.
 */
export class CredalSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    override get tokenTypes(): Record<string, number> {
        return TOKEN_TYPES;
    }

    override get tokenModifiers(): Record<string, number> {
        return AllSemanticTokenModifiers;
    }

    override get semanticTokensOptions(): SemanticTokensOptions {
        return {
            legend: { tokenTypes: Object.keys(this.tokenTypes), tokenModifiers: Object.keys(this.tokenModifiers) },
            full: { delta: false },
            range: true
        };
    }

    override semanticHighlight(document: LangiumDocument, _params: SemanticTokensParams,
        cancelToken = CancellationToken.None): Promise<SemanticTokens> {
        return this.highlightInOwnRequest(document, undefined, cancelToken);
    }

    override semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams,
        cancelToken = CancellationToken.None): Promise<SemanticTokens> {
        return this.highlightInOwnRequest(document, params.range, cancelToken);
    }

    /** Deltas are not offered (`full.delta: false`); a client that asks anyway gets the whole list, which LSP allows. */
    override semanticHighlightDelta(document: LangiumDocument, _params: SemanticTokensDeltaParams,
        cancelToken = CancellationToken.None): Promise<SemanticTokens> {
        return this.highlightInOwnRequest(document, undefined, cancelToken);
    }

    /**
     * Langium's base keeps the request's document, range and token builder in fields of this shared
     * provider (and one builder per document), so a whole-document and a range request running at once
     * write into each other's results (overlapping tokens). Each request here runs on its own object that
     * inherits every method from this provider but shadows those three fields, with a fresh builder, so
     * concurrent and cancelled requests cannot leak tokens into one another.
     */
    private async highlightInOwnRequest(document: LangiumDocument, range: Range | undefined,
        cancelToken: CancellationToken): Promise<SemanticTokens> {
        const request: this = Object.create(this);
        request.currentDocument = document;
        request.currentRange = range;
        request.currentTokensBuilder = new SemanticTokensBuilder();
        await request.computeHighlighting(document, request.createAcceptor(), cancelToken);
        return request.currentTokensBuilder.build();
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        try {
            this.highlight(node, acceptor);
        } catch (error) {
            // A half-parsed node gets no colour rather than failing the whole request.
            failed('semantic tokens', error, undefined);
        }
    }

    private highlight(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const ownKind = declarationKindOf(node);
        if (ownKind && typeof (node as { name?: unknown }).name === 'string') {
            const type = TOKEN_OF_KIND[ownKind];
            if (type) {
                const modifier = ownKind === 'constant'
                    ? [SemanticTokenModifiers.declaration, SemanticTokenModifiers.readonly]
                    : SemanticTokenModifiers.declaration;
                acceptor({ node, property: 'name', type, modifier });
            }
            return;
        }
        if (isNameRef(node)) {
            this.reference(node, 'ref', targetOf(node.ref), acceptor);
        } else if (isSetRef(node)) {
            this.reference(node, 'set', targetOf(node.set), acceptor);
        } else if (isInteger(node)) {
            const target = targetOf(node.element);
            if (target) {
                this.reference(node, 'element', target, acceptor);
            } else {
                acceptor({ node, property: 'element', type: SemanticTokenTypes.number });
            }
        } else if (isDecimal(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isCall(node)) {
            if (node.callee === 'hurwicz') {
                acceptor({ node, property: 'callee', type: 'decisionRule', modifier: SemanticTokenModifiers.defaultLibrary });
            } else if (FUNCTION_BY_NAME.has(node.callee)) {
                acceptor({ node, property: 'callee', type: 'builtin', modifier: SemanticTokenModifiers.defaultLibrary });
            }
        } else if (isBracketApplication(node) && node.head === 'E') {
            acceptor({ node, property: 'head', type: 'builtin', modifier: SemanticTokenModifiers.defaultLibrary });
        } else if (isDecisionRule(node)) {
            acceptor({ node, property: 'rule', type: 'decisionRule', modifier: SemanticTokenModifiers.defaultLibrary });
        }
    }

    private reference<N extends AstNode>(node: N, property: Properties<N>, target: AstNode | undefined,
        acceptor: SemanticTokenAcceptor): void {
        const kind = declarationKindOf(target);
        const type = kind && TOKEN_OF_KIND[kind];
        if (type) {
            acceptor({ node, property, type, modifier: kind === 'constant' ? SemanticTokenModifiers.readonly : undefined });
        }
    }
}
