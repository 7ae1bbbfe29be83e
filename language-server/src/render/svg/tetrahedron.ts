import { DOT_COLOUR, SET_COLOUR, convexHull2d, fmt, pointsAttr, svgOpen, text, title, type LabelledPoint, type Point } from './svg-util.js';

/** Barycentric coordinates on a 4-element set (floats: for drawing only). */
export type Bary4 = readonly [number, number, number, number];

interface TetrahedronPicture {
    corners: readonly [string, string, string, string];
    vertices: readonly LabelledPoint<Bary4>[];
    dots: readonly LabelledPoint<Bary4>[];
    caption: string;
}

const SCALE = 230;
const SIZE = { width: 440, height: 300 };

/** Corners of a regular tetrahedron in space, then a fixed oblique view (turned and tilted). */
const CORNERS_3D: readonly (readonly [number, number, number])[] = [
    [0, 0, 0], [1, 0, 0], [0.5, Math.sqrt(3) / 2, 0], [0.5, Math.sqrt(3) / 6, Math.sqrt(2 / 3)]
];
const YAW = (-20 * Math.PI) / 180;
const PITCH = (62 * Math.PI) / 180;

function project([a, b, c, d]: Bary4): Point {
    const weights = [a, b, c, d];
    const [x, y, z] = [0, 1, 2].map(k => CORNERS_3D.reduce((s, corner, i) => s + weights[i] * corner[k], 0));
    const cx = x - 0.5, cy = y - Math.sqrt(3) / 6;
    const rx = cx * Math.cos(YAW) - cy * Math.sin(YAW);
    const ry = cx * Math.sin(YAW) + cy * Math.cos(YAW);
    const screenY = ry * Math.cos(PITCH) + (z - 0.2) * Math.sin(PITCH);
    return { x: SIZE.width / 2 + SCALE * rx, y: SIZE.height / 2 + 20 - SCALE * screenY };
}

/** The 3-simplex as a tetrahedron seen at an angle, the credal set as the silhouette of its vertices. */
export function tetrahedronSvg(picture: TetrahedronPicture): string {
    const corners = ([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]] as const).map(project);
    const parts: string[] = [svgOpen(SIZE.width, SIZE.height, picture.caption)];
    for (let i = 0; i < 4; i++) {
        for (let j = i + 1; j < 4; j++) {
            parts.push(`<line class="credal-simplex" x1="${fmt(corners[i].x)}" y1="${fmt(corners[i].y)}" x2="${fmt(corners[j].x)}" y2="${fmt(corners[j].y)}" stroke="currentColor" stroke-opacity="0.45" stroke-width="1"/>`);
        }
    }
    corners.forEach((corner, i) => {
        const dx = corner.x < SIZE.width / 2 ? -8 : 8;
        parts.push(text({ x: corner.x + dx, y: corner.y + (i === 3 ? -8 : 14) }, picture.corners[i], 'credal-corner', dx < 0 ? 'end'
            : 'start'));
    });
    const projected = picture.vertices.map(v => project(v.at));
    const hull = convexHull2d(projected);
    if (hull.length >= 3) {
        parts.push(`<polygon class="credal-set" points="${pointsAttr(hull)}" fill="${SET_COLOUR}" fill-opacity="0.3" stroke="${SET_COLOUR}" stroke-width="1.5" stroke-linejoin="round"/>`);
    } else if (hull.length === 2) {
        parts.push(`<polyline class="credal-set" points="${pointsAttr(hull)}" fill="none" stroke="${SET_COLOUR}" stroke-width="4" stroke-linecap="round"/>`);
    }
    // Edges between all vertex pairs, faint: a hint of the solid's shape behind its silhouette.
    if (projected.length <= 12) {
        for (let i = 0; i < projected.length; i++) {
            for (let j = i + 1; j < projected.length; j++) {
                parts.push(`<line x1="${fmt(projected[i].x)}" y1="${fmt(projected[i].y)}" x2="${fmt(projected[j].x)}" y2="${fmt(projected[j].y)}" stroke="${SET_COLOUR}" stroke-opacity="0.35" stroke-width="0.75"/>`);
            }
        }
    }
    picture.vertices.forEach((v, i) => {
        parts.push(`<g class="credal-vertex">${title(v.title)}<circle cx="${fmt(projected[i].x)}" cy="${fmt(projected[i].y)}" r="3" fill="${SET_COLOUR}" stroke="currentColor" stroke-width="0.5"/></g>`);
    });
    for (const d of picture.dots) {
        const at = project(d.at);
        parts.push(`<g class="credal-dot">${title(d.title)}<circle cx="${fmt(at.x)}" cy="${fmt(at.y)}" r="3.5" fill="${DOT_COLOUR}"/>${text({ x: at.x + 6, y: at.y + 12 }, d.label ?? '', 'credal-dot-label', 'start')}</g>`);
    }
    parts.push('</svg>');
    return parts.join('');
}
