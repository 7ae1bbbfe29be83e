import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/evaluation/settings.js';
import { JobRunner } from '../../src/worker/job-runner.js';

// The evaluation worker's job, in process: it has no editor, so it cannot ask a document's language and
// must still evaluate an unsaved note whose name has no extension (the walkthrough's copy of the sample).

const job = (uri: string, text: string) => ({ id: 1, uri, version: 1, text, expensive: true, settings: DEFAULT_SETTINGS,
    cancel: new SharedArrayBuffer(4) });

describe('the evaluation worker', () => {
    it.each(['untitled:Untitled-1', 'untitled:note.cred', 'file:///notes/post.md'])('evaluates the evals and asserts of %s', async (uri) => {
        const result = await new JobRunner().run(job(uri, 'set X = {a, b}\ncredal K on X = vacuous\neval lowerE(K, (1, 0))\nassert 1 == 2\n'));
        expect(result.error).toBeUndefined();
        expect(result).toMatchObject({ uri, version: 1, cancelled: false });
        expect(result.statements).toHaveLength(2);
    });
});
