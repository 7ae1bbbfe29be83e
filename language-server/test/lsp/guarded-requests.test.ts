import { afterEach, describe, expect, it, vi } from 'vitest';
import { lspTestKit, offsetOf } from './lsp-test-kit.js';

const kit = lspTestKit();
afterEach(() => {
    vi.restoreAllMocks();
    return kit.clear();
});

const note = 'set Coin = {heads, tails}\ncredal K on Coin = vacuous\neval lowerP(K, {heads})\n';

describe('a request handler that fails logs why and answers empty', () => {
    it('hover: no hover, and the failure with its stack in the server log', async () => {
        const document = await kit.build(note);
        const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        vi.spyOn(kit.credal.evaluation.Evaluator, 'valueOf').mockImplementation(() => { throw new Error('evaluator exploded'); });
        vi.spyOn(kit.credal.evaluation.Evaluator, 'resultOf').mockImplementation(() => { throw new Error('evaluator exploded'); });
        const position = document.textDocument.positionAt(offsetOf(note, 'eval', 1));
        const textDocument = { uri: document.uri.toString() };
        const hover = await kit.credal.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
        expect(hover).toBeUndefined();
        expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Credal server: hover failed: Error: evaluator exploded\n\s+at /));
    });

    it('inlay hints: an empty list, and the failure in the log', async () => {
        const document = await kit.build(note);
        const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        vi.spyOn(kit.credal.editor.Settings, 'read').mockRejectedValue(new Error('no settings'));
        const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
        const textDocument = { uri: document.uri.toString() };
        const hints = await kit.credal.lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range });
        expect(hints).toEqual([]);
        expect(log).toHaveBeenCalledWith(expect.stringContaining('Credal server: inlay hints failed: Error: no settings'));
    });
});
