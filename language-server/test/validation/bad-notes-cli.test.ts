import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe as group, expect, it } from 'vitest';
import { runCredal, type CliRun } from '../cli/run-cli.js';
import { ensureFreshBundles } from '../support/bundle.js';

// The folder of bad notes, checked through the real CLI (`credal check` as a process). Each note names
// the diagnostics it must produce in header lines `// expect: CODE@line:column` (1-based, every
// severity); the CLI must report exactly those, and exit 1 when any of them is an error.

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const BAD = path.join(FIXTURES, 'bad');
const NOTES = readdirSync(BAD).filter((name) => name.endsWith('.cred')).sort();

function expectedOf(name: string): string[] {
    return readFileSync(path.join(BAD, name), 'utf8').split('\n')
        .map((line) => /^\/\/ expect: (\S+@\d+:\d+)\s*$/.exec(line)?.[1])
        .filter((x): x is string => x !== undefined)
        .sort();
}

let run: CliRun;
beforeAll(async () => {
    await ensureFreshBundles();
    run = runCredal(['check', 'bad'], FIXTURES);
}, 180_000);

/** `CODE@line:col` of the CLI's lines for one note (`bad/<name>:line:col: severity CODE message`). */
function reported(name: string): string[] {
    const prefix = `bad/${name}:`;
    return run.lines.filter((line) => line.startsWith(prefix)).map((line) => {
        const match = /^[^:]+:(\d+):(\d+): (\w+) (\S+) /.exec(line);
        return match ? `${match[4]}@${match[1]}:${match[2]}` : `unparsed: ${line}`;
    }).sort();
}

group('bad notes through `credal check`', () => {
    it('exits 1 and counts every file', () => {
        expect(run.status, run.stderr).toBe(1);
        expect(run.lines.at(-1)).toMatch(new RegExp(`^${NOTES.length} files, \\d+ errors, \\d+ warnings$`));
    });

    it.each(NOTES)('%s produces exactly its expected codes', (name) => {
        const expected = expectedOf(name);
        expect(expected.length).toBeGreaterThan(0);
        expect(reported(name), run.stdout).toEqual(expected);
    });
});
