// docs/language.md and docs/tutorial.md are Markdown notes: their credal fences are checked by the CLI,
// every `eval` carries its exact value in a `// value` comment that must match the evaluator, and the
// reference's lists of functions, rules, settings and codes are generated from the code's tables.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headingAnchor } from '../../../extension/src/notes/reference-anchor.js';
import { REFERENCE_FILE, withGeneratedSections } from '../../../scripts/reference-tables.js';
import { FUNCTIONS } from '../../src/evaluation/builtins.js';
import { RULES } from '../../src/evaluation/rule-text.js';
import { CONVENTIONS_ANCHOR, FUNCTIONS_ANCHOR, KEYWORD_REFERENCES, RULES_ANCHOR } from '../../src/lsp/hover/keyword-reference.js';
import { credalFences } from '../../src/markdown/credal-fences.js';
import { runCredal } from '../cli/run-cli.js';
import { ensureFreshBundles, REPO_ROOT } from '../support/bundle.js';

const DOCS = ['docs/language.md', 'docs/tutorial.md'];
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const reference = readFileSync(REFERENCE_FILE, 'utf8');

/** The text of every credal fence of a Markdown file, joined. */
function fenceText(markdown: string): string {
    return credalFences(markdown).map(fence => markdown.slice(fence.contentStart, fence.contentEnd)).join('\n');
}

beforeAll(async () => {
    await ensureFreshBundles();
}, 180_000);

describe.each(DOCS)('%s as a checked note', (file) => {
    it('has no errors or warnings, and every assert holds', () => {
        const run = runCredal(['eval', file], REPO_ROOT);
        expect(run.stdout + run.stderr).not.toMatch(/ error | warning |✗/);
        expect(run.status).toBe(0);
    });

    it('shows the exact value of every eval in its comment', () => {
        const lines = read(file).split('\n');
        const run = runCredal(['eval', file], REPO_ROOT);
        const results = run.lines.filter(line => line.startsWith(`${file}:`) && !line.includes(': ✓ '));
        expect(results.length).toBeGreaterThan(3);
        for (const result of results) {
            const line = Number(result.split(':')[1]);
            const value = result.slice(result.lastIndexOf(' = ') + 3).replace(/ ≈ .*$/, '');
            const comment = /\/\/\s*(.*?)\s*$/.exec(lines[line - 1])?.[1];
            expect(comment, `${file}:${line} ${lines[line - 1]}`).toBe(value);
        }
    });
});

describe('the language reference', () => {
    it('has its generated lists of functions, rules, settings and codes up to date (npm run docs:tables)', () => {
        const { text, found } = withGeneratedSections(reference);
        expect(found.sort()).toEqual(['codes', 'functions', 'rules', 'settings']);
        expect(text).toBe(reference);
    });

    it('shows every query function, constructor and rule in an example', () => {
        const examples = fenceText(reference);
        for (const builtin of FUNCTIONS) expect(examples, builtin.name).toMatch(new RegExp(`\\b${builtin.name}\\s*[({]`));
        for (const rule of RULES) expect(examples, rule.name).toMatch(new RegExp(`choose\\(\\w+, ${rule.name}\\b`));
    });

    it('has a section for every anchor that hovers link to', () => {
        const anchors = new Set(reference.split('\n').flatMap(line => {
            const heading = /^#{1,6}\s+(.*)$/.exec(line);
            return heading ? [headingAnchor(heading[1])] : [];
        }));
        const linked = [...[...KEYWORD_REFERENCES.values()].map(entry => entry.anchor), FUNCTIONS_ANCHOR, RULES_ANCHOR, CONVENTIONS_ANCHOR];
        for (const anchor of linked) expect(anchors, anchor).toContain(anchor);
    });

    it('is linked from the README, with the tutorial', () => {
        const readme = read('README.md');
        expect(readme).toContain('(docs/language.md)');
        expect(readme).toContain('(docs/tutorial.md)');
    });
});
