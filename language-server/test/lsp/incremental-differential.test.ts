import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedNote } from '../../../bench/lsp/generated-note.js';
import { differentialRun } from '../fuzz/differential.js';

// After each random edit, the long-lived (incremental) server and a fresh one agree on diagnostics,
// hovers, inlay hints and preview blocks. `npm run fuzz` runs many more edits.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLES = readdirSync(path.join(ROOT, 'samples')).filter((name) => name.endsWith('.cred')).sort();
const EDITS = Number(process.env.CREDAL_DIFFERENTIAL_EDITS ?? 6);

describe('incremental server equals a fresh server', () => {
    it.each(SAMPLES)('random edits of %s', async (name) => {
        const text = readFileSync(path.join(ROOT, 'samples', name), 'utf8');
        const report = await differentialRun(text, 20261207 + name.length, EDITS);
        expect(report.mismatches).toEqual([]);
    }, 300_000);

    it('random edits of a generated note', async () => {
        const report = await differentialRun(generatedNote(60), 7, EDITS * 2);
        expect(report.mismatches).toEqual([]);
        // The comparison is about the incremental path: some of these edits must really be spliced (random
        // edits often break the note, and a broken note is often parsed whole).
        expect(report.spliced).toBeGreaterThan(0);
    }, 300_000);
});
