import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEditorEcho, lineForOffset, offsetForLine, sourceLineAt, type BlockBox } from '../src/preview/scroll-map.js';

// A note: prose on lines 0–3, a declaration on 5–6, an eval on 9. Boxes as the webview would measure them.
const boxes: BlockBox[] = [
    { startLine: 0, endLine: 3, top: 10, height: 200 },
    { startLine: 5, endLine: 6, top: 230, height: 100 },
    { startLine: 9, endLine: 9, top: 350, height: 40 }
];

describe('offsetForLine', () => {
    it('puts the first line of a block at its top, and lines inside it proportionally', () => {
        expect(offsetForLine(boxes, 5)).toBe(230);
        expect(offsetForLine(boxes, 6)).toBe(280);
        expect(offsetForLine(boxes, 2)).toBe(110);
    });

    it('interpolates across the gap between two blocks', () => {
        // Lines 7–8 lie between the declaration (ends at 330) and the eval (starts at 350).
        expect(offsetForLine(boxes, 7)).toBe(330);
        expect(offsetForLine(boxes, 8)).toBe(340);
    });

    it('is 0 at the top and the end of the last block after it', () => {
        expect(offsetForLine(boxes, 0)).toBe(0);
        expect(offsetForLine(boxes, 40)).toBe(390);
        expect(offsetForLine([], 12)).toBe(0);
    });
});

describe('lineForOffset', () => {
    it('reads the line inside a block and in a gap', () => {
        expect(lineForOffset(boxes, 230)).toBe(5);
        expect(lineForOffset(boxes, 280)).toBe(6);
        expect(lineForOffset(boxes, 340)).toBe(8);
        expect(lineForOffset(boxes, 5000)).toBe(10);
        expect(lineForOffset([], 100)).toBe(0);
    });

    it('gives a double-click on a block the line it stands for', () => {
        expect(sourceLineAt(boxes, 235)).toBe(5);
        expect(sourceLineAt(boxes, 385)).toBe(9);
    });

    it('is the inverse of offsetForLine, so syncing there and back lands where it started', () => {
        // Random layouts: blocks in line order with positive heights and non-negative gaps.
        const layout = fc.array(fc.record({ lines: fc.integer({ min: 1, max: 8 }), gapLines: fc.integer({ min: 0, max: 4 }),
            height: fc.integer({ min: 5, max: 300 }), gapPx: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 8 });
        fc.assert(fc.property(layout, fc.double({ min: 0, max: 1, noNaN: true }), (parts, at) => {
            const built: BlockBox[] = [];
            let line = 0;
            let top = 0;
            for (const part of parts) {
                line += part.gapLines;
                top += part.gapPx;
                built.push({ startLine: line, endLine: line + part.lines - 1, top, height: part.height });
                line += part.lines;
                top += part.height;
            }
            const target = at * line;
            const there = offsetForLine(built, target);
            const back = lineForOffset(built, there);
            // Where a gap has lines but no pixels (or the reverse) the map is not one-to-one; elsewhere it is.
            const inDegenerateGap = built.some((box, i) => {
                const gapStart = i === 0 ? 0 : built[i - 1].endLine + 1;
                const gapTop = i === 0 ? 0 : built[i - 1].top + built[i - 1].height;
                return target >= gapStart && target < box.startLine && (box.top === gapTop || box.startLine === gapStart);
            });
            if (!inDegenerateGap) expect(back).toBeCloseTo(target, 6);
            // And offsets never go backwards as lines go forward.
            expect(offsetForLine(built, target + 0.5)).toBeGreaterThanOrEqual(there - 1e-9);
        }));
    });
});

describe('isEditorEcho', () => {
    it('takes the whole line the editor puts at its top after a reported line, or the one above, as its answer', () => {
        expect(isEditorEcho(18.4, 18)).toBe(true);
        expect(isEditorEcho(18.4, 17)).toBe(true); // a code lens over line 18
        expect(isEditorEcho(18, 18)).toBe(true);
        expect(isEditorEcho(0, 0)).toBe(true);
    });

    it('takes any other line as the editor moving on its own', () => {
        expect(isEditorEcho(18.4, 19)).toBe(false);
        expect(isEditorEcho(18.4, 16)).toBe(false);
        expect(isEditorEcho(18.99, 40)).toBe(false);
    });
});
