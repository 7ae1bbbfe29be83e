import type { IRecognitionException, IToken } from 'chevrotain';
import {
    DefaultDocumentValidator, DocumentValidator, type AstNode, type DiagnosticInfo, type LangiumDocument,
    type ParseResult, type ValidationOptions
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic, Range } from 'vscode-languageserver';
import type { CredalLinkingError } from '../linking/credal-linker.js';
import { closerHasOpener, openBracketsBefore } from '../syntax/bracket-context.js';
import { orList, type CredalParserErrorMessageProvider } from '../syntax/parser-messages.js';
import { describeFound, STATEMENT_KEYWORDS } from '../syntax/token-words.js';
import { IssueCodes, knownCode } from '../diagnostics/codes.js';

/**
 * Langium's built-in diagnostics (lexing, parsing, linking) with Credal codes and readable messages:
 * E-SYNTAX says which bracket is unclosed and where it was opened; unresolved references carry
 * E-UNRESOLVED / E-ELEM-UNKNOWN; an integer that is simply a number is not reported at all.
 */
export class CredalDocumentValidator extends DefaultDocumentValidator {
    private readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        super(services);
        this.services = services;
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        // A lexer error may carry its own code (E-TOO-LARGE, robustness/guarded-parsers.ts).
        const errors = parseResult.lexerErrors as ReadonlyArray<{ code?: string }>;
        for (const [index, diagnostic] of diagnostics.slice(start).entries()) {
            diagnostic.data = { code: knownCode(errors[index]?.code) ?? IssueCodes.Syntax };
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        if (parseResult.parserErrors.length === 0) return;
        const text = parseResult.value.$cstNode?.root.fullText ?? '';
        const tokens = this.services.parser.Lexer.tokenize(text).tokens;
        const messages = this.services.parser.ParserErrorMessageProvider as CredalParserErrorMessageProvider;
        let previousRange: Range | undefined;
        for (const error of parseResult.parserErrors) {
            const range = errorRange(error);
            // Recovery can report the same spot twice; once is enough.
            if (!range || (previousRange && sameRange(range, previousRange))) {
                continue;
            }
            previousRange = range;
            diagnostics.push({
                severity: 1,
                range,
                message: refineSyntaxMessage(error, tokens, messages),
                data: { code: IssueCodes.Syntax },
                source: this.getSource()
            });
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error as CredalLinkingError | undefined;
            if (!error || error.silent) {
                continue;
            }
            const range = reference.$refNode?.range;
            const info: DiagnosticInfo<AstNode, string> = {
                node: error.info.container,
                range,
                property: error.info.property,
                index: error.info.index,
                data: {
                    code: error.code ?? IssueCodes.Unresolved,
                    refText: reference.$refText,
                    linkingError: DocumentValidator.LinkingError,
                    // The did-you-mean for the quick fix: the name, and the text it replaces.
                    ...(error.suggestion && range ? { suggestion: error.suggestion, replaceRange: range } : {})
                }
            };
            diagnostics.push(this.toDiagnostic('error', error.message, info));
        }
    }
}

function errorRange(error: IRecognitionException): Range | undefined {
    const token = error.token;
    if (isReal(token)) {
        return {
            start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
            end: { line: token.endLine! - 1, character: token.endColumn! }
        };
    }
    // At the end of the input (or an inserted token) there is no real token: point after the previous one.
    const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
    const position = isReal(previous)
        ? { line: previous.endLine! - 1, character: previous.endColumn! }
        : { line: 0, character: 0 };
    return { start: position, end: position };
}

function isReal(token: IToken | undefined): token is IToken {
    return !!token && token.tokenType?.name !== 'EOF' && Number.isFinite(token.startOffset) && token.startOffset >= 0
        && token.startLine !== undefined && !Number.isNaN(token.startLine);
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character
        && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Adds bracket context: which opener a wanted closer would close, or that a found closer closes nothing. */
function refineSyntaxMessage(error: IRecognitionException, tokens: readonly IToken[], messages: CredalParserErrorMessageProvider): string {
    const token = error.token;
    const offset = isReal(token) ? token.startOffset : Number.MAX_SAFE_INTEGER;
    const found = isReal(token) ? token.image : undefined;
    if (found && error.message.startsWith('expected the end of the note')) {
        return unexpectedStatementStart(token, tokens);
    }
    if (found && [')', ']', '}'].includes(found) && !closerHasOpener(tokens, offset, found)) {
        return `unexpected \`${found}\`: there is no open \`${{ ')': '(', ']': '[', '}': '{' }[found]}\` for it to close`;
    }
    const open = openBracketsBefore(tokens, offset);
    const innermost = open[open.length - 1];
    const expected = typeof messages.expectedAt === 'function' && token ? messages.expectedAt(token) : [];
    if (innermost && expected.includes(innermost.closer)) {
        const line = (innermost.token.startLine ?? 0);
        const at = error.message.indexOf(', found ');
        const foundText = at >= 0 ? error.message.slice(at + 2) : error.message;
        return `expected \`${innermost.closer}\` to close ${innermost.what} opened on line ${line}, ${foundText}`;
    }
    if (!isReal(token) && innermost) {
        return `${error.message}; ${innermost.what} opened on line ${innermost.token.startLine ?? 0} is never closed with \`${innermost.closer}\``;
    }
    return error.message;
}

const BINARY_OPERATORS = new Set(['+', '-', '−', '*', '/', '^', '×', '·', '∪', '∩', '∖', '|', '⊠', '=', '==', '!=', '≠', '<', '>', '<=',
    '>=',
    '≤', '≥', 'cup', 'cap', 'minus', 'in', '∈', '\\cup', '\\cap', '\\setminus', '\\times', '\\cdot', '\\boxtimes', '\\mid',
    '\\le', '\\ge', '\\leq', '\\geq', '\\ne', '\\neq', '\\in']);

/** A token where a new statement should start: say what is wrong with it in the words of the note. */
function unexpectedStatementStart(token: IToken, tokens: readonly IToken[]): string {
    const index = tokens.findIndex(candidate => candidate.startOffset === token.startOffset);
    const next = index >= 0 ? tokens[index + 1] : undefined;
    if (BINARY_OPERATORS.has(token.image)) {
        const after = next ? `found \`${next.image}\`` : 'found the end of the note';
        return `\`${token.image}\` needs an expression after it, ${after}`;
    }
    if ([')', ']', '}'].includes(token.image) && !closerHasOpener(tokens, token.startOffset, token.image)) {
        return `unexpected \`${token.image}\`: there is no open \`${{ ')': '(', ']': '[', '}': '{' }[token.image]}\` for it to close`;
    }
    return `unexpected ${describeFound(token).replace(/^the /, "")}: a statement starts with ${orList(STATEMENT_KEYWORDS)}`;
}
