import type { LangiumDocument } from 'langium';
import type { CredalEvaluator } from '../../evaluation/evaluator.js';
import { isCredalDeclaration, isDecisionDeclaration, isDistDeclaration, type Statement } from '../../generated/ast.js';
import { statementPrints } from '../../linking/statement-fingerprints.js';

const SEPARATOR = '\u0002';

/**
 * The cache key of each statement's preview block: everything its HTML is a function of.
 * - its text and the text of every declaration it depends on, transitively (the fingerprint);
 * - the evaluation settings: the budget (a result over budget under one may be exact under another) and
 *   the conventions a note may leave open (the default DDT semantics, conditioning on probability zero);
 * - credal declarations: every distribution of the note (drawn as dots in their pictures);
 * - decision declarations: the Hurwicz α's used anywhere in the note (a column per α in their table).
 * The block's doc comment is added by the caller. Statements without text get no key (never cached).
 */
export function previewBlockKeys(document: LangiumDocument, statements: readonly Statement[], evaluator: CredalEvaluator,
    queryTimeMs: number): Map<Statement, string> {
    const fingerprints = new Map(statementPrints(document).map(print => [print.start, print.fingerprint]));
    const fingerprintOf = (statement: Statement): string | undefined => {
        const offset = statement.$cstNode?.offset;
        return offset === undefined ? undefined : fingerprints.get(offset);
    };
    // Every evaluation setting (budgets, and conventions such as the default DDT semantics), whatever they become.
    const settings = `${JSON.stringify(evaluator.settings, Object.keys(evaluator.settings).sort())}/${queryTimeMs}`;
    let distributions: string | undefined;
    const keys = new Map<Statement, string>();
    for (const statement of statements) {
        const fingerprint = fingerprintOf(statement);
        if (fingerprint === undefined) continue;
        const parts = [settings, fingerprint];
        if (isCredalDeclaration(statement)) {
            distributions ??= statements.filter(isDistDeclaration).map(d => fingerprintOf(d) ?? '').join(SEPARATOR);
            parts.push(distributions);
        }
        if (isDecisionDeclaration(statement)) parts.push(evaluator.facts.hurwiczAlphas(statement).map(alpha => alpha.toString()).join(','));
        keys.set(statement, parts.join(SEPARATOR));
    }
    return keys;
}

/** The full key of a block: its statement's key and its doc comment. */
export function withDocComment(key: string, docComment: string | undefined): string {
    return `${key}${SEPARATOR}${docComment ?? ''}`;
}
