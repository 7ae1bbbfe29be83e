import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { describeExpected, describeFound, isWordKeyword, STATEMENT_KEYWORDS } from './token-words.js';

/** What each grammar rule stands for, for "expected …" when no single token is wanted. */
const RULE_MEANING: Readonly<Record<string, string>> = {
    Model: 'a statement', Statement: 'a statement', Declaration: 'a declaration',
    SetExpression: 'a set (`{a, b}`, `{1 .. 6}`, a set name or a product)', SetFactor: 'a set (`{a, b}`, `{1 .. 6}` or a set name)',
    SetType: 'a set name', SetTypeFactor: 'a set name', SetLiteral: 'a set', SetRange: 'a range',
    Element: 'an element name', ElementName: 'an element name (a name or an integer)', Name: 'a name',
    DecisionClause: '`belief`, `acts` or `losses`', DdtClause: '`belief`, `policies`, `utility`, `loss`, `semantics` or `inconsistent`',
    FunctionName: 'a function name', Constant: 'an expression', DecisionRule: 'a decision rule',
    ComparisonOp: 'a relation (`==`, `!=`, `<=`, `>=`, `<`, `>` or `in`)'
};

/**
 * Parser messages as sentences ("expected `}`, found the name `lay`") instead of Chevrotain's token
 * dumps. It also remembers, per offending token, which tokens were expected, so that the document
 * validator can add where an unclosed bracket was opened.
 */
export class CredalParserErrorMessageProvider implements IParserErrorMessageProvider {
    private readonly expectedByToken = new WeakMap<IToken, string[]>();

    /** The token names the parser wanted where it found `token` (after a mismatch). */
    expectedAt(token: IToken): readonly string[] {
        return this.expectedByToken.get(token) ?? [];
    }

    buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        this.remember(actual, [expected.name]);
        return `expected ${describeExpected(expected)}, found ${describeFound(actual)}${nameHint(expected, actual)}`;
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return `unexpected ${describeFound(firstRedundant)}: a statement starts with ${orList(STATEMENT_KEYWORDS)}`;
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }: {
        expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string
    }): string {
        const first = actual[0];
        const firstTokens = expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0]?.name)).filter((n): n is string => !!n);
        this.remember(first, firstTokens);
        const wantedName = this.meaningOf(ruleName, firstTokens) === 'a name' && first && isWordKeyword(first)
            ? ' (keywords cannot be used as names)' : '';
        return `expected ${this.meaningOf(ruleName, firstTokens)}, found ${describeFound(first)}${wantedName}`;
    }

    buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }: {
        expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string
    }): string {
        const first = actual[0];
        const firstTokens = expectedIterationPaths.map(path => path[0]?.name).filter((n): n is string => !!n);
        this.remember(first, firstTokens);
        return `expected at least one ${this.meaningOf(ruleName, firstTokens)}, found ${describeFound(first)}`;
    }

    private meaningOf(ruleName: string, firstTokens: string[]): string {
        // Langium suffixes Chevrotain rule names with a zero-width space.
        const meaning = RULE_MEANING[ruleName.replace(/\u200B/g, '')];
        if (meaning) {
            return meaning;
        }
        const distinct = [...new Set(firstTokens)];
        if (distinct.length > 0 && distinct.length <= 3 && !distinct.includes('ID')) {
            return orList(distinct);
        }
        return 'an expression';
    }

    private remember(token: IToken | undefined, names: string[]): void {
        if (token) {
            this.expectedByToken.set(token, [...(this.expectedByToken.get(token) ?? []), ...names]);
        }
    }
}

function nameHint(expected: TokenType, actual: IToken): string {
    return expected.name === 'ID' && isWordKeyword(actual) ? ' (keywords cannot be used as names)' : '';
}

export function orList(words: readonly string[]): string {
    const quoted = words.map(word => `\`${word}\``);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
