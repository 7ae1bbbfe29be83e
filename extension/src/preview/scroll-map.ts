/**
 * Scroll sync by declaration: maps a source line to a vertical offset in the preview and back, from the
 * blocks' line ranges and their measured boxes. Inside a block the position is proportional to the line
 * within it; between blocks (blank lines, comments) it is interpolated across the gap. The two functions
 * are inverse to each other, so syncing one way and then back lands where it started.
 * No DOM and no vscode here: the webview measures the boxes, this file does the arithmetic.
 */

/** One block: its source lines (0-based, inclusive) and its box in page coordinates. */
export interface BlockBox {
    startLine: number;
    endLine: number;
    top: number;
    height: number;
}

/** The page offset (px from the top of the document) where `line` begins. Boxes are in document order. */
export function offsetForLine(boxes: readonly BlockBox[], line: number): number {
    if (boxes.length === 0 || line <= 0) return 0;
    let previous: BlockBox | undefined;
    for (const box of boxes) {
        const span = box.endLine - box.startLine + 1;
        if (line < box.startLine) {
            // In the gap before this block.
            const gapStartLine = previous ? previous.endLine + 1 : 0;
            const gapTop = previous ? previous.top + previous.height : 0;
            return interpolate(line, gapStartLine, box.startLine, gapTop, box.top);
        }
        if (line < box.startLine + span) {
            return box.top + box.height * ((line - box.startLine) / span);
        }
        previous = box;
    }
    const last = boxes[boxes.length - 1];
    return last.top + last.height;
}

/** The (fractional) source line shown at page offset `offset`: the inverse of `offsetForLine`. */
export function lineForOffset(boxes: readonly BlockBox[], offset: number): number {
    if (boxes.length === 0 || offset <= 0) return 0;
    let previous: BlockBox | undefined;
    for (const box of boxes) {
        if (offset < box.top) {
            const gapStartLine = previous ? previous.endLine + 1 : 0;
            const gapTop = previous ? previous.top + previous.height : 0;
            return interpolate(offset, gapTop, box.top, gapStartLine, box.startLine);
        }
        if (offset < box.top + box.height) {
            const span = box.endLine - box.startLine + 1;
            return box.startLine + span * ((offset - box.top) / box.height);
        }
        previous = box;
    }
    return boxes[boxes.length - 1].endLine + 1;
}

/** Maps x from [x0, x1] to [y0, y1]; an empty source range maps to y0 (and never divides by zero). */
function interpolate(x: number, x0: number, x1: number, y0: number, y1: number): number {
    if (x1 <= x0) return y0;
    return y0 + (y1 - y0) * ((x - x0) / (x1 - x0));
}

/** The block a double-click at `offset` belongs to, as a whole source line (what the editor can show). */
export function sourceLineAt(boxes: readonly BlockBox[], offset: number): number {
    return Math.max(0, Math.floor(lineForOffset(boxes, offset)));
}

/**
 * Whether the editor's top `line` is its answer to the preview having sent `reported` (a fractional line):
 * the editor puts a whole line at its top, that line or the one above when a code lens sits over it.
 */
export function isEditorEcho(reported: number, line: number): boolean {
    const sent = Math.floor(reported);
    return line === sent || line === sent - 1;
}
