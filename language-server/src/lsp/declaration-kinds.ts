import type { AstNode } from 'langium';
import { SymbolKind } from 'vscode-languageserver';

/**
 * What a named thing of a note is, from its declaration alone: the vocabulary shared by the outline,
 * semantic highlighting, completion and hover. (A named `eval` is a `result`; what value it holds is
 * the evaluator's business.)
 */
export type DeclarationKind =
    | 'constant' | 'set' | 'element' | 'event' | 'distribution' | 'gamble' | 'credal' | 'decision' | 'ddt'
    | 'tree' | 'act' | 'policy' | 'result' | 'infra' | 'kernel';

export function declarationKindOf(node: AstNode | undefined): DeclarationKind | undefined {
    switch (node?.$type) {
        case 'LetDeclaration': return 'constant';
        case 'SetDeclaration': return 'set';
        case 'Element': return 'element';
        case 'EventDeclaration': return 'event';
        case 'DistDeclaration': return 'distribution';
        case 'GambleDeclaration': return 'gamble';
        case 'CredalDeclaration': return 'credal';
        case 'DecisionDeclaration': return 'decision';
        case 'DdtDeclaration': return 'ddt';
        case 'TreeDeclaration': return 'tree';
        case 'Act': return 'act';
        case 'Policy': return 'policy';
        case 'Eval': return 'result';
        case 'InfraDeclaration': return 'infra';
        case 'KernelDeclaration': return 'kernel';
        default: return undefined;
    }
}

/** Words for kinds in hovers and completion details. */
export const KIND_WORD: Readonly<Record<DeclarationKind, string>> = {
    constant: 'constant', set: 'finite set', element: 'element', event: 'event', distribution: 'distribution',
    gamble: 'gamble', credal: 'credal set', decision: 'decision problem', ddt: 'DDT problem', tree: 'decision tree', act: 'act',
    policy: 'policy', result: 'named result', infra: 'infradistribution', kernel: 'infrakernel'
};

/** Outline icons: sets as types, their elements as enum members, problems as modules with their acts. */
export const KIND_SYMBOL: Readonly<Record<DeclarationKind, SymbolKind>> = {
    constant: SymbolKind.Constant, set: SymbolKind.Enum, element: SymbolKind.EnumMember, event: SymbolKind.Event,
    distribution: SymbolKind.Variable, gamble: SymbolKind.Function, credal: SymbolKind.Class,
    decision: SymbolKind.Module, ddt: SymbolKind.Module, tree: SymbolKind.Module, act: SymbolKind.Method, policy: SymbolKind.Method,
    result: SymbolKind.Variable, infra: SymbolKind.Class, kernel: SymbolKind.Function
};
