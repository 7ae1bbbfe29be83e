import type { LangiumDocument } from 'langium';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnosticCode } from '../../src/diagnostics/diagnostic-code.js';
import { isEval, type Model } from '../../src/generated/ast.js';
import { formatValue } from '../../src/evaluation/format-value.js';
import { lspTestKit, offsetOf } from './lsp-test-kit.js';

// The conventions a note leaves open come from the `credal` settings; changing them re-evaluates and
// re-validates the open notes (the same didChangeConfiguration path the client uses).
const kit = lspTestKit();
afterEach(async () => {
    kit.configure({});
    await kit.services.shared.workspace.WorkspaceLock.write(async () => undefined);
    return kit.clear();
});

const note = `set X = {0 .. 3}
dist p0 on X = (42/100, 8/100, 18/100, 32/100)
dist z on X = (0, 1/2, 0, 1/2)
credal K on X = hull{p0, z}
eval lowerE(K | {0, 2}, (5, 5, -5, -5))
set W = {x, y, z}
dist T on W = (1, 0, 0)
ddt N on W {
  belief T
  policies { p consistent {x, y} q consistent {y, z} }
  loss (1, 4, 0)
}
ddt M on W {
  belief T
  policies { p consistent {x, y} q consistent {y, z} }
  loss (1, 4, 0)
  semantics strict
  inconsistent exclude
}
`;

const messages = (document: LangiumDocument) => (document.diagnostics ?? []).map((d) => `${d.severity} ${diagnosticCode(d)} ${d.message}`);
const evalValue = (document: LangiumDocument<Model>) =>
    formatValue(kit.credal.evaluation.Evaluator.resultOf(document.parseResult.value.statements.find(isEval)!).value);

async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(condition()).toBe(true);
}

async function hoverText(document: LangiumDocument, needle: string): Promise<string> {
    const position = document.textDocument.positionAt(offsetOf(document.textDocument.getText(), needle));
    const result = await kit.credal.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() },
        position });
    return (result?.contents as { value?: string } | undefined)?.value ?? '';
}

describe('settings that change values', () => {
    it('a configuration change re-evaluates and re-validates the open note; clauses in the note still win', async () => {
        const document = await kit.build(note);
        expect(evalValue(document)).toBe('2');
        expect(messages(document).filter((m) => m.includes('W-ZERO-COND'))).toEqual([expect.stringContaining('conditioning uses the regular extension')]);
        expect(messages(document).filter((m) => m.includes('E-DDT-EMPTY'))).toEqual([
            expect.stringMatching(/^1 E-DDT-EMPTY the belief rules out policy q/), // N: error (default)
            '3 E-DDT-EMPTY Θ_q is empty; q is excluded' // M: `inconsistent exclude` in the note
        ]);
        expect(await hoverText(document,
            'N on')).toContain('semantics **strict** (default from setting `credal.ddt.defaultSemantics` (CLI `--ddt-semantics`))'
            + ' · inconsistent policies: **error** (default from setting `credal.ddt.defaultInconsistent` (CLI `--ddt-inconsistent`))');

        kit.configure({ conditioning: { zeroLowerProbability: 'natural' }, ddt: { defaultInconsistent: 'nirvana' } });
        await until(() => messages(document).some((m) => m.includes('conditioning uses the natural extension')));
        expect(evalValue(document)).toBe('-5');
        // The expensive checks ran again too: N's empty policy is now a Nirvana warning; M keeps its clauses.
        await until(() => messages(document).some((m) => m.startsWith('2 E-DDT-EMPTY')));
        expect(messages(document).filter((m) => m.includes('E-DDT-EMPTY')).map((m) => m.slice(0, 14))).toEqual(['2 E-DDT-EMPTY ',
            '3 E-DDT-EMPTY ']);
        expect(await hoverText(document,
            'N on')).toContain('inconsistent policies: **nirvana** (default from setting `credal.ddt.defaultInconsistent` (CLI `--ddt-inconsistent`))');

        // nirvana0 needs no emptiness handling: N's E-DDT-EMPTY goes; M's `semantics strict` keeps its own.
        kit.configure({ conditioning: { zeroLowerProbability: 'natural' }, ddt: { defaultSemantics: 'nirvana0',
            defaultInconsistent: 'nirvana' } });
        await until(() => messages(document).filter((m) => m.includes('E-DDT-EMPTY')).length === 1);
        expect(messages(document).filter((m) => m.includes('E-DDT-EMPTY'))).toEqual(['3 E-DDT-EMPTY Θ_q is empty; q is excluded']);
        expect(await hoverText(document, 'N on'))
            .toContain('semantics **nirvana0** (default from setting `credal.ddt.defaultSemantics` (CLI `--ddt-semantics`))');
        expect(await hoverText(document,
            'M on')).toContain("semantics **strict** (from the problem's own clause) · inconsistent policies: **exclude** (from the problem's own clause)");
    });

    it('a change that leaves the evaluation settings alone does not rebuild', async () => {
        const document = await kit.build(note);
        const before = document.diagnostics;
        kit.configure({ hover: { maxVertices: 3 } });
        await kit.services.shared.workspace.WorkspaceLock.write(async () => undefined);
        expect(document.diagnostics).toBe(before);
    });
});

describe('hover on a convention word', () => {
    const words = 'conventions { conditioning natural, ddt nirvana0 }\nset W = {x, y}\ncredal V on W = vacuous\n';

    it('says what the word means where the note sets it, and links to the reference', async () => {
        const natural = await kit.hover(words, 'natural', 2);
        expect(natural).toContain('**natural** (zero-probability conditioning rule)');
        expect(natural).toContain('Natural extension: vacuous on the event');
        expect(natural).toContain('a-note-fixes-its-own-conventions-85');
        expect(await kit.hover(words, 'nirvana0', 2)).toContain('**nirvana0** (DDT semantics)');
        expect(await kit.hover(words, 'conventions', 2)).toContain('**conventions** (keyword)');
    });

    it('the rule of condition(K, B, rule), and nothing for a word that is not a rule', async () => {
        expect(await kit.hover(`${words}credal C = condition(V, {x}, regular)`, 'regular', 2))
            .toContain('**regular** (zero-probability conditioning rule)\n\nRegular extension');
        expect(await kit.hover(`${words}credal C = condition(V, {x}, natral)`, 'natral', 2)).toBe('');
    });

    it('a DDT clause\'s word', async () => {
        const ddt = `${words}ddt N on W {\n  belief V\n  policies { p consistent {x} }\n  loss (1, 0)\n  inconsistent exclude\n}`;
        expect(await kit.hover(ddt, 'exclude', 2)).toContain('**exclude** (what a DDT does with a policy its belief rules out)');
    });
});
