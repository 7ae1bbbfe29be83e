import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { testCodeAction } from 'langium/test';
import { afterEach, describe as group, expect, it } from 'vitest';
import { describe, validationKit } from './validation-kit.js';

// Every quick fix applied through the real provider, the result re-validated (all categories) and clean.

const kit = validationKit();
const singleFix = testCodeAction(kit.services.Credal);
afterEach(() => kit.clear());

/** Apply the action titled `title` for the one diagnostic with `code`; return the new text. */
async function applyFix(text: string, code: string, title: RegExp): Promise<{ after: string; titles: string[] }> {
    const { document, diagnostics } = await kit.validate(text);
    const relevant = diagnostics.filter((d) => d.code === code);
    expect(relevant, describe(diagnostics).join('\n')).toHaveLength(1);
    const actions = (await kit.services.Credal.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri }, range: relevant[0]!.diagnostic.range,
        context: { diagnostics: [relevant[0]!.diagnostic], triggerKind: 1 }
    })) ?? [];
    const titles = actions.map((a) => a.title);
    const action = actions.find((a): a is CodeAction => CodeAction.is(a) && title.test(a.title));
    expect(action, `no action ${title} among ${JSON.stringify(titles)}`).toBeDefined();
    const edits = action!.edit!.changes![document.textDocument.uri]!;
    return { after: TextDocument.applyEdits(document.textDocument, edits), titles };
}

/** The note has no error or warning at all (information is allowed). */
async function expectClean(text: string): Promise<void> {
    const { diagnostics } = await kit.validate(text);
    expect(describe(diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'))).toEqual([]);
}

async function expectSingleFix(before: string, code: string, after: string): Promise<void> {
    const result = await singleFix(before, code, after);
    await result.dispose();
    await expectClean(after);
}

group('quick fixes', () => {
    it('E-DIST-SUM normalize scales every mass exactly (reduced fractions)', async () => {
        const { after, titles } = await applyFix('set X = {a, b, c}\ndist p on X = {a: 0.2, b: 0.3, c: 0.4}', 'E-DIST-SUM', /^Normalize/);
        expect(after).toBe('set X = {a, b, c}\ndist p on X = {a: 2/9, b: 1/3, c: 4/9}');
        expect(titles).toContain('Normalize: divide every mass by 9/10');
        await expectClean(after);
    });

    it('E-DIST-SUM normalize on a tuple', async () => {
        const { after } = await applyFix('set X = {a, b, c}\ndist p on X = (1/2, 1/2, 1)', 'E-DIST-SUM', /^Normalize/);
        expect(after).toBe('set X = {a, b, c}\ndist p on X = (1/4, 1/4, 1/2)');
        await expectClean(after);
    });

    it('E-DIST-SUM puts `rest` on a listed element, only where the remainder stays non-negative', async () => {
        const text = 'set X = {a, b, c}\ndist p on X = {a: 0.5, b: 0.6, c: 0.05}';
        const { after, titles } = await applyFix(text, 'E-DIST-SUM', /rest.* on b/);
        expect(after).toBe('set X = {a, b, c}\ndist p on X = {a: 0.5, b: rest, c: 0.05}');
        expect(titles.filter((t) => t.includes('rest'))).toEqual(['Put `rest` on a (it becomes 7/20)',
            'Put `rest` on b (it becomes 9/20)']);
        await expectClean(after);
    });

    it('E-DIST-SUM puts `rest` on an unlisted element', async () => {
        const { after } = await applyFix('set X = {a, b, c}\ndist p on X = {a: 0.5, b: 0.25}', 'E-DIST-SUM', /rest.* on c/);
        expect(after).toBe('set X = {a, b, c}\ndist p on X = {a: 0.5, b: 0.25, c: rest}');
        await expectClean(after);
    });

    it('W-NOT-COHERENT tightens an interval to its natural extension (C-8)', async () => {
        await expectSingleFix(
            'set W = {0, 1, 2}\ncredal K on W = { P({0}) in [0.5, 0.666], P({1}) in [0.222, 0.272], P({2}) in [0.125, 0.181] }',
            'W-NOT-COHERENT',
            'set W = {0, 1, 2}\ncredal K on W = { P({0}) in [547/1000, 653/1000], P({1}) in [0.222, 0.272], P({2}) in [0.125, 0.181] }');
    });

    it('W-NOT-COHERENT tightens a one-sided bound', async () => {
        await expectSingleFix(
            'set W = {0, 1, 2}\ncredal K on W = { P({0}) <= 1/4, P({1}) <= 1/4, P({2}) >= 1/4 }',
            'W-NOT-COHERENT',
            'set W = {0, 1, 2}\ncredal K on W = { P({0}) <= 1/4, P({1}) <= 1/4, P({2}) >= 1/2 }');
    });

    it('E-OPEN writes the closed interval', async () => {
        await expectSingleFix('set X = {a, b}\ncredal K on X = { P({a}) in [1/4, 2/3) }', 'E-OPEN',
            'set X = {a, b}\ncredal K on X = { P({a}) in [1/4, 2/3] }');
    });

    it('E-STRICT writes the closed relation', async () => {
        await expectSingleFix('set X = {a, b}\ncredal K on X = { P({a}) > 1/3 }', 'E-STRICT',
            'set X = {a, b}\ncredal K on X = { P({a}) >= 1/3 }');
    });

    it('E-NONCONVEX wraps the union in hull(…)', async () => {
        await expectSingleFix(
            'set X = {a, b}\ncredal K1 on X = { P({a}) >= 1/2 }\ncredal K2 on X = { P({a}) <= 1/4 }\ncredal U = K1 ∪ K2',
            'E-NONCONVEX',
            'set X = {a, b}\ncredal K1 on X = { P({a}) >= 1/2 }\ncredal K2 on X = { P({a}) <= 1/4 }\ncredal U = hull(K1 ∪ K2)');
    });

    it('E-INFRA-NORM wraps the hull in normalize(…)', async () => {
        await expectSingleFix('set X = {a, b}\ninfra H on X = hull{ (m: (1, 1), b: 1/2) }', 'E-INFRA-NORM',
            'set X = {a, b}\ninfra H on X = normalize(hull{ (m: (1, 1), b: 1/2) })');
    });

    it('E-UNRESOLVED replaces an unknown name by the closest declared one', async () => {
        await expectSingleFix(
            'set Coin = {heads, tails}\ndist fair on Coin = {heads: 1/2, tails: 1/2}\ncredal B = tvball(fiar, 1/10)',
            'E-UNRESOLVED',
            'set Coin = {heads, tails}\ndist fair on Coin = {heads: 1/2, tails: 1/2}\ncredal B = tvball(fair, 1/10)');
    });

    it('E-ELEM-UNKNOWN replaces an unknown element by the closest element of the set', async () => {
        await expectSingleFix('set X = {apple, banana}\ndist p on X = {apple: 0.5, banan: 0.5}', 'E-ELEM-UNKNOWN',
            'set X = {apple, banana}\ndist p on X = {apple: 0.5, banana: 0.5}');
    });

    it('the did-you-mean travels in the data (suggestion + the range it replaces), not in the message', async () => {
        const text = 'set Coin = {heads, tails}\ndist fair on Coin = {heads: 1/2, tails: 1/2}\ncredal B = tvball(fiar, 1/10)';
        const { document, diagnostics } = await kit.validate(text);
        const unresolved = diagnostics.find((d) => d.code === 'E-UNRESOLVED')!;
        const data = unresolved.diagnostic.data as { suggestion?: string; replaceRange?: Range };
        expect(data.suggestion).toBe('fair');
        expect(document.textDocument.getText(data.replaceRange!)).toBe('fiar');
        const fixes = async (diagnostic: Diagnostic) => ((await kit.services.Credal.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic],
                triggerKind: 1 }
        })) ?? []) as CodeAction[];
        // Reworded message, same data: the fix still comes from the data.
        const reworded = await fixes({ ...unresolved.diagnostic, message: 'no such name here' });
        expect(reworded.map((a) => [a.title, a.edit!.changes![document.textDocument.uri]![0]!.newText])).toEqual([['Change to `fair`',
            'fair']]);
        // A message that merely reads like a did-you-mean, without data, is not parsed into a fix.
        const { suggestion: _s, replaceRange: _r, ...plain } = data;
        expect(await fixes({ ...unresolved.diagnostic, message: 'unknown name `fiar`; did you mean `fake`?', data: plain })).toEqual([]);
    });

    it('E-TYPE for a misspelt rule of condition(K, B, rule) changes it to the rule it is closest to', async () => {
        const note = 'set X = {a, b}\ncredal K on X = vacuous\ncredal C = condition(K, {a}, ';
        const { diagnostics } = await kit.validate(`${note}natral)`);
        expect(describe(diagnostics.filter((d) => d.code === 'E-TYPE'))).toEqual([
            'E-TYPE error 3:30 «natral» the rule of condition(K, B, rule) is `regular` or `natural`, got `natral`; did you mean `natural`?'
        ]);
        await expectSingleFix(`${note}natral)`, 'E-TYPE', `${note}natural)`);
    });

    it('E-UNRESOLVED for an unknown function replaces just the function name', async () => {
        await expectSingleFix('set X = {a, b}\ncredal K on X = vacuous\neval lowerPP(K, {a})', 'E-UNRESOLVED',
            'set X = {a, b}\ncredal K on X = vacuous\neval lowerP(K, {a})');
    });

    it('E-UNRESOLVED for an unknown act of a problem suggests the closest act', async () => {
        const text = 'set X = {a, b}\ncredal K on X = vacuous\ndecision D on X { belief K acts { bet = (1, -1) pass = (0, 0) } }\neval value(D, bte, maximin)';
        await expectSingleFix(text, 'E-UNRESOLVED', text.replace('bte', 'bet'));
    });

    it('E-ASSERT updates the claim to the actual value', async () => {
        await expectSingleFix('set X = {a, b}\ncredal K on X = { P({a}) in [1/3, 2/3] }\nassert lowerP(K, {a}) == 1/2', 'E-ASSERT',
            'set X = {a, b}\ncredal K on X = { P({a}) in [1/3, 2/3] }\nassert lowerP(K, {a}) == 1/3');
    });

    it('E-ASSERT updates a set-valued claim (vertices, exact and in element order)', async () => {
        const { after } = await applyFix('set X = {a, b}\ncredal K on X = { P({a}) in [1/3, 2/3] }\nassert vertices(K) == {(1/2, 1/2)}',
            'E-ASSERT', /actual value/);
        expect(after).toBe('set X = {a, b}\ncredal K on X = { P({a}) in [1/3, 2/3] }\nassert vertices(K) == {(1/3, 2/3), (2/3, 1/3)}');
        await expectClean(after);
    });

    it('E-GAMBLE-PARTIAL adds `else: 0` or lists the missing elements', async () => {
        const text = 'set X = {a, b, c}\ngamble f on X = {a: 1}';
        expect((await applyFix(text, 'E-GAMBLE-PARTIAL', /else/)).after).toBe('set X = {a, b, c}\ngamble f on X = {a: 1, else: 0}');
        const listed = (await applyFix(text, 'E-GAMBLE-PARTIAL', /^List/)).after;
        expect(listed).toBe('set X = {a, b, c}\ngamble f on X = {a: 1, b: 0, c: 0}');
        await expectClean(listed);
    });

    it('offers nothing where no mechanical fix exists (negative mass)', async () => {
        const { document, diagnostics } = await kit.validate('set C = {h, t}\ndist p on C = {h: 1.2, t: -0.2}');
        const actions = await kit.services.Credal.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: diagnostics[0]!.diagnostic.range,
            context: { diagnostics: diagnostics.map((d) => d.diagnostic), triggerKind: 1 }
        });
        expect(actions).toBeUndefined();
    });
});
