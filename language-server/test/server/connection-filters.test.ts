import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { isCredalDocument } from '../../src/connection-filters.js';
import { diagnosticCode, withVisibleCode } from '../../src/diagnostics/diagnostic-code.js';

const CREDAL = { languageId: 'credal', fileExtensions: ['.cred'] };

describe('which documents the server takes', () => {
    it.each([
        ['file:///notes/coin.cred', 'credal', true],
        ['untitled:Untitled-1', 'credal', true],
        ['file:///notes/COIN.CRED', 'plaintext', true],
        ['file:///notes/coin.cred?ref=HEAD', 'plaintext', true],
        ['file:///notes/README.md', 'markdown', false],
        ['git:/notes/coin.cred.orig', 'plaintext', false],
        ['untitled:Untitled-2', 'plaintext', false]
    ])('%s as %s → %s', (uri, languageId, expected) => {
        expect(isCredalDocument({ uri, languageId }, CREDAL)).toBe(expected);
    });
});

describe('the stable code of a diagnostic', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const diagnostic = (extra: Partial<Diagnostic>): Diagnostic => ({ range, message: 'm', ...extra });

    it('comes from Diagnostic.code, else from data.code, with Langium kinds named as the language names them', () => {
        expect(diagnosticCode(diagnostic({ code: 'E-CYCLE', data: { code: 'E-OTHER' } }))).toBe('E-CYCLE');
        expect(diagnosticCode(diagnostic({ data: { code: 'E-DUP-NAME' } }))).toBe('E-DUP-NAME');
        expect(diagnosticCode(diagnostic({ data: { code: 'parsing-error' } }))).toBe('E-SYNTAX');
        expect(diagnosticCode(diagnostic({ data: { code: 'linking-error' } }))).toBe('E-UNRESOLVED');
        expect(diagnosticCode(diagnostic({}))).toBeUndefined();
    });

    it('is published in Diagnostic.code, keeping data for quick fixes', () => {
        const published = withVisibleCode(diagnostic({ data: { code: 'E-SET-DUP', element: 'a' } }));
        expect(published.code).toBe('E-SET-DUP');
        expect(published.data).toEqual({ code: 'E-SET-DUP', element: 'a' });
    });
});
