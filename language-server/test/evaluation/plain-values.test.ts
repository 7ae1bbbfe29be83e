import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAssert, isEval } from '../../src/generated/ast.js';
import { isEvaluatedDeclaration } from '../../src/evaluation/declarations.js';
import { evaluationKit } from './evaluation-kit.js';

// Values are plain data (issue 14): a value kept across edits must not hold the syntax tree it was
// computed from, or it would pin old trees and point into text that no longer exists.

const samples = join(import.meta.dirname, '../../../samples');

/** Paths inside `value` that reach an AST node (an object with `$type` and `$container` or `$cstNode`). */
function nodePaths(value: unknown, path: string, seen: Set<object>, out: string[]): void {
    if (!value || typeof value !== 'object' || seen.has(value) || out.length > 20) return;
    seen.add(value);
    if ('$type' in value && ('$cstNode' in value || '$container' in value)) {
        out.push(path);
        return;
    }
    const entries = value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const)
        : Object.entries(value);
    for (const [key, item] of entries) nodePaths(item, `${path}.${key}`, seen, out);
}

describe('values hold no syntax nodes', () => {
    const kit = evaluationKit();
    const notes = readdirSync(samples).filter((name) => name.endsWith('.cred'));

    /** Every path into a syntax node from the values of a note's declarations, evals and asserts. */
    async function nodesInValues(text: string): Promise<string[]> {
        const document = await kit.parse(text);
        const found: string[] = [];
        for (const statement of document.parseResult.value.statements) {
            const label = (statement as { name?: string }).name ?? statement.$type;
            if (isEval(statement) || isAssert(statement)) {
                const result = kit.evaluator.resultOf(statement);
                for (const key of ['value', 'left', 'right'] as const) nodePaths(result[key], `${label}.${key}`, new Set(), found);
            } else if (isEvaluatedDeclaration(statement)) {
                nodePaths(kit.evaluator.valueOf(statement), label, new Set(), found);
            }
        }
        return found;
    }

    it.each(notes)('%s', async (name) => {
        expect(await nodesInValues(readFileSync(join(samples, name), 'utf8'))).toEqual([]);
    });

    it('a note full of errors: error values and partial credal sets hold no nodes either', async () => {
        const text = [
            'set Coin = {h, t}',
            'credal K on Coin = { P({h}) >= 1/2, P({h}) <= 1/4 }',
            'credal L on Coin = hull{ (1/2, 1/2), (1/2, 1/2), (1, 0) }',
            'credal M = K ∩ L',
            'let x = y + 1',
            'let a = b',
            'let b = a',
            'dist p on Coin = (1/2, 1/3)',
            'gamble f on Coin = (1, 2, 3)',
            'eval lowerP(M, {h})',
            'eval lowerE(credal on Coin { P({h}) in [1/3, 2/3] }, f)',
            'assert lowerP(L, {z}) = 1/2'
        ].join('\n');
        expect(await nodesInValues(text)).toEqual([]);
    });
});
