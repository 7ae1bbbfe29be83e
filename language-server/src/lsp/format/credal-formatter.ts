import type { LangiumDocument } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, FormattingOptions, TextEdit
} from 'vscode-languageserver';
import type { Model } from '../../generated/ast.js';
import type { CredalSettingsReader, OperatorSpelling } from '../settings.js';
import { layoutTokens } from './layout.js';
import { analyseRoles, sourceTokens, type SourceToken } from './token-roles.js';
import { operatorMeaning } from './operator-spelling.js';
import { failed } from '../guarded.js';

interface FormatRequest {
    readonly operators: OperatorSpelling;
    readonly alignMappings: boolean;
    readonly options: FormattingOptions;
}

/**
 * The formatter (issue 5.6). It changes only whitespace and operator spellings: every other token,
 * every comment and every prose block is copied byte for byte. It formats only a note that parses
 * without errors, and checks its own output by lexing it again (same tokens, same meanings); if
 * anything differs it returns no edits rather than risk the note.
 */
export class CredalFormatter implements Formatter {
    private readonly services: LangiumServices;
    private readonly settings: () => CredalSettingsReader;

    constructor(services: LangiumServices & { editor: { Settings: CredalSettingsReader } }) {
        this.services = services;
        this.settings = () => services.editor.Settings;
    }

    async formatDocument(document: LangiumDocument, params: DocumentFormattingParams): Promise<TextEdit[]> {
        return this.edits(document, await this.request(params.options));
    }

    async formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): Promise<TextEdit[]> {
        const edits = this.edits(document, await this.request(params.options));
        const start = document.textDocument.offsetAt(params.range.start);
        const end = document.textDocument.offsetAt(params.range.end);
        return edits.filter(edit => {
            const from = document.textDocument.offsetAt(edit.range.start);
            const to = document.textDocument.offsetAt(edit.range.end);
            return from >= start && to <= end;
        });
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** The formatted text of a note, or undefined when it cannot be formatted safely. */
    formatText(document: LangiumDocument, request: FormatRequest): string | undefined {
        try {
            const result = this.layout(document, request);
            return result?.text;
        } catch (error) {
            return failed('formatting', error, undefined);
        }
    }

    private async request(options: FormattingOptions): Promise<FormatRequest> {
        const settings = await this.settings().read();
        return { operators: settings.format.operators, alignMappings: settings.format.alignMappings, options };
    }

    private edits(document: LangiumDocument, request: FormatRequest): TextEdit[] {
        try {
            const result = this.layout(document, request);
            if (!result) {
                return [];
            }
            const { tokens, gaps, texts, source } = result;
            const edits: TextEdit[] = [];
            const position = (offset: number) => document.textDocument.positionAt(offset);
            const replace = (from: number, to: number, newText: string) => {
                if (source.slice(from, to) !== newText) {
                    edits.push({ range: { start: position(from), end: position(to) }, newText });
                }
            };
            let previousEnd = 0;
            tokens.forEach((token, i) => {
                if (texts[i] !== token.text) {
                    // One edit for the space before a respelled operator and the operator: never two edits at one point.
                    replace(previousEnd, token.end, gaps[i] + texts[i]);
                } else {
                    replace(previousEnd, token.offset, gaps[i]);
                }
                previousEnd = token.end;
            });
            replace(previousEnd, source.length, gaps[tokens.length]);
            return edits;
        } catch (error) {
            return failed('formatting', error, []);
        }
    }

    private layout(document: LangiumDocument, request: FormatRequest) {
        const { parseResult } = document;
        if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) {
            return undefined;
        }
        const source = document.textDocument.getText();
        const tokens = sourceTokens(this.services.parser.Lexer.tokenize(source));
        const roles = analyseRoles(parseResult.value as Model, source);
        const indent = request.options.insertSpaces === false ? '\t' : ' '.repeat(clampTab(request.options.tabSize));
        const newline = source.includes('\r\n') ? '\r\n' : '\n';
        const { gaps, texts } = layoutTokens(source, tokens, roles, {
            operators: request.operators, alignMappings: request.alignMappings, indent, newline
        });
        const text = tokens.map((_, i) => gaps[i] + texts[i]).join('') + gaps[tokens.length];
        if (!this.sameTokens(tokens, text, roles.operators)) {
            return undefined;
        }
        return { tokens, gaps, texts, source, text };
    }

    /** The output lexes to the same tokens, with operators of the same meaning and comments unchanged. */
    private sameTokens(before: readonly SourceToken[], text: string, operators: ReadonlyMap<number, { rule: string }>): boolean {
        const lexed = this.services.parser.Lexer.tokenize(text);
        if (lexed.errors.length > 0) {
            return false;
        }
        const after = sourceTokens(lexed);
        if (after.length !== before.length) {
            return false;
        }
        return before.every((token, i) => {
            const operator = operators.get(token.offset);
            return operator
                ? operatorMeaning(operator.rule, token.text) === operatorMeaning(operator.rule, after[i].text)
                : token.text === after[i].text;
        });
    }
}

function clampTab(size: number | undefined): number {
    return typeof size === 'number' && Number.isInteger(size) && size >= 1 && size <= 8 ? size : 2;
}
