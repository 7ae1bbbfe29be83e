import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/evaluation/settings.js';
import type { EvaluationJobResult } from '../../src/worker/messages.js';
import { JobRunner } from '../../src/worker/job-runner.js';
import { generatedNote } from '../../../bench/lsp/generated-note.js';

// The evaluation worker's job, in process: it has no editor, so it cannot ask a document's language and
// must still evaluate an unsaved note whose name has no extension (the walkthrough's copy of the sample).
// It keeps each note between saves, so a save re-checks what changed, not the whole note.

let nextId = 1;
const job = (uri: string, text: string, version = 1) => ({ id: nextId++, uri, version, text, expensive: true, settings: DEFAULT_SETTINGS,
    cancel: new SharedArrayBuffer(4) });

/** What a job sends back that the main thread shows: diagnostics and eval/assert results, in order. */
const shown = (result: EvaluationJobResult) => ({ diagnostics: result.diagnostics, statements: result.statements, error: result.error });

describe('the evaluation worker', () => {
    it.each(['untitled:Untitled-1', 'untitled:note.cred', 'file:///notes/post.md'])('evaluates the evals and asserts of %s', async (uri) => {
        const result = await new JobRunner().run(job(uri, 'set X = {a, b}\ncredal K on X = vacuous\neval lowerE(K, (1, 0))\nassert 1 == 2\n'));
        expect(result.error).toBeUndefined();
        expect(result).toMatchObject({ uri, version: 1, cancelled: false });
        expect(result.statements).toHaveLength(2);
    });

    describe('a save after an edit', () => {
        const uri = 'file:///notes/long.cred';
        const first = generatedNote(200);
        // `let x14` is used by `let y20` only; a credal set, its eval and its assert depend on `K23`.
        const digit = first.replace('let x14 = 14/7 + 1', 'let x14 = 14/7 + 19');
        const bound = digit.replace('credal K23 on S0 = { P({a}) in [1/10, 1/2]', 'credal K23 on S0 = { P({a}) in [1/10, 2/5]');

        it('re-checks only the edited statement and what depends on it, and sends what a fresh worker sends', async () => {
            const runner = new JobRunner();
            const whole = await runner.run(job(uri, first, 1));
            expect(whole.error).toBeUndefined();
            expect(whole.evaluations).toBeGreaterThan(200);
            expect(digit).not.toBe(first);
            expect(bound).not.toBe(digit);
            const edited = await runner.run(job(uri, digit, 2));
            // x14 and y20, each its value and its save-time checks.
            expect(edited.evaluations).toBe(4);
            expect(shown(edited)).toEqual(shown(await new JobRunner().run(job(uri, digit, 2))));
            const again = await runner.run(job(uri, bound, 3));
            // K23 (value and checks), the eval and the assert that read it.
            expect(again.evaluations).toBe(4);
            expect(shown(again)).toEqual(shown(await new JobRunner().run(job(uri, bound, 3))));
        });

        it('the same text saved again evaluates nothing', async () => {
            const runner = new JobRunner();
            await runner.run(job(uri, first, 1));
            const same = await runner.run(job(uri, first, 2));
            expect(same.evaluations).toBe(0);
            expect(same.statements).toHaveLength(first.match(/^(eval|assert) /gm)!.length);
        });

        it('a cancelled job changes nothing: the next save answers as a fresh worker', async () => {
            const runner = new JobRunner();
            await runner.run(job(uri, first, 1));
            const cancelled = job(uri, digit, 2);
            new Int32Array(cancelled.cancel)[0] = 1;
            expect((await runner.run(cancelled)).cancelled).toBe(true);
            expect(shown(await runner.run(job(uri, bound, 3)))).toEqual(shown(await new JobRunner().run(job(uri, bound, 3))));
        });
    });
});
