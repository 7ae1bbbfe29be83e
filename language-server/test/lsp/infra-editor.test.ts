import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { afterEach, describe, expect, it } from 'vitest';
import { lspTestKit } from './lsp-test-kit.js';

// Version 2 in the editor (LANGUAGE §7.5): hover with the generators table, E_H of the note's gambles and
// P^g_H(L) for an update; inlay hints; completion of the new keywords and functions.
const kit = lspTestKit();
const complete = expectCompletion(kit.credal);
afterEach(() => {
    kit.configure({});
    return kit.clear();
});

const note = `set X = {x1, x2, x3}
gamble f on X = (1, 0, 1/2)
gamble big on X = (2, 0, 0)
infra H on X = hull{ (m: {x1: 1/2, x2: 1/4}, b: 1/4), (m: (0, 1/2, 1/2), b: 0) }
infra U = ibupdate(H, {x1, x2}, 1/2)
eval generators(H)
eval lowerE(H, f)
`;

const hoverAt = kit.hover;

describe('hover on a decision under a non-crisp infradistribution (LANGUAGE §7.4)', () => {
    const decisions = `${note}decision D on X {
  belief H
  acts { a = (1, 0, 1/2)  c = (0, 1, 0) }
}
decision Dl on X {
  belief H
  losses { a = (1, 0, 1/2)  c = (0, 1, 1) }
}
`;

    it('tabulates one value per act, E_H, and maximin only', async () => {
        const text = await hoverAt(decisions, 'D on');
        expect(text).toContain('non-crisp infradistribution ℋ, decided by maximin');
        // By hand: E_H(a) = min(1/2 + 1/4, 1/4) = 1/4; E_H(c) = min(1/4 + 1/4, 1/2) = 1/2.
        expect(text).toContain('| act | E_ℋ[U] |');
        expect(text).toContain('| a | 1/4 |');
        expect(text).toContain('| c | 1/2 |');
        expect(text).not.toContain('Ē');
        expect(text).toContain('maximin: `{c}`');
    });

    it('reads a loss L as the utility 1 − L and reports 1 − E_H[1 − L]', async () => {
        const text = await hoverAt(decisions, 'Dl on');
        // 1 − a = (0, 1, 1/2): E_H = min(1/4 + 1/4, 1/2 + 1/4) = 1/2; 1 − c = (1, 0, 0): E_H = min(1/2 + 1/4, 0) = 0.
        expect(text).toContain('| act | 1 − E_ℋ[1 − L] |');
        expect(text).toContain('| a | 1/2 |');
        expect(text).toContain('| c | 1 |');
    });
});

describe('hover on an infradistribution', () => {
    it('shows the minimal generators as a table, E_H of the gambles on its set in [0, 1], and crispness', async () => {
        const text = await hoverAt(note, 'H on');
        expect(text).toContain('2 minimal generators · not crisp');
        expect(text).toContain('| x1 | x2 | x3 | b |');
        expect(text).toContain('| 0 | 1/2 | 1/2 | 0 |');
        expect(text).toContain('| 1/2 | 1/4 | 0 | 1/4 |');
        // By hand: min(1/2 + 1/4, 0 + 1/4) = 1/4; `big` leaves [0, 1] and H is not crisp, so it is not listed.
        expect(text).toContain('E_ℋ(f) = 1/4');
        expect(text).not.toContain('E_ℋ(big)');
    });

    it('shows P^g_H(L) for an update', async () => {
        const text = await hoverAt(note, 'U =');
        expect(text).toContain('infra-Bayesian update');
        expect(text).toContain('P^g_ℋ(L) = 1/2');
        expect(text).toContain('| 1 | 1/2 | 0 | 0 |');
    });
});

describe('inlay hints', () => {
    it('after each eval of a set of a-measures and of an expectation', async () => {
        const document = await kit.build(note);
        const end = document.textDocument.positionAt(note.length);
        const hints = (await kit.credal.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end }
        })) ?? [];
        expect(hints.map(hint => hint.label)).toEqual(['= {(m: (0, 1/2, 1/2), b: 0), (m: (1/2, 1/4, 0), b: 1/4)}', '= 1/4']);
    });
});

describe('completion', () => {
    async function labelsAt(text: string): Promise<string[]> {
        let labels: string[] = [];
        await complete({ text, index: 0, assert: (list: { items: CompletionItem[] }) => { labels = list.items.map(item => item.label); },
            disposeAfterCheck: true });
        return labels;
    }

    it('offers the infra and kernel declarations at the start of a statement', async () => {
        const labels = await labelsAt(`${note}<|>`);
        expect(labels).toEqual(expect.arrayContaining(['infra', 'kernel']));
    });

    it('offers the new functions and infradistributions where a value is expected', async () => {
        const labels = await labelsAt(`${note}eval <|>`);
        expect(labels).toEqual(expect.arrayContaining(['ibupdate', 'ibprob', 'generators', 'isCrisp', 'normalize', 'H', 'U']));
        const inLowerE = await labelsAt(`${note}eval lowerE(<|>`);
        expect(inLowerE).toEqual(expect.arrayContaining(['H', 'U']));
    });
});
