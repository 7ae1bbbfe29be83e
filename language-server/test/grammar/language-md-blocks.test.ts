import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, credalTestKit, summarize, syntaxErrors } from './credal-test-kit.js';

/**
 * Every Credal code block of LANGUAGE.md (the contract), copied into fixtures/language-md/ — one
 * file per block, completed with the declarations a block refers to but does not declare. The §6
 * shell and JSON blocks are not Credal. A block that stops parsing is a broken contract.
 */
const folder = fileURLToPath(new URL('../fixtures/language-md/', import.meta.url));
const fixtures = readdirSync(folder).filter(name => name.endsWith('.cred')).sort();

const kit = credalTestKit();
afterEach(() => kit.clear());

describe('LANGUAGE.md code blocks', () => {
    it('has one fixture per Credal block (§1, §3.1–§3.8, §4, §7.1, §7.3, §8.1, §8.3, §8.5, §8.8, §9.1)', () => {
        expect(fixtures).toHaveLength(17);
    });

    it.each(fixtures)('%s parses without syntax errors', async name => {
        const document = await kit.parse(readFileSync(folder + name, 'utf8'));
        expect(syntaxErrors(document)).toEqual([]);
    });

    it.each(fixtures)('%s links: no E-SYNTAX, E-UNRESOLVED or E-ELEM-UNKNOWN', async name => {
        const diagnostics = await kit.diagnose(readFileSync(folder + name, 'utf8'));
        const linking = diagnostics.filter(d => ['E-SYNTAX', 'E-UNRESOLVED', 'E-ELEM-UNKNOWN', 'E-DUP-NAME', 'E-CYCLE'].includes(codeOf(d)
            ?? ''));
        expect(summarize(linking)).toEqual([]);
    });
});
