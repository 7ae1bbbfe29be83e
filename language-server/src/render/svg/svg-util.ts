import { escapeHtml } from '../html-escape.js';

/** A point in picture coordinates (pixels, y down). */
export interface Point { x: number; y: number }

/** A marked point: what to write beside it and what a hover shows (the exact value). */
export interface LabelledPoint<P> {
    at: P;
    label?: string;
    title: string;
}

export function fmt(n: number): string {
    return (Math.round(n * 10) / 10).toString();
}

export function pointsAttr(points: readonly Point[]): string {
    return points.map(p => `${fmt(p.x)},${fmt(p.y)}`).join(' ');
}

/** Text content and attribute values are escaped: labels come from user-chosen names. */
export function text(at: Point, content: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'middle'): string {
    return `<text class="${cls}" x="${fmt(at.x)}" y="${fmt(at.y)}" text-anchor="${anchor}" font-size="11" fill="currentColor">${escapeHtml(content)}</text>`;
}

export function title(content: string): string {
    return `<title>${escapeHtml(content)}</title>`;
}

export function svgOpen(width: number, height: number, label: string): string {
    return `<svg class="credal-figure" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}" role="img" aria-label="${escapeHtml(label)}">${title(label)}`;
}

/** The convex polygon through `points`, in order around their centroid (display only: floats). */
export function aroundCentroid(points: readonly Point[]): Point[] {
    if (points.length < 3) return [...points];
    const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
    return [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
}

/** 2-D convex hull (Andrew's monotone chain), for silhouettes of projected polytopes; display only. */
export function convexHull2d(points: readonly Point[]): Point[] {
    const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
    if (sorted.length < 3) return sorted;
    const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    const lower: Point[] = [];
    for (const p of sorted) {
        while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 1e-9) lower.pop();
        lower.push(p);
    }
    const upper: Point[] = [];
    for (const p of [...sorted].reverse()) {
        while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 1e-9) upper.pop();
        upper.push(p);
    }
    return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The shape through some points: a dot, a segment or a polygon. */
export function shape(points: readonly Point[], cls: string, fill: string): string {
    if (points.length === 0) return '';
    if (points.length === 1) return `<circle class="${cls}" cx="${fmt(points[0].x)}" cy="${fmt(points[0].y)}" r="4" fill="${fill}" stroke="${fill}"/>`;
    if (points.length === 2) {
        return `<polyline class="${cls}" points="${pointsAttr(points)}" fill="none" stroke="${fill}" stroke-width="4" stroke-linecap="round"/>`;
    }
    return `<polygon class="${cls}" points="${pointsAttr(points)}" fill="${fill}" fill-opacity="0.35" stroke="${fill}" stroke-width="1.5" stroke-linejoin="round"/>`;
}

/** Fallback colours for acts (the stylesheets override them through the classes credal-act-N). */
export const ACT_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#9c755f'];
export const SET_COLOUR = '#4e79a7';
export const DOT_COLOUR = '#e15759';
