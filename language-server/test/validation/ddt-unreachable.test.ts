import { afterEach, describe as group, expect, it } from 'vitest';
import { describe, validationKit, type SeenDiagnostic } from './validation-kit.js';

// W-DDT-UNREACHABLE sits on the unreachable outcome where the DDT writes it; when the DDT never
// writes it, on the DDT's name, naming the outcome, with related information at its declaration.

const kit = validationKit();
afterEach(() => kit.clear());

async function unreachable(note: string): Promise<SeenDiagnostic[]> {
    const { diagnostics } = await kit.validate(note);
    const hits = diagnostics.filter((d) => d.code === 'W-DDT-UNREACHABLE');
    expect(hits.length, describe(diagnostics).join('\n')).toBeGreaterThan(0);
    return hits;
}

/** `line:col «covered text» message` of each related location (1-based). */
function relatedOf(document: string, hit: SeenDiagnostic): string[] {
    const lines = document.split('\n');
    return (hit.diagnostic.relatedInformation ?? []).map((r) => {
        const { start, end } = r.location.range;
        const text = start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : '…';
        return `${start.line + 1}:${start.character + 1} «${text}» ${r.message}`;
    });
}

const POLICIES = '  policies {\n    one consistent {11}\n    two consistent {12, 22}\n  }\n';

group('W-DDT-UNREACHABLE', () => {
    it('is on the key of the payoff mapping that writes the outcome', async () => {
        const note = `set W = {11, 12, 21, 22}\ncredal T on W = vacuous\nddt N on W {\n  belief T\n${POLICIES}  utility {11: 1, 12: 2, 21: 3, 22: 4}\n}`;
        const hits = await unreachable(note);
        expect(hits.map((d) => `${d.line}:${d.column} «${d.text}» ${d.severity}`)).toEqual(['9:26 «21» warning']);
        expect(hits[0]!.message).toBe('outcome 21 is consistent with no policy; under the strict semantics it can be deleted without changing any value');
    });

    it('is on the DDT name when the DDT does not write the outcome, with the element declaration as related information', async () => {
        const note = `set W = {11, 12, 21, 22}\ncredal T on W = vacuous\nddt N on W {\n  belief T\n${POLICIES}  utility (1, 2, 3, 4)\n}`;
        const hits = await unreachable(note);
        expect(hits.map((d) => `${d.line}:${d.column} «${d.text}»`)).toEqual(['3:5 «N»']);
        expect(hits[0]!.message).toMatch(/^N: outcome 21 is consistent with no policy/);
        expect(relatedOf(note, hits[0]!)).toEqual(['1:18 «21» 21 is declared here']);
    });

    it('one warning per unreachable outcome', async () => {
        const note = 'set W = {a, b, c, d}\ncredal T on W = vacuous\nddt N on W {\n  belief T\n  policies {\n    one consistent {a}\n  }\n  utility {a: 1, b: 2, else: 0}\n}';
        const hits = await unreachable(note);
        expect(hits.map((d) => `${d.line}:${d.column} «${d.text}»`)).toEqual(['8:18 «b»', '3:5 «N»', '3:5 «N»']);
        expect(hits.slice(1).map((d) => relatedOf(note, d))).toEqual([['1:16 «c» c is declared here'], ['1:19 «d» d is declared here']]);
    });

    it('on a product, a written tuple carries it; otherwise each factor element is related', async () => {
        const base = 'set A = {a, b}\nset B = {x, y}\ncredal T on A × B = vacuous\nddt N on A × B {\n  belief T\n  policies {\n    p consistent {(a, x), (a, y)}\n    q consistent {(b, x)}\n  }\n';
        const written = await unreachable(`${base}  utility {(b, y): 1, else: 0}\n}`);
        expect(written.map((d) => `${d.line}:${d.column} «${d.text}»`)).toEqual(['10:12 «(b, y)»']);
        const note = `${base}  utility {(a, x): 1, else: 0}\n}`;
        const named = await unreachable(note);
        expect(named.map((d) => `${d.line}:${d.column} «${d.text}»`)).toEqual(['4:5 «N»']);
        expect(named[0]!.message).toMatch(/^N: outcome \(b, y\) is consistent/);
        expect(relatedOf(note, named[0]!)).toEqual(['1:13 «b» b (of (b, y)) is declared here', '2:13 «y» y (of (b, y)) is declared here']);
    });

    it('on a range, the related information points at the range', async () => {
        const note = 'set W = {1 .. 3}\ncredal T on W = vacuous\nddt N on W {\n  belief T\n  policies {\n    one consistent {1, 2}\n  }\n  utility (1, 2, 3)\n}';
        const hits = await unreachable(note);
        expect(hits.map((d) => `${d.line}:${d.column} «${d.text}»`)).toEqual(['3:5 «N»']);
        expect(relatedOf(note, hits[0]!)).toEqual(['1:9 «{1 .. 3}» 3 is in this range']);
    });
});
