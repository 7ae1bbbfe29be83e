import { describe, expect, it } from 'vitest';
import { IssueCodes } from '../../src/diagnostics/codes.js';
import type { Value } from '../../src/evaluation/values.js';
import { shortValue } from '../../src/lsp/value-hints.js';

describe('values still computed in the background', () => {
    it('show as an ellipsis, never as an error code', () => {
        const pending: Value = { kind: 'error', code: IssueCodes.Pending,
            message: 'being computed in the background; shown when ready' } as Value;
        expect(shortValue(pending, 4)).toBe('…');
    });

    it('real errors still show their code', () => {
        const failed: Value = { kind: 'error', code: 'E-BUDGET', message: 'over budget' } as Value;
        expect(shortValue(failed, 4)).toBe('⚠ E-BUDGET');
    });
});
