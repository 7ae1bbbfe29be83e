import { URI } from 'langium';
import { afterEach, describe as group, expect, it } from 'vitest';
import { ALL_CATEGORIES, TYPING_CATEGORIES, seen, validationKit } from './validation-kit.js';

// The timing contract: typing runs the cheap checks, saving runs everything; an expensive diagnostic
// survives later keystrokes exactly as long as its statement and everything it depends on are unchanged.

const kit = validationKit();
afterEach(() => kit.clear());

const OIL = [
    'set W = {0, 1, 2}',
    'credal K on W = { P({0}) in [0.5, 0.666], P({1}) in [0.222, 0.272], P({2}) in [0.125, 0.181] }',
    'credal L on W = { P({0}) >= 1/2, P({1}) >= 1/2, P({0, 1}) >= 1/3 }',
    'gamble f on W = (1, 0, 0)',
    'assert lowerE(K, f) == 1/2'
].join('\n');

/** Replace the text of the note at `uri` (as an editor change does) and build it with `categories`. */
async function edit(uri: URI, text: string, categories: string[]) {
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = kit.services.shared.workspace;
    LangiumDocuments.deleteDocument(uri);
    const document = LangiumDocumentFactory.fromString(text, uri);
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: { categories } });
    return (document.diagnostics ?? []).map((d) => seen(document, d));
}

group('validation timing', () => {
    it('typing runs no expensive check: no W-NOT-COHERENT, no E-ASSERT, no I-REDUNDANT', async () => {
        const { diagnostics } = await kit.validate(OIL, TYPING_CATEGORIES);
        expect(diagnostics.map((d) => d.code)).toEqual([]);
    });

    it('a save (all categories) adds them', async () => {
        const { diagnostics } = await kit.validate(OIL, ALL_CATEGORIES);
        const codes = diagnostics.map((d) => d.code).sort();
        expect(codes).toEqual(['E-ASSERT', 'I-PRECISE', 'I-REDUNDANT', 'W-NOT-COHERENT', 'W-NOT-COHERENT']);
    });

    it('keeps expensive diagnostics of unchanged statements after an edit elsewhere, moved with the text', async () => {
        const { document } = await kit.validate(OIL, ALL_CATEGORIES);
        const edited = `// a comment line pushes everything down\n${OIL.replace('gamble f on W = (1, 0, 0)', 'gamble f on W = (1, 0, 0)\ngamble g on W = (0, 1, 0)')}`;
        const after = await edit(document.uri, edited, TYPING_CATEGORIES);
        const coherence = after.filter((d) => d.code === 'W-NOT-COHERENT');
        expect(coherence.map((d) => [d.line, d.text])).toEqual([[3, 'P({0}) in [0.5, 0.666]'], [4, 'P({0, 1}) >= 1/3']]);
        expect((coherence[0]!.diagnostic.data as { asOfSave?: boolean }).asOfSave).toBe(true);
        // The assert depends on K and f, both unchanged: its failure still holds and is still shown.
        expect(after.find((d) => d.code === 'E-ASSERT')?.line).toBe(7);
    });

    it('drops the expensive diagnostics of an edited statement and of everything that depends on it', async () => {
        const { document } = await kit.validate(OIL, ALL_CATEGORIES);
        const after = await edit(document.uri, OIL.replace('[0.5, 0.666]', '[0.547, 0.653]'), TYPING_CATEGORIES);
        const codes = after.map((d) => `${d.code}@${d.line}`).sort();
        // K changed: its warning and the assert that reads K are gone until the next save; L's remain.
        expect(codes).toEqual(['I-PRECISE@3', 'I-REDUNDANT@3', 'W-NOT-COHERENT@3']);
    });

    it('a new save replaces carried diagnostics instead of adding to them', async () => {
        const { document } = await kit.validate(OIL, ALL_CATEGORIES);
        await edit(document.uri, `\n${OIL}`, TYPING_CATEGORIES);
        const { DocumentBuilder, LangiumDocuments } = kit.services.shared.workspace;
        const current = LangiumDocuments.getDocument(document.uri)!;
        await DocumentBuilder.build([current], { validation: { categories: ALL_CATEGORIES } });
        const codes = (current.diagnostics ?? []).map((d) => seen(current, d).code).sort();
        expect(codes).toEqual(['E-ASSERT', 'I-PRECISE', 'I-REDUNDANT', 'W-NOT-COHERENT', 'W-NOT-COHERENT']);
    });
});
