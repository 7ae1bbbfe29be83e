import { AstUtils, GrammarAST, type Grammar } from 'langium';
import { CredalGrammar } from '../generated/grammar.js';

/**
 * Keyword facts read from the generated grammar, so they can never drift from it: which words are
 * keywords, which of them the `Name` rule still accepts as names (`loss`, `top`, …), and each
 * operator rule's spellings.
 */
interface KeywordFacts {
    readonly words: ReadonlySet<string>;
    readonly nameWords: ReadonlySet<string>;
    readonly ruleKeywords: ReadonlyMap<string, readonly string[]>;
}

let facts: KeywordFacts | undefined;

function keywordFacts(): KeywordFacts {
    if (facts) {
        return facts;
    }
    const grammar: Grammar = CredalGrammar();
    const words = new Set<string>();
    const ruleKeywords = new Map<string, string[]>();
    for (const rule of grammar.rules) {
        const keywords = AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray();
        ruleKeywords.set(rule.name, [...new Set(keywords)]);
        for (const value of keywords) {
            if (/^[A-Za-z][A-Za-z0-9]*$/.test(value)) {
                words.add(value);
            }
        }
    }
    facts = { words, nameWords: new Set(ruleKeywords.get('Name') ?? []), ruleKeywords };
    return facts;
}

/** Whether `word` is a word-like keyword of the grammar. */
export function isKeywordWord(word: string): boolean {
    return keywordFacts().words.has(word);
}

/** Whether `word` is a keyword that the grammar still accepts as a name (clause words like `loss`). */
export function isNameKeyword(word: string): boolean {
    return keywordFacts().nameWords.has(word);
}
