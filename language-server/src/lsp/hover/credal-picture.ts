import type { Rational } from '../../math/rational.js';
import { exact, pointText } from './math-text.js';

/**
 * The small picture of a credal set in a hover, as a `data:` image: on 2 elements the interval of
 * p(first) in [0, 1], on 3 the polygon in the simplex triangle. Drawn here rather than by the preview
 * (render/svg/) because a hover has other limits: it is ~240 px tall before it scrolls, so the picture
 * must be small while its text stays ≥ 12 px at 1:1 scale; and an `<img>` inherits no theme colour, so
 * every colour is fixed and chosen to read on light and dark hover backgrounds alike. Floats are for
 * drawing only; every exact value stays in the hover's text and in each mark's `<title>`.
 */

/** Label size in px; the SVG is shown at its own size (width/height = viewBox), so this is what one sees. */
const PICTURE_FONT_PX = 13;
/**
 * A mid grey with contrast ≥ 3.7:1 on white, #f3f3f3, #1e1e1e and #252526 (the light and dark hover
 * backgrounds); no single colour reaches more on both sides, so labels are also semibold.
 */
const PICTURE_INK = '#7d7d7d';
/** The set's colour, contrast ≈ 4:1 on the same backgrounds. */
const PICTURE_SET = '#3f7fbf';

export function credalPictureMarkdown(elements: readonly string[], vertices: readonly (readonly Rational[])[],
    caption: string): string | undefined {
    const svg = credalPictureSvg(elements, vertices, caption);
    if (!svg) {
        return undefined;
    }
    const uri = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
    return `![${caption.replace(/[[\]]/g, '')}](${uri})`;
}

function credalPictureSvg(elements: readonly string[], vertices: readonly (readonly Rational[])[],
    caption: string): string | undefined {
    if (vertices.length === 0) {
        return undefined;
    }
    if (elements.length === 2) {
        return intervalSvg(elements[0]!, vertices.map(vertex => vertex[0]!), caption);
    }
    if (elements.length === 3) {
        return triangleSvg([elements[0]!, elements[1]!, elements[2]!], vertices, caption);
    }
    return undefined;
}

const BAR = { left: 30, length: 240, axisY: 38, width: 300, height: 72 };

/** The segment [0, 1] of p(first) with the set's interval on it and its exact endpoints below. */
function intervalSvg(first: string, firsts: readonly Rational[], caption: string): string {
    const low = firsts.reduce((a, b) => (a.cmp(b) <= 0 ? a : b));
    const high = firsts.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
    const x = (p: Rational): number => BAR.left + BAR.length * p.toNumber();
    const [x1, x2, y] = [x(low), x(high), BAR.axisY];
    const parts = [
        open(BAR.width, BAR.height, caption),
        label(BAR.width / 2, 16, `p(${short(first)})`),
        `<line x1="${BAR.left}" y1="${y}" x2="${BAR.left + BAR.length}" y2="${y}" stroke="${PICTURE_INK}" stroke-width="1.5"/>`,
        ...[BAR.left, BAR.left + BAR.length].map(tx => `<line x1="${tx}" y1="${y - 5}" x2="${tx}" y2="${y + 5}" stroke="${PICTURE_INK}" stroke-width="1.5"/>`),
        label(BAR.left - 7, y + 5, '0', 'end'),
        label(BAR.left + BAR.length + 7, y + 5, '1', 'start'),
        `<line x1="${fmt(x1)}" y1="${y}" x2="${fmt(x2)}" y2="${y}" stroke="${PICTURE_SET}" stroke-width="8" stroke-linecap="round"/>`,
        mark(x1, y, `p(${first}) = ${exact(low)}`),
        ...(low.eq(high) ? [] : [mark(x2, y, `p(${first}) = ${exact(high)}`)])
    ];
    const [lowText, highText] = [exact(low), exact(high)];
    const roomy = x2 - x1 > (lowText.length + highText.length) * PICTURE_FONT_PX * 0.3 + 12;
    if (low.eq(high)) {
        parts.push(label(x1, y + 26, lowText));
    } else if (roomy) {
        parts.push(label(x1, y + 26, lowText), label(x2, y + 26, highText));
    } else {
        parts.push(label((x1 + x2) / 2, y + 26, `${lowText} – ${highText}`));
    }
    parts.push('</svg>');
    return parts.join('');
}

const TRIANGLE = { side: 150, marginX: 58, top: 22, bottom: 26 };

/** The simplex triangle (corners: first bottom left, second bottom right, third on top) with the set shaded. */
function triangleSvg(corners: readonly [string, string, string], vertices: readonly (readonly Rational[])[], caption: string): string {
    const h = TRIANGLE.side * Math.sqrt(3) / 2;
    const width = TRIANGLE.side + 2 * TRIANGLE.marginX;
    const height = TRIANGLE.top + h + TRIANGLE.bottom;
    const at = (p: readonly number[]) => ({ x: TRIANGLE.marginX + TRIANGLE.side * (p[1]! + p[2]! / 2), y: TRIANGLE.top + h * (1 - p[2]!) });
    const cornerPoints = [at([1, 0, 0]), at([0, 1, 0]), at([0, 0, 1])];
    const points = aroundCentroid(vertices.map(vertex => at(vertex.map(value => value.toNumber()))));
    const parts = [
        open(width, height, caption),
        `<polygon points="${pointsAttr(cornerPoints)}" fill="none" stroke="${PICTURE_INK}" stroke-width="1.5" stroke-linejoin="round"/>`,
        label(cornerPoints[0]!.x, cornerPoints[0]!.y + 19, short(corners[0])),
        label(cornerPoints[1]!.x, cornerPoints[1]!.y + 19, short(corners[1])),
        label(cornerPoints[2]!.x, cornerPoints[2]!.y - 8, short(corners[2])),
        shape(points),
        ...vertices.map(vertex => {
            const point = at(vertex.map(value => value.toNumber()));
            return mark(point.x, point.y, pointText(vertex));
        }),
        '</svg>'
    ];
    return parts.join('');
}

function shape(points: readonly { x: number; y: number }[]): string {
    if (points.length === 1) {
        return `<circle cx="${fmt(points[0]!.x)}" cy="${fmt(points[0]!.y)}" r="5" fill="${PICTURE_SET}"/>`;
    }
    if (points.length === 2) {
        return `<polyline points="${pointsAttr(points)}" fill="none" stroke="${PICTURE_SET}" stroke-width="5" stroke-linecap="round"/>`;
    }
    return `<polygon points="${pointsAttr(points)}" fill="${PICTURE_SET}" fill-opacity="0.45" stroke="${PICTURE_SET}" stroke-width="2" stroke-linejoin="round"/>`;
}

function open(width: number, height: number, caption: string): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" role="img" aria-label="${escapeXml(caption)}"><title>${escapeXml(caption)}</title>`;
}

function label(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end' = 'middle'): string {
    return `<text x="${fmt(x)}" y="${fmt(y)}" text-anchor="${anchor}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="${PICTURE_FONT_PX}" font-weight="600" fill="${PICTURE_INK}">${escapeXml(content)}</text>`;
}

/** A vertex: a dot whose `<title>` holds the exact point. */
function mark(x: number, y: number, exactTitle: string): string {
    return `<g><title>${escapeXml(exactTitle)}</title><circle cx="${fmt(x)}" cy="${fmt(y)}" r="3.5" fill="${PICTURE_SET}" stroke="${PICTURE_INK}" stroke-width="1"/></g>`;
}

/** Long element names are cut so a label stays inside the small picture. */
function short(name: string): string {
    return [...name].length > 14 ? `${[...name].slice(0, 13).join('')}…` : name;
}

function aroundCentroid(points: readonly { x: number; y: number }[]): { x: number; y: number }[] {
    if (points.length < 3) return [...points];
    const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
    return [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
}

function pointsAttr(points: readonly { x: number; y: number }[]): string {
    return points.map(p => `${fmt(p.x)},${fmt(p.y)}`).join(' ');
}

function fmt(n: number): string {
    return (Math.round(n * 10) / 10).toString();
}

function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
