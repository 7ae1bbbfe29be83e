import { describe, expect, it } from 'vitest';
import { credalFences, isFenceContentLine, isMarkdownPath, maskMarkdown } from '../../src/markdown/credal-fences.js';

const POST = [
    '# A post',                      // 0
    'set NotANote = {a}',            // 1  prose that looks like Credal
    '```credal',                     // 2
    'set Coin = {heads, tails}',     // 3
    '```',                           // 4
    '```python',                     // 5
    '```credal',                     // 6  inside a python fence: not a marker
    '```',                           // 7
    '  ~~~~ Credal title',           // 8  tilde fence, indented, info with a title
    'eval 1/3',                      // 9
    '~~~',                           // 10 too short to close a ~~~~ fence
    '~~~~~',                         // 11
    '``` credal `x`',                // 12 backticks in the info string: inline code, not a fence
    'tail'                           // 13
].join('\n');

describe('credal fences in Markdown', () => {
    it('finds credal fences, skipping other languages whole and following CommonMark closing rules', () => {
        expect(credalFences(POST).map(f => [f.openLine, f.closeLine])).toEqual([[2, 4], [8, 11]]);
    });

    it('runs an unclosed fence to the end of the file', () => {
        const fences = credalFences('text\n```credal\neval 1\n');
        expect(fences.map(f => [f.openLine, f.closeLine])).toEqual([[1, 4]]);
        expect(maskMarkdown('text\n```credal\neval 1\n')).toBe('    \n         \neval 1\n');
    });

    it('masks to a text of the same length: fence contents kept, everything else blank, line breaks kept', () => {
        const masked = maskMarkdown(POST);
        expect(masked.length).toBe(POST.length);
        const lines = masked.split('\n');
        expect(lines[3]).toBe('set Coin = {heads, tails}');
        expect(lines[9]).toBe('eval 1/3');
        expect(lines[10]).toBe('~~~');
        for (const line of [0, 1, 2, 4, 5, 6, 7, 8, 11, 12, 13]) expect(lines[line].trim()).toBe('');
        expect(lines.map(l => l.length)).toEqual(POST.split('\n').map(l => l.length));
    });

    it('keeps Windows line breaks and UTF-16 offsets (astral characters become two spaces)', () => {
        const text = '𝔼 prose\r\n```credal\r\nlet x = 1\r\n```\r\n';
        const masked = maskMarkdown(text);
        expect(masked.length).toBe(text.length);
        expect(masked).toBe('        \r\n         \r\nlet x = 1\r\n   \r\n');
    });

    it('tells content lines and Markdown paths', () => {
        const fences = credalFences(POST);
        expect([2, 3, 4, 9, 10, 11].map(line => isFenceContentLine(fences, line))).toEqual([false, true, false, true, true, false]);
        expect(['post.md', 'a/B.MARKDOWN', 'file:///x.md?ref=HEAD', 'note.cred', 'md'].map(isMarkdownPath)).toEqual([true, true, true, false, false]);
    });
});
