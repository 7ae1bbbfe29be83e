import { ACT_COLOURS, DOT_COLOUR, SET_COLOUR, aroundCentroid, fmt, pointsAttr, shape, svgOpen, text, title, type LabelledPoint,
    type Point } from './svg-util.js';

/** Barycentric coordinates on a 3-element set (floats: for drawing only). */
export type Bary3 = readonly [number, number, number];

/** A region of the simplex: a credal set, or where an act is optimal. */
export interface SimplexRegion {
    vertices: readonly LabelledPoint<Bary3>[];
    label: string;
    /** Index into the act colours; undefined for the credal set itself. */
    colour?: number;
    /** Drawn as a dashed outline over the other regions (the belief in a picture of act regions). */
    outline?: boolean;
}

interface SimplexPicture {
    /** Names of the three elements, in order (corners: bottom left, bottom right, top). */
    corners: readonly [string, string, string];
    regions: readonly SimplexRegion[];
    dots: readonly LabelledPoint<Bary3>[];
    /** Write vertex labels beside the vertices (off when there are many). */
    labelVertices: boolean;
    caption: string;
}

const SIDE = 240;
const MARGIN = { left: 70, right: 70, top: 30, bottom: 34 };
const HEIGHT = SIDE * Math.sqrt(3) / 2;

function toPoint([, b, c]: Bary3): Point {
    return { x: MARGIN.left + SIDE * (b + c / 2), y: MARGIN.top + HEIGHT * (1 - c) };
}

/** The simplex triangle Δ{a, b, c} with regions, labelled vertices and dots. */
export function simplexSvg(picture: SimplexPicture): string {
    const width = SIDE + MARGIN.left + MARGIN.right;
    const height = HEIGHT + MARGIN.top + MARGIN.bottom;
    const corners = [toPoint([1, 0, 0]), toPoint([0, 1, 0]), toPoint([0, 0, 1])];
    const parts: string[] = [svgOpen(width, height, picture.caption)];
    parts.push(`<polygon class="credal-simplex" points="${pointsAttr(corners)}" fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-width="1"/>`);
    parts.push(text({ x: corners[0].x - 6, y: corners[0].y + 16 }, picture.corners[0], 'credal-corner', 'end'));
    parts.push(text({ x: corners[1].x + 6, y: corners[1].y + 16 }, picture.corners[1], 'credal-corner', 'start'));
    parts.push(text({ x: corners[2].x, y: corners[2].y - 10 }, picture.corners[2], 'credal-corner', 'middle'));
    // A named distribution at a labelled vertex names it (its hover keeps the exact point) instead of writing over its label.
    const merged = new Set<LabelledPoint<Bary3>>();
    const near = (a: Point, b: Point): boolean => Math.hypot(a.x - b.x, a.y - b.y) < 2;
    const withDots = (v: LabelledPoint<Bary3>): LabelledPoint<Bary3> => {
        if (!picture.labelVertices || !v.label) return v;
        const here = picture.dots.filter(d => d.label && near(toPoint(d.at), toPoint(v.at)));
        here.forEach(d => merged.add(d));
        const names = here.map(d => d.label).join(', ');
        return here.length === 0 ? v : { ...v, label: names, title: `${names} = ${v.title}` };
    };
    for (const region of picture.regions) {
        if (region.outline) {
            parts.push(outlineShape(region));
            continue;
        }
        const colour = region.colour === undefined ? SET_COLOUR : ACT_COLOURS[region.colour % ACT_COLOURS.length];
        const cls = region.colour === undefined ? 'credal-set' : `credal-act credal-act-${region.colour % ACT_COLOURS.length}`;
        const points = aroundCentroid(region.vertices.map(v => toPoint(v.at)));
        parts.push(`<g class="credal-region">${title(region.label)}${shape(points, cls, colour)}</g>`);
        if (region.colour !== undefined && points.length > 0) {
            const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
            const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
            parts.push(text({ x: cx, y: cy + 4 }, region.label, 'credal-region-label'));
        }
        if (region.colour === undefined) {
            const centre = centroid(points);
            parts.push(...region.vertices.map(v => vertex(withDots(v), picture.labelVertices, centre)));
        }
    }
    parts.push(...picture.dots.map(d => dot(merged.has(d) ? { ...d, label: undefined } : d)));
    parts.push('</svg>');
    return parts.join('');
}

/** A dashed outline in the text colour, so it reads over any act's colour and in any theme. */
function outlineShape(region: SimplexRegion): string {
    const points = aroundCentroid(region.vertices.map(v => toPoint(v.at)));
    const corners = region.vertices.map(v => `<g class="credal-vertex">${title(v.title)}<circle cx="${fmt(toPoint(v.at).x)}" cy="${fmt(toPoint(v.at).y)}" r="2.5" fill="currentColor"/></g>`).join('');
    const style = 'fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="4 3" stroke-linejoin="round"';
    const outline = points.length >= 3 ? `<polygon class="credal-outline" points="${pointsAttr(points)}" ${style}/>`
        : points.length === 2 ? `<polyline class="credal-outline" points="${pointsAttr(points)}" ${style}/>` : '';
    return `<g class="credal-region">${title(region.label)}${outline}${corners}</g>`;
}

function centroid(points: readonly Point[]): Point {
    const n = Math.max(1, points.length);
    return { x: points.reduce((s, p) => s + p.x, 0) / n, y: points.reduce((s, p) => s + p.y, 0) / n };
}

/** A vertex dot; its label sits outside the polygon, away from the centre, so labels do not overlap it. */
function vertex(v: LabelledPoint<Bary3>, withLabel: boolean, centre: Point): string {
    const at = toPoint(v.at);
    const dx = at.x - centre.x, dy = at.y - centre.y;
    const length = Math.hypot(dx, dy) || 1;
    const anchor = Math.abs(dx / length) < 0.3 ? 'middle' : dx > 0 ? 'start' : 'end';
    const labelAt = { x: at.x + (dx / length) * 8, y: at.y + (dy / length) * 10 + 4 };
    const label = withLabel && v.label ? text(labelAt, v.label, 'credal-vertex-label', anchor) : '';
    return `<g class="credal-vertex">${title(v.title)}<circle cx="${fmt(at.x)}" cy="${fmt(at.y)}" r="3" fill="${SET_COLOUR}" stroke="currentColor" stroke-width="0.5"/>${label}</g>`;
}

function dot(d: LabelledPoint<Bary3>): string {
    const at = toPoint(d.at);
    const label = d.label ? text({ x: at.x + 6, y: at.y + 12 }, d.label, 'credal-dot-label', 'start') : '';
    return `<g class="credal-dot">${title(d.title)}<circle cx="${fmt(at.x)}" cy="${fmt(at.y)}" r="3.5" fill="${DOT_COLOUR}"/>${label}</g>`;
}
