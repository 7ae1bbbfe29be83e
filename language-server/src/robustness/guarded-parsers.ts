/**
 * Langium's document parser and completion parser behind the nesting guard (nesting-guard.ts). A parse
 * that still fails (it should not) leaves the shared parser instance in a broken state for every later
 * document; the wrapper then resets it and answers with an empty note and an E-SYNTAX error instead.
 * A note longer than MAX_NOTE_CHARS is not parsed: it reads as empty, with one E-TOO-LARGE error.
 */
import type { ILexingError } from 'chevrotain';
import type { AstNode, LangiumCompletionParser, LangiumParser, ParseResult } from 'langium';
import { IssueCodes } from '../diagnostics/codes.js';
import { guardNesting } from './nesting-guard.js';
import { MAX_NOTE_CHARS, tooLargeMessage } from './note-size.js';

/** A lexer error that carries its own diagnostic code (the document validator reads it; default E-SYNTAX). */
export interface CodedLexingError extends ILexingError {
    readonly code?: string;
}

export function guardDocumentParser(parser: LangiumParser): LangiumParser {
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        if (input.length > MAX_NOTE_CHARS) {
            // Not parsed at all: an empty note with one error at its start.
            const result = parse<T>('', options);
            const tooLarge: CodedLexingError = {
                offset: 0, line: 1, column: 1, length: 1, message: tooLargeMessage(input.length), code: IssueCodes.TooLarge
            };
            result.lexerErrors.push(tooLarge);
            return result;
        }
        const guarded = guardNesting(input);
        try {
            const result = parse<T>(guarded.text, options);
            result.lexerErrors.push(...guarded.errors);
            return result;
        } catch (error) {
            resetParserState(parser);
            const result = parse<T>(input.replace(/[^\r\n]/g, ' '), options);
            result.lexerErrors.push(failure(input, error));
            return result;
        }
    };
    return parser;
}

export function guardCompletionParser(parser: LangiumCompletionParser): LangiumCompletionParser {
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string) => {
        try {
            return parse(guardNesting(input).text);
        } catch {
            resetParserState(parser);
            return parse('');
        }
    };
    return parser;
}

/** The node stack a thrown parse leaves behind (LangiumParser.doParse refuses to start on a non-empty one). */
function resetParserState(parser: object): void {
    const stack = (parser as { stack?: unknown[] }).stack;
    if (Array.isArray(stack)) stack.length = 0;
}

function failure(input: string, error: unknown): ILexingError {
    const reason = error instanceof Error ? error.message : String(error);
    return { offset: 0, line: 1, column: 1, length: Math.min(input.length, 1), message: `this note could not be parsed (${reason})` };
}
