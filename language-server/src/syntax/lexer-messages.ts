import { DefaultLexerErrorMessageProvider } from 'langium';

const CHARACTER_HINTS: Readonly<Record<string, string>> = {
    ';': 'statements need no terminator',
    '"': 'Credal has no strings; write prose in `/*! … */` blocks',
    '\'': 'a prime is allowed only after the first letter of a name',
    '&': 'use `∩`, `\\cap` or `cap` for intersection',
    '!': 'use `!=`, `≠` or `\\ne` for "not equal"'
};

/** "unexpected character `@`" (with a hint for common slips) instead of Chevrotain's offset dump. */
export class CredalLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.max(1, length));
        const first = text.charAt(0);
        const hint = CHARACTER_HINTS[first];
        if (first === '/' && fullText.charAt(startOffset + 1) === '*') {
            return 'this comment is never closed: add `*/`';
        }
        return `unexpected character \`${text}\`${hint ? `: ${hint}` : ''}`;
    }
}
