/**
 * Credal code fences in Markdown (CommonMark fenced code blocks whose info string starts with `credal`),
 * and the masking that turns a Markdown file into a Credal text of the same length: every character
 * outside the fences' content becomes a space, line breaks stay. Offsets, lines and columns of the masked
 * text are those of the Markdown file, so the whole Langium pipeline works on it unchanged.
 */

/** The language word of a credal fence's info string. */
const CREDAL_FENCE_LANGUAGE = 'credal';

/** A credal fence; lines are 0-based, the content is the lines strictly between the markers. */
export interface CredalFence {
    /** The line of the opening marker (```credal). */
    openLine: number;
    /** The line of the closing marker, or the line count when the fence runs to the end of the file. */
    closeLine: number;
    /** Offsets of the content: from the start of the line after the opening marker to the start of the closing marker's line. */
    contentStart: number;
    contentEnd: number;
}

interface Line {
    text: string;
    /** Offset of the line's first character. */
    start: number;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Every credal fence of `markdown`, in order. Fences of other languages are skipped whole. */
export function credalFences(markdown: string): CredalFence[] {
    const lines = splitLines(markdown);
    const fences: CredalFence[] = [];
    for (let i = 0; i < lines.length; i++) {
        const opening = OPENING.exec(lines[i].text);
        if (!opening) continue;
        const marker = opening[2];
        const info = opening[3].trim();
        // A backtick fence's info string may not contain backticks (CommonMark 4.5): then it is inline code.
        if (marker[0] === '`' && info.includes('`')) continue;
        const close = closingLine(lines, i + 1, marker);
        if (isCredalInfo(info)) {
            const contentStart = i + 1 < lines.length ? lines[i + 1].start : markdown.length;
            const contentEnd = close < lines.length ? lines[close].start : markdown.length;
            fences.push({ openLine: i, closeLine: close, contentStart, contentEnd: Math.max(contentStart, contentEnd) });
        }
        i = close;
    }
    return fences;
}

/** Whether an info string names Credal: its first word is `credal` (any letter case), as in ```credal or ``` credal title. */
export function isCredalInfo(info: string): boolean {
    return info.trim().split(/\s+/)[0]?.toLowerCase() === CREDAL_FENCE_LANGUAGE;
}

/** The Markdown text with everything outside credal fence contents blanked (same length, line breaks kept). */
export function maskMarkdown(markdown: string, fences: readonly CredalFence[] = credalFences(markdown)): string {
    let masked = '';
    let at = 0;
    for (const fence of fences) {
        masked += blank(markdown.slice(at, fence.contentStart)) + markdown.slice(fence.contentStart, fence.contentEnd);
        at = fence.contentEnd;
    }
    return masked + blank(markdown.slice(at));
}

/** Whether a 0-based line lies inside the content of one of the fences. */
export function isFenceContentLine(fences: readonly CredalFence[], line: number): boolean {
    return fences.some(fence => line > fence.openLine && line < fence.closeLine);
}

/** Whether a path or URI names a Markdown file. */
export function isMarkdownPath(pathOrUri: string): boolean {
    return /\.(md|markdown)$/i.test(pathOrUri.replace(/[?#].*$/, ''));
}

function blank(text: string): string {
    return text.replace(/[^\r\n]/g, ' ');
}

/** The closing marker's line at or after `from`: same character, at least as long, nothing but spaces after it. */
function closingLine(lines: readonly Line[], from: number, marker: string): number {
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    for (let j = from; j < lines.length; j++) {
        if (closing.test(lines[j].text)) return j;
    }
    return lines.length;
}

function splitLines(text: string): Line[] {
    const lines: Line[] = [];
    const breaks = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
        lines.push({ text: text.slice(start, match.index), start });
        start = match.index + match[0].length;
    }
    lines.push({ text: text.slice(start), start });
    return lines;
}
