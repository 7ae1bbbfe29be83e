/**
 * `conventions { … }` (LANGUAGE §8.5): at most one per file, each key at most once, and each key with
 * one of its own words. The first block is the one in force; the others are reported.
 */
import type { ValidationAcceptor } from 'langium';
import { isConventions, type Conventions, type Model } from '../generated/ast.js';
import { CONVENTION_WORDS, type ConventionKey } from '../evaluation/conventions.js';
import { IssueCodes } from '../diagnostics/codes.js';
import { orList } from '../syntax/parser-messages.js';

export function checkConventionBlocks(model: Model, accept: ValidationAcceptor): void {
    const blocks = model.statements.filter(isConventions);
    const first = blocks[0];
    for (const extra of blocks.slice(1)) {
        const line = (first?.$cstNode?.range.start.line ?? 0) + 1;
        accept('error', `a note has at most one \`conventions\` block; the one on line ${line} is in force: merge the two`, {
            node: extra, keyword: 'conventions', data: { code: IssueCodes.Type }
        });
    }
}

export function checkConventionEntries(block: Conventions, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    block.entries.forEach((entry, index) => {
        const key = entry.key as ConventionKey;
        const allowed = CONVENTION_WORDS[key] as readonly string[] | undefined;
        if (seen.has(entry.key)) {
            accept('error', `\`${entry.key}\` is given twice in this block; the first one is in force`, {
                node: block, property: 'entries', index, data: { code: IssueCodes.Type }
            });
        }
        seen.add(entry.key);
        if (allowed && entry.value !== undefined && !allowed.includes(entry.value)) {
            accept('error', `\`${entry.key}\` takes ${orList(allowed)}, not \`${entry.value}\``, {
                node: entry, property: 'value', data: { code: IssueCodes.Type }
            });
        }
    });
}
