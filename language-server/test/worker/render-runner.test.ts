import { describe, expect, it } from 'vitest';
import { runRenderJob } from '../../src/worker/render-runner.js';

// The render worker's job, in process: an export with `post` is the Markdown file exported as a post
// (its prose around the rendered fences), not the note alone.

const job = (post?: string) => ({ id: 1, budgetMs: 30_000, cancel: new SharedArrayBuffer(4),
    task: { type: 'export' as const, model: { title: 'Note', blocks: [] }, format: 'markdown' as const, ...(post === undefined ? {} : { post }) } });

describe('the render worker', () => {
    it('exports a Markdown post with its prose, and a note without one as the note', () => {
        const post = '# A post\n\nSome prose with $x$.\n';
        expect(runRenderJob(job(post))).toEqual({ id: 1, text: post });
        expect(runRenderJob(job()).text).not.toContain('Some prose');
    });
});
