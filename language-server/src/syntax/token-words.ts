import type { IToken, TokenType } from 'chevrotain';

export const STATEMENT_KEYWORDS = ['let', 'set', 'event', 'dist', 'gamble', 'credal', 'decision', 'ddt', 'infra', 'kernel', 'eval', 'assert',
    'conventions', 'expect'];

/** How a token the parser wanted is named in a message: `}` or "a name" or "a number". */
export function describeExpected(type: TokenType): string {
    switch (type.name) {
        case 'ID': return 'a name';
        case 'INTEGER': return 'an integer';
        case 'DECIMAL': return 'a number';
        case 'PROSE': return 'a prose block';
        case 'EOF': return 'the end of the note';
        default: return `\`${type.name}\``;
    }
}

/** How a token that was found is named in a message: "the name `lay`", "`)`", "the end of the note". */
export function describeFound(token: IToken): string {
    const name = token.tokenType?.name;
    if (name === 'EOF' || token.image === undefined || token.image === '') {
        return 'the end of the note';
    }
    switch (name) {
        case 'ID': return `the name \`${token.image}\``;
        case 'INTEGER': case 'DECIMAL': return `the number \`${token.image}\``;
        case 'PROSE': return 'a prose block `/*! … */`';
        default:
            return /^[A-Za-z]/.test(token.image) ? `the keyword \`${token.image}\`` : `\`${token.image}\``;
    }
}

/** Whether the token is a keyword that looks like a word (so "keywords cannot be names" applies). */
export function isWordKeyword(token: IToken): boolean {
    const name = token.tokenType?.name;
    return name !== 'ID' && /^[A-Za-z][A-Za-z0-9]*$/.test(token.image ?? '');
}
