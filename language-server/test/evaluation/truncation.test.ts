import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAssert, isEval } from '../../src/generated/ast.js';
import { evaluationKit } from './evaluation-kit.js';
import type { EvalIssue } from '../../src/evaluation/issues.js';

/**
 * Never throw: every sample cut off at many places (as while typing it) is parsed with error recovery,
 * linked and evaluated, and the evaluator meets missing children everywhere. No cut may produce an
 * internal error or log one. Cuts inside comments are skipped: they leave the same code as the cut
 * at the comment's start.
 */
const SAMPLES_DIR = new URL('../../../samples/', import.meta.url);
const SAMPLES = readdirSync(SAMPLES_DIR).filter(name => name.endsWith('.cred')).sort();
const STEP = 7;
/** Every how many cuts the eval and assert results are computed too (they run LPs). */
const STATEMENT_EVERY = 5;

const kit = evaluationKit();
afterEach(() => kit.clear());

/** Offsets inside comments (`/* … *\/`, `// …`); the language has no strings that could hide one. */
function commentMask(text: string): boolean[] {
    const mask = new Array<boolean>(text.length).fill(false);
    let i = 0;
    while (i < text.length) {
        const block = text.startsWith('/*', i), line = text.startsWith('//', i);
        if (!block && !line) { i++; continue; }
        const close = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
        const end = close < 0 ? text.length : block ? close + 2 : close;
        mask.fill(true, i + 1, end);
        i = end;
    }
    return mask;
}

describe('the evaluator never throws on a truncated note', () => {
    it.each(SAMPLES)(`%s, cut every ${STEP} characters`, async (name) => {
        const text = readFileSync(new URL(name, SAMPLES_DIR), 'utf8');
        const inComment = commentMask(text);
        const logged = vi.spyOn(console, 'error');
        const internal: string[] = [];
        let cuts = 0;
        try {
            for (let at = STEP; at < text.length; at += STEP) {
                if (inComment[at]) continue;
                cuts++;
                const document = await kit.parse(text.slice(0, at));
                const evaluator = kit.evaluator;
                const issues: EvalIssue[] = [...evaluator.issuesFor(document, { expensive: false })];
                if (cuts % STATEMENT_EVERY === 0) {
                    for (const statement of document.parseResult.value.statements) {
                        if (isEval(statement) || isAssert(statement)) issues.push(...evaluator.resultOf(statement).issues);
                        else evaluator.valueOf(statement);
                    }
                }
                for (const issue of issues) {
                    if (issue.code === 'E-INTERNAL') internal.push(`cut at ${at}: ${issue.message}`);
                }
                await kit.clear();
            }
            expect(internal).toEqual([]);
            expect(logged).not.toHaveBeenCalled();
            // Enough cut points outside comments to exercise the note (the shortest sample, sure-loss.cred, has 49).
            expect(cuts).toBeGreaterThan(40);
        } finally {
            logged.mockRestore();
        }
    }, 300_000);
});
