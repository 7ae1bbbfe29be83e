/**
 * Hover on a convention word: the value of a `conventions` entry (`conditioning natural`), of a DDT's
 * `semantics` or `inconsistent` clause, or the rule argument of `condition(K, B, natural)`. It says what
 * the word means, in the words of the setting it overrides (settings/settings-table.ts), so the note, the
 * settings UI and the hover agree.
 */
import type { AstNode } from 'langium';
import { conventionWordDoc, type ConventionKey } from '../../evaluation/conventions.js';
import { isCall, isConventionEntry, isInconsistentClause, isSemanticsClause } from '../../generated/ast.js';
import { CONVENTIONS_ANCHOR, referenceLink } from './keyword-reference.js';

const WHAT: Readonly<Record<ConventionKey, string>> = {
    conditioning: 'zero-probability conditioning rule',
    ddt: 'DDT semantics',
    inconsistent: 'what a DDT does with a policy its belief rules out'
};

/** The convention that `word` written at `node` sets, if that is a convention word's place. */
function conventionKeyAt(node: AstNode, word: string): ConventionKey | undefined {
    if (isConventionEntry(node)) return node.value === word ? node.key as ConventionKey : undefined;
    if (isSemanticsClause(node)) return node.semantics === word ? 'ddt' : undefined;
    if (isInconsistentClause(node)) return node.handling === word ? 'inconsistent' : undefined;
    const call = node.$container;
    return isCall(call) && call.callee === 'condition' && call.arguments[2] === node ? 'conditioning' : undefined;
}

/** The hover of `word` at `node`, or undefined when it is not a known convention word there. */
export function conventionWordHover(node: AstNode, word: string): string | undefined {
    const key = conventionKeyAt(node, word);
    if (!key) return undefined;
    const doc = conventionWordDoc(key, word);
    return doc ? `**${word}** (${WHAT[key]})\n\n${doc}\n\n${referenceLink(CONVENTIONS_ANCHOR)}` : undefined;
}
