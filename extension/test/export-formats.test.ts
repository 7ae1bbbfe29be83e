import { describe, expect, it } from 'vitest';
import { EXPORT_CHOICES, exportChoice, exportPath, exportText } from '../src/export/export-formats.js';

describe('export formats', () => {
    it('offers the three formats of credal/export', () => {
        expect(EXPORT_CHOICES.map(choice => choice.format)).toEqual(['markdown', 'latex', 'html']);
        expect(exportChoice('latex')?.extension).toBe('tex');
        expect(exportChoice('pdf')).toBeUndefined();
    });

    it('proposes the note name with the format extension, in the same folder', () => {
        expect(exportPath('/notes/knightian-coin.cred', 'markdown')).toBe('/notes/knightian-coin.md');
        expect(exportPath('/notes/a.b.cred', 'latex')).toBe('/notes/a.b.tex');
        expect(exportPath('Untitled-1', 'html')).toBe('Untitled-1.html');
        expect(exportPath('/notes/.cred', 'html')).toBe('/notes/note.html');
    });

    it('accepts only an answer that carries text', () => {
        expect(exportText({ text: '$x$' })).toBe('$x$');
        expect(exportText({ text: 3 })).toBeUndefined();
        expect(exportText(null)).toBeUndefined();
        expect(exportText('plain')).toBeUndefined();
    });
});
