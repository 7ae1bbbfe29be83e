// One table of built-ins (evaluation/builtins.ts) and of rules (evaluation/rule-text.ts): the evaluator,
// completion, hover and the docs must all see the same names.
import { existsSync, readFileSync } from 'node:fs';
import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTINS, FUNCTIONS, shownSignature } from '../../src/evaluation/builtins.js';
import { RULES } from '../../src/evaluation/rule-text.js';
import { lspTestKit, offsetOf } from './lsp-test-kit.js';

const kit = lspTestKit();
const complete = expectCompletion(kit.credal);
afterEach(() => kit.clear());

const note = `set Coin = {heads, tails}
credal K on Coin = vacuous
decision D on Coin {
  belief K
  acts {
    a = (1, 0)
  }
}
`;

async function labelsAt(text: string): Promise<string[]> {
    let labels: string[] = [];
    await complete({ text, index: 0, assert: (list: { items: CompletionItem[] }) => { labels = list.items.map(item => item.label); },
        disposeAfterCheck: true });
    return labels;
}

/** The messages of every diagnostic on the last line of `text`. */
async function messagesOnLastLine(text: string): Promise<string[]> {
    const document = await kit.build(text);
    const last = text.trimEnd().split('\n').length - 1;
    return (document.diagnostics ?? []).filter(d => d.range.start.line === last).map(d => String(d.message));
}

describe('every built-in name is known to the evaluator, completion, hover and the docs', () => {
    it('the evaluator runs every name in the table, and only those', async () => {
        for (const builtin of BUILTINS) {
            const messages = await messagesOnLastLine(`${note}eval ${builtin.name}(1)\n`);
            expect(messages.filter(m => m.includes('unknown function')), builtin.name).toEqual([]);
        }
        expect(await messagesOnLastLine(`${note}eval lowerQ(K, {heads})\n`)).toContainEqual(expect.stringContaining('unknown function `lowerQ`'));
    });

    it('completion offers every function where a value is expected, and every rule where a rule is', async () => {
        const labels = await labelsAt(`${note}eval <|>`);
        for (const builtin of FUNCTIONS) expect(labels, builtin.name).toContain(builtin.name);
        expect(await labelsAt(`${note}eval choose(D, <|>`)).toEqual(RULES.map(rule => rule.name));
    });

    it('hover on each function shows the signature from the table', async () => {
        for (const builtin of FUNCTIONS) {
            // Written as the signature writes it: `lowerP(…)`, `belief{…}`.
            const call = builtin.signature.includes(`${builtin.name}(`) ? `${builtin.name}(K)` : `${builtin.name}{K}`;
            const text = `${note}eval ${call}\n`;
            const document = await kit.build(text);
            const position = document.textDocument.positionAt(offsetOf(text, `eval ${builtin.name}`, 5));
            const hover = await kit.credal.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() },
                position });
            expect((hover?.contents as { value?: string } | undefined)?.value ?? '',
                builtin.name).toContain(`**${shownSignature(builtin)}**`);
        }
    });

    const languageDocs = new URL('../../../docs/language.md', import.meta.url);
    it.skipIf(!existsSync(languageDocs))('docs/language.md names every function and rule', () => {
        const docs = readFileSync(languageDocs, 'utf8');
        for (const name of [...FUNCTIONS.map(b => b.name), ...RULES.map(r => r.name)]) expect(docs, name).toContain(`\`${name}`);
    });
});
