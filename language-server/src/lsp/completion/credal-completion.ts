import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CompletionProvider, CompletionProviderOptions, LangiumServices } from 'langium/lsp';
import {
    CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams, type Range
} from 'vscode-languageserver';
import { isCall, isDdtDeclaration, isDecisionDeclaration, isModel, isTreeDeclaration, type Model } from '../../generated/ast.js';
import { actsOf } from '../../linking/credal-scope-provider.js';
import type { SetInference } from '../../linking/set-inference.js';
import { syntacticStrategyNames } from '../../linking/tree-strategy-names.js';
import { elementNames, sameSet, type SetShape } from '../../linking/set-shape.js';
import { FUNCTIONS, shownSignature, type Slot } from '../../evaluation/builtins.js';
import { genericTitle, RULES } from '../../evaluation/rule-text.js';
import { CONVENTION_WORDS, conventionWordDoc, type ConventionKey } from '../../evaluation/conventions.js';
import { declarationKindOf, KIND_WORD, type DeclarationKind } from '../declaration-kinds.js';
import type { CredalSettingsReader } from '../settings.js';
import { completionContext, type CallSite, type CompletionContext, type DeclarationHead, type PlainToken } from './completion-context.js';
import { LATEX_GREEK, LATEX_OPERATORS } from './latex-symbols.js';
import { declarationSnippets } from './snippets.js';
import { failed } from '../guarded.js';

type Services = LangiumServices & { linking: { SetInference: SetInference }; editor: { Settings: CredalSettingsReader } };

const ITEM_KIND: Readonly<Record<DeclarationKind, CompletionItemKind>> = {
    constant: CompletionItemKind.Constant, set: CompletionItemKind.Enum, element: CompletionItemKind.EnumMember,
    event: CompletionItemKind.Event, distribution: CompletionItemKind.Variable, gamble: CompletionItemKind.Function,
    credal: CompletionItemKind.Class, decision: CompletionItemKind.Module, ddt: CompletionItemKind.Module, tree: CompletionItemKind.Module,
    act: CompletionItemKind.Method, policy: CompletionItemKind.Method, result: CompletionItemKind.Value,
    infra: CompletionItemKind.Class,
    kernel: CompletionItemKind.Function
};

const ACCEPTS: Readonly<Record<Slot, readonly DeclarationKind[]>> = {
    credal: ['credal', 'distribution'], distribution: ['distribution'], event: ['event'], gamble: ['gamble', 'constant'],
    eventOrGamble: ['event', 'gamble', 'constant'], set: ['set'], problem: ['decision', 'ddt', 'tree'], ddt: ['ddt'], rule: [],
    conditioningRule: [],
    act: [], element: [], number: ['constant', 'result'],
    infra: ['infra', 'credal', 'distribution'], kernel: ['kernel'],
    any: ['constant', 'set', 'event', 'distribution', 'gamble', 'credal', 'decision', 'ddt', 'tree', 'result', 'infra', 'kernel']
};

/** Slots whose names must live on the set of the call's first argument (`lowerE(K, f)`: f on K's set). */
const SAME_SET_SLOTS: ReadonlySet<Slot> = new Set(['event', 'gamble', 'eventOrGamble', 'distribution']);

const WORD_AT_CURSOR = /(?:\\[A-Za-z]*|[A-Za-z_0-9\u0370-\u03FF\u1F00-\u1FFF][A-Za-z0-9_'\u2032\u2033\u0370-\u03FF\u1F00-\u1FFF]*)$/;

/**
 * Completion by slot (issue 5.4). The context is read from the tokens before the cursor, so it works
 * while the note is half-typed; names come from the parsed declarations and are offered only where
 * their kind fits (a credal set where one is expected, gambles on the credal set's own set, the
 * elements of the literal's set, the acts of the problem, rule names in `choose`/`value`); `\cu`
 * offers `∪`.
 */
export class CredalCompletionProvider implements CompletionProvider {
    readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['\\', '(', '{', ',', '[', '|'] };
    private readonly services: Services;

    constructor(services: Services) {
        this.services = services;
    }

    async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        try {
            const settings = await this.services.editor.Settings.read();
            return { isIncomplete: false, items: this.items(document, params, settings.format.operators) };
        } catch (error) {
            return failed('completion', error, { isIncomplete: false, items: [] });
        }
    }

    private items(document: LangiumDocument, params: CompletionParams,
        spelling: Parameters<typeof declarationSnippets>[0]): CompletionItem[] {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const word = WORD_AT_CURSOR.exec(text.slice(lineStart, offset))?.[0] ?? '';
        const wordStart = offset - word.length;
        const range: Range = { start: document.textDocument.positionAt(wordStart), end: params.position };
        if (this.inCommentOrProse(document, wordStart, offset)) {
            return [];
        }
        if (word.startsWith('\\')) {
            return [...LATEX_OPERATORS, ...LATEX_GREEK].map((symbol, k) => ({
                label: symbol.command,
                kind: CompletionItemKind.Operator,
                detail: `${symbol.symbol}  ${symbol.meaning}`,
                filterText: symbol.command,
                sortText: String(k).padStart(3, '0'),
                textEdit: { range, newText: symbol.symbol }
            }));
        }
        const tokens = this.tokensBefore(text.slice(0, wordStart));
        const atLineStart = text.slice(lineStart, wordStart).trim() === '';
        const context = completionContext(tokens, atLineStart);
        const model = document.parseResult.value;
        return this.itemsFor(context, isModel(model) ? model : undefined, document, range, spelling);
    }

    private itemsFor(context: CompletionContext, model: Model | undefined, document: LangiumDocument, range: Range,
        spelling: Parameters<typeof declarationSnippets>[0]): CompletionItem[] {
        switch (context.kind) {
            case 'statement':
                return declarationSnippets(spelling).map((snippet, k) => ({
                    label: snippet.label, kind: CompletionItemKind.Snippet, detail: snippet.detail,
                    insertTextFormat: InsertTextFormat.Snippet, sortText: `0${String(k).padStart(2, '0')}`,
                    textEdit: { range, newText: snippet.body }
                }));
            case 'words':
                return context.words.map(word => ({ label: word, kind: CompletionItemKind.Keyword, textEdit: { range, newText: word } }));
            case 'clause': {
                const words = context.problem === 'ddt'
                    ? ['belief', 'policies', 'utility', 'loss', 'semantics', 'inconsistent', 'behaviour']
                    : ['belief', 'acts', 'losses'];
                return words.map(word => ({ label: word, kind: CompletionItemKind.Keyword, textEdit: { range, newText: word } }));
            }
            case 'convention':
                return conventionWordItems(context.key, range);
            case 'acts':
                return this.actItems(model, context.problem, range);
            case 'elements':
                return this.elementItems(context, model, document, range);
            case 'declaration-value':
                return this.declarationValueItems(context.declaration, model, range);
            case 'slot':
                if (context.slot === 'rule') return ruleItems(range);
                if (context.slot === 'conditioningRule') return conventionWordItems('conditioning', range);
                return this.nameItems(model, context.slot, context.call, range);
            case 'none':
                return [];
        }
    }

    private nameItems(model: Model | undefined, slot: Slot, call: CallSite | undefined, range: Range): CompletionItem[] {
        const accepted = new Set(ACCEPTS[slot]);
        const wanted = call?.firstName && SAME_SET_SLOTS.has(slot) ? this.setOfName(model, call.firstName) : undefined;
        const items = this.declarations(model)
            .filter(({ kind, node }) => accepted.has(kind) && !(wanted && this.livesElsewhere(node, wanted)))
            .map(({ node, kind, name }) => this.nameItem(node, kind, name, range));
        if (slot === 'any' || slot === 'number') {
            items.push(...FUNCTIONS.filter(builtin => slot === 'any' || builtin.returns === 'number').map(builtin => ({
                label: builtin.name,
                kind: CompletionItemKind.Function,
                detail: shownSignature(builtin),
                documentation: builtin.doc,
                sortText: `2${builtin.name}`,
                insertTextFormat: InsertTextFormat.Snippet,
                textEdit: { range, newText: builtin.name === 'hull' ? 'hull{$1}' : `${builtin.name}($1)` }
            })));
        }
        if (slot === 'credal') {
            items.push(...['vacuous', 'hull{$1}', 'contamination($1, $2)', 'tvball($1, $2)'].map(body => ({
                label: body.replace(/[({].*$/, ''), kind: CompletionItemKind.Function, detail: 'credal-set constructor',
                sortText: `2${body}`, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: body }
            })));
        }
        return items;
    }

    private declarationValueItems(head: DeclarationHead, model: Model | undefined, range: Range): CompletionItem[] {
        const slot: Slot = head.keyword === 'credal' ? 'credal' : head.keyword === 'dist' ? 'distribution'
            : head.keyword === 'event' ? 'event' : head.keyword === 'gamble' ? 'gamble' : head.keyword === 'set' ? 'set' : 'any';
        const items = this.nameItems(model, slot, undefined, range);
        const constructors: Record<string, string[]> = {
            dist: ['uniform', 'point($1)', 'mix($1: $2, $3: $4)'],
            event: ['compl($1)', 'all', 'none'],
            credal: []
        };
        for (const body of constructors[head.keyword] ?? []) {
            items.push({ label: body.replace(/\(.*$/, ''), kind: CompletionItemKind.Function, sortText: `2${body}`,
                insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: body } });
        }
        return items;
    }

    private elementItems(context: Extract<CompletionContext, { kind: 'elements' }>, model: Model | undefined, document: LangiumDocument,
        range: Range): CompletionItem[] {
        const set = this.literalSet(context, model, document);
        const items: CompletionItem[] = [];
        if (set) {
            const factors = context.factor !== undefined && set.factors[context.factor] ? [set.factors[context.factor]] : set.factors;
            const names = factors.length === 1 ? elementNames(factors[0], 500) : productLabels(factors.map(factor => elementNames(factor,
                50)), 200);
            names.forEach((name, k) => items.push({
                label: name, kind: CompletionItemKind.EnumMember, detail: `element of ${set.label}`,
                sortText: `0${String(k).padStart(4, '0')}`, textEdit: { range, newText: name }
            }));
        }
        if (context.declaration?.keyword === 'credal' && !context.call) {
            items.push(
                { label: 'P(…)', kind: CompletionItemKind.Snippet, detail: 'probability of an event under the unknown member',
                    insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: 'P({$1}) ${2:>=} ${3:1/10}' } },
                { label: 'E[…]', kind: CompletionItemKind.Snippet, detail: 'expectation of a gamble under the unknown member',
                    insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: 'E[$1] ${2:>=} ${3:0}' } }
            );
        }
        return items;
    }

    private actItems(model: Model | undefined, problemName: string, range: Range): CompletionItem[] {
        const problem = this.declarations(model).find(entry => entry.name === problemName && (entry.kind === 'decision' || entry.kind === 'ddt' || entry.kind === 'tree'));
        if (problem && isTreeDeclaration(problem.node)) {
            return (syntacticStrategyNames(problem.node) ?? []).map(name => ({ label: name, kind: CompletionItemKind.EnumMember, detail: `strategy of ${problemName}`, textEdit: { range, newText: name } }));
        }
        if (!problem || !(isDecisionDeclaration(problem.node) || isDdtDeclaration(problem.node))) {
            return [];
        }
        return actsOf(problem.node).flatMap(act => {
            const kind = declarationKindOf(act);
            const name = (act as { name?: string }).name;
            return kind && name ? [{ label: name, kind: ITEM_KIND[kind], detail: `${KIND_WORD[kind]} of ${problemName}`, textEdit: { range,
                newText: name } }] : [];
        });
    }

    /** The set whose elements a literal at the cursor names. */
    private literalSet(context: Extract<CompletionContext, { kind: 'elements' }>, model: Model | undefined,
        document: LangiumDocument): SetShape | undefined {
        const inference = this.services.linking.SetInference;
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, context.braceOffset) : undefined;
        const node = leaf?.astNode;
        if (node && (node.$type === 'BraceLiteral' || (isCall(node) && node.callee === 'point'))) {
            const fromAst = inference.contextSetOf(node);
            if (fromAst) {
                return fromAst;
            }
        }
        if (context.call?.firstName) {
            const fromCall = this.setOfName(model, context.call.firstName);
            if (fromCall) {
                return fromCall;
            }
        }
        if (context.declaration?.on) {
            return this.setOfName(model, context.declaration.on);
        }
        return context.declaration?.name ? this.setOfName(model, context.declaration.name) : undefined;
    }

    private setOfName(model: Model | undefined, name: string): SetShape | undefined {
        const declaration = this.declarations(model).find(entry => entry.name === name);
        return declaration ? this.services.linking.SetInference.setOf(declaration.node) : undefined;
    }

    private livesElsewhere(node: AstNode, wanted: SetShape): boolean {
        const own = this.services.linking.SetInference.setOf(node);
        return own !== undefined && !sameSet(own, wanted);
    }

    private declarations(model: Model | undefined): { node: AstNode; kind: DeclarationKind; name: string }[] {
        return (model?.statements ?? []).flatMap(node => {
            const kind = declarationKindOf(node);
            const name = (node as { name?: unknown }).name;
            return kind && typeof name === 'string' && name !== '' ? [{ node, kind, name }] : [];
        });
    }

    private nameItem(node: AstNode, kind: DeclarationKind, name: string, range: Range): CompletionItem {
        const set = kind === 'set' ? undefined : this.services.linking.SetInference.setOf(node);
        const documentation = this.documentation(node);
        return {
            label: name,
            kind: ITEM_KIND[kind],
            detail: `${KIND_WORD[kind]}${set ? ` on ${set.label}` : ''}`,
            ...(documentation ? { documentation: { kind: 'markdown', value: documentation } } : {}),
            sortText: `1${name}`,
            textEdit: { range, newText: name }
        };
    }

    private documentation(node: AstNode): string | undefined {
        try {
            return this.services.documentation.DocumentationProvider.getDocumentation(node);
        } catch (error) {
            return failed('completion', error, undefined);
        }
    }

    private tokensBefore(text: string): PlainToken[] {
        const lexed = this.services.parser.Lexer.tokenize(text);
        return lexed.tokens.map(token => ({ text: token.image, offset: token.startOffset }));
    }

    private inCommentOrProse(document: LangiumDocument, wordStart: number, offset: number): boolean {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, Math.max(0, wordStart - 1)) : undefined;
        if (leaf && (leaf.hidden || leaf.text.startsWith('/*!')) && leaf.offset < offset && leaf.end >= offset) {
            return !leaf.text.startsWith('//') || leaf.end >= offset;
        }
        return false;
    }
}

/** The words of a convention, each with what it means (the setting's description). */
function conventionWordItems(key: ConventionKey, range: Range): CompletionItem[] {
    return CONVENTION_WORDS[key].map((word, k) => ({
        label: word,
        kind: CompletionItemKind.EnumMember,
        documentation: conventionWordDoc(key, word),
        sortText: String(k).padStart(2, '0'),
        textEdit: { range, newText: word }
    }));
}

function ruleItems(range: Range): CompletionItem[] {
    return RULES.map((rule, k) => ({
        label: rule.name,
        kind: CompletionItemKind.EnumMember,
        detail: genericTitle(rule),
        documentation: rule.doc,
        sortText: String(k),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: rule.name === 'hurwicz' ? 'hurwicz(${1:1/2})' : rule.name }
    }));
}

/** `(a, x)`, `(a, y)`, … for a product, at most `limit` of them. */
function productLabels(factors: readonly string[][], limit: number): string[] {
    let tuples: string[][] = [[]];
    for (const names of factors) {
        tuples = tuples.flatMap(prefix => names.map(name => [...prefix, name])).slice(0, limit);
    }
    return tuples.map(tuple => `(${tuple.join(', ')})`);
}
