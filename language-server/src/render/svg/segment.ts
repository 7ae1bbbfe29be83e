import { ACT_COLOURS, DOT_COLOUR, SET_COLOUR, fmt, svgOpen, text, title, type LabelledPoint } from './svg-util.js';

/** An interval of p(first element) ∈ [0, 1], with its endpoints (floats: for drawing only). */
export interface SegmentInterval {
    from: LabelledPoint<number>;
    to: LabelledPoint<number>;
    label: string;
    colour?: number;
}

interface SegmentPicture {
    /** The two elements: the axis shows the probability of the first. */
    elements: readonly [string, string];
    intervals: readonly SegmentInterval[];
    dots: readonly LabelledPoint<number>[];
    caption: string;
}

const LENGTH = 300;
const LEFT = 40;
const AXIS_Y = 44;

function xOf(p: number): number {
    return LEFT + LENGTH * p;
}

/** The segment [0, 1] of P(first element) with the credal interval (or each act's interval) on it. */
export function segmentSvg(picture: SegmentPicture): string {
    const rows = Math.max(1, picture.intervals.length);
    const height = AXIS_Y + 22 + rows * 16 + (picture.dots.length > 0 ? 16 : 0);
    const parts: string[] = [svgOpen(LENGTH + 2 * LEFT, height, picture.caption)];
    parts.push(text({ x: LEFT + LENGTH / 2, y: 14 }, `P(${picture.elements[0]})`, 'credal-axis-label'));
    parts.push(`<line class="credal-axis" x1="${xOf(0)}" y1="${AXIS_Y}" x2="${xOf(1)}" y2="${AXIS_Y}" stroke="currentColor" stroke-opacity="0.6"/>`);
    for (const [p, label] of [[0, '0'], [0.5, '1/2'], [1, '1']] as const) {
        parts.push(`<line x1="${fmt(xOf(p))}" y1="${AXIS_Y - 4}" x2="${fmt(xOf(p))}" y2="${AXIS_Y + 4}" stroke="currentColor" stroke-opacity="0.6"/>`);
        parts.push(text({ x: xOf(p), y: AXIS_Y - 8 }, label, 'credal-tick'));
    }
    picture.intervals.forEach((interval, row) => {
        const colour = interval.colour === undefined ? SET_COLOUR : ACT_COLOURS[interval.colour % ACT_COLOURS.length];
        const cls = interval.colour === undefined ? 'credal-set' : `credal-act credal-act-${interval.colour % ACT_COLOURS.length}`;
        const y = interval.colour === undefined ? AXIS_Y : AXIS_Y + 18 + row * 16;
        const x1 = xOf(interval.from.at);
        const x2 = xOf(interval.to.at);
        parts.push(`<g class="credal-region">${title(interval.label)}<line class="${cls}" x1="${fmt(x1)}" y1="${y}" x2="${fmt(x2)}" y2="${y}" stroke="${colour}" stroke-width="6" stroke-linecap="round"/>`);
        for (const end of [interval.from, interval.to]) {
            parts.push(`<g class="credal-vertex">${title(end.title)}<circle cx="${fmt(xOf(end.at))}" cy="${y}" r="3" fill="${colour}" stroke="currentColor" stroke-width="0.5"/></g>`);
        }
        if (interval.colour === undefined) {
            parts.push(text({ x: x1, y: y + 18 }, interval.from.label ?? '', 'credal-vertex-label'));
            if (x2 - x1 > 24) parts.push(text({ x: x2, y: y + 18 }, interval.to.label ?? '', 'credal-vertex-label'));
        } else {
            parts.push(text({ x: xOf(1) + 6, y: y + 4 }, interval.label, 'credal-region-label', 'start'));
        }
        parts.push('</g>');
    });
    for (const d of picture.dots) {
        const y = height - 10;
        parts.push(`<g class="credal-dot">${title(d.title)}<circle cx="${fmt(xOf(d.at))}" cy="${y - 4}" r="3.5" fill="${DOT_COLOUR}"/>${text({ x: xOf(d.at) + 6, y }, d.label ?? '', 'credal-dot-label', 'start')}</g>`);
    }
    parts.push('</svg>');
    return parts.join('');
}
