import type { IToken } from 'chevrotain';

const CLOSER_OF: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']' };
const OPENER_OF: Readonly<Record<string, string>> = { '}': '{', ')': '(', ']': '[' };

/** An opening bracket that is still open at some point of the token stream, with what it opens. */
interface OpenBracket {
    readonly token: IToken;
    readonly closer: string;
    /** "the set", "the constraint block", "the call to `lowerE`", … */
    readonly what: string;
}

/**
 * The brackets still open just before `offset`, innermost last. A closer that matches nothing is
 * skipped; one that matches an outer opener closes everything inside it (the usual recovery).
 * `(l, u]` is a half-open interval, so `]` may close `(` and `)` may close `[`.
 */
export function openBracketsBefore(tokens: readonly IToken[], offset: number): OpenBracket[] {
    const stack: OpenBracket[] = [];
    for (let i = 0; i < tokens.length && tokens[i].startOffset < offset; i++) {
        const image = tokens[i].image;
        if (image in CLOSER_OF) {
            stack.push({ token: tokens[i], closer: CLOSER_OF[image], what: describeOpener(tokens, i) });
        } else if (image in OPENER_OF) {
            const index = findLastIndex(stack, open => open.token.image === OPENER_OF[image] || isIntervalClose(open, image));
            if (index >= 0) {
                stack.length = index;
            }
        }
    }
    return stack;
}

/** Whether `closer` (found at `offset`) has an opener at all. */
export function closerHasOpener(tokens: readonly IToken[], offset: number, closer: string): boolean {
    return openBracketsBefore(tokens, offset).some(open => open.token.image === OPENER_OF[closer] || isIntervalClose(open, closer));
}

function isIntervalClose(open: OpenBracket, closer: string): boolean {
    return (open.token.image === '(' && closer === ']') || (open.token.image === '[' && closer === ')');
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) {
        if (test(items[i])) {
            return i;
        }
    }
    return -1;
}

/** Names what an opener opens, from the tokens before it. */
function describeOpener(tokens: readonly IToken[], index: number): string {
    const image = tokens[index].image;
    const previous = tokens[index - 1]?.image;
    if (image === '(') {
        return previous !== undefined && tokens[index - 1].tokenType?.name === 'ID' ? `the call to \`${previous}\`` : 'the parenthesis';
    }
    if (image === '[') {
        return previous !== undefined && /^(E|[0-9]+)$/.test(previous) ? 'the bracket' : 'the interval';
    }
    switch (previous) {
        case 'acts': return 'the `acts` block';
        case 'losses': return 'the `losses` block';
        case 'policies': return 'the `policies` block';
        case 'hull': return 'the hull';
        case 'consistent': return 'the event';
    }
    const statement = statementKeywordBefore(tokens, index);
    if (previous !== '=' && (statement === 'decision' || statement === 'ddt')) {
        return statement === 'decision' ? 'the decision problem' : 'the DDT problem';
    }
    switch (statement) {
        case 'set': return 'the set';
        case 'event': return 'the event';
        case 'credal': return previous === '=' ? 'the constraint block' : 'the `{`';
        case 'dist': case 'gamble': return previous === '=' ? 'the mapping' : 'the `{`';
        default: return 'the `{`';
    }
}

function statementKeywordBefore(tokens: readonly IToken[], index: number): string | undefined {
    for (let i = index - 1; i >= 0; i--) {
        const image = tokens[i].image;
        if (tokens[i].tokenType?.name !== 'ID' && ['let', 'set', 'event', 'dist', 'gamble', 'credal', 'decision', 'ddt', 'eval',
            'assert'].includes(image)) {
            return image;
        }
    }
    return undefined;
}
