import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_TABLE, INTERNAL_CODES, IssueCodes } from '../../src/diagnostics/codes.js';

const docs = readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
const design = (name: string) => {
    try {
        return readFileSync(new URL(`../../../../shared/design/${name}`, import.meta.url), 'utf8');
    } catch {
        return undefined; // the design folder sits beside the repository only on the team's machines
    }
};

describe('one list of diagnostic codes, all documented', () => {
    it('each code\'s letter matches its usual severity in the table', () => {
        const letters = { error: 'E', warning: 'W', info: 'I' } as const;
        for (const entry of Object.values(DIAGNOSTIC_TABLE)) {
            if (entry.severity !== 'none') expect(entry.code.charAt(0), entry.code).toBe(letters[entry.severity]);
            expect(entry.title.length, `${entry.code} has a title`).toBeGreaterThan(0);
        }
    });

    it('every code in the list is explained in docs/diagnostics.md', () => {
        const codes = Object.values(IssueCodes);
        expect(new Set(codes).size).toBe(codes.length);
        for (const code of codes) {
            expect(docs, code).toContain(`\`${code}\``);
        }
    });

    it('every diagnostic has a row with its severity section, its timing and an example', () => {
        const rows = new Map(docs.split('\n').filter(line => line.startsWith('| `')).map(line => [/^\| `([^`]+)`/.exec(line)![1]!, line]));
        for (const code of Object.values(IssueCodes).filter(c => !INTERNAL_CODES.has(c))) {
            const row = rows.get(code);
            expect(row, `a table row for ${code}`).toBeDefined();
            const cells = row!.split(' | ');
            expect(cells.length, `${code} has When, Raised when, Example and Quick fix`).toBe(5);
            expect(cells[1], `${code}: when`).toMatch(/typing|save/);
        }
    });

    it('covers every code named in LANGUAGE.md §5 and SEMANTICS.md §A.9', () => {
        for (const text of [design('LANGUAGE.md'), design('SEMANTICS.md')]) {
            if (!text) continue;
            for (const [code] of text.matchAll(/\b[EWI]-[A-Z]+(?:-[A-Z]+)*\b/g)) {
                expect(docs, code).toContain(`\`${code}\``);
            }
        }
    });
});
