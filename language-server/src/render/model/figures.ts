import type { OptimalityRegions } from '../../evaluation/facts/index.js';
import type { DistributionValue, FiniteSet } from '../../evaluation/values.js';
import type { Rational } from '../../math/rational.js';
import { elementText } from '../set-elements.js';
import { segmentSvg, type SegmentInterval } from '../svg/segment.js';
import { simplexSvg, type Bary3, type SimplexRegion } from '../svg/simplex.js';
import { tetrahedronSvg, type Bary4 } from '../svg/tetrahedron.js';
import type { LabelledPoint } from '../svg/svg-util.js';

/**
 * Exact points from the facts turned into pictures. Floats appear here only as drawing coordinates;
 * every label and hover text is the exact value.
 */

/** A named distribution to mark in pictures of sets on the same finite set. */
export interface NamedDistribution {
    name: string;
    value: DistributionValue;
}

function pointText(point: readonly Rational[]): string {
    return `(${point.map(x => x.toString()).join(', ')})`;
}

/** Drawing coordinates of a point on 3 elements (a triangle's barycentric coordinates). */
function bary3(point: readonly Rational[]): Bary3 {
    const [a, b, c] = point;
    return [a?.toNumber() ?? 0, b?.toNumber() ?? 0, c?.toNumber() ?? 0];
}

/** Drawing coordinates of a point on 4 elements (a tetrahedron's). */
function bary4(point: readonly Rational[]): Bary4 {
    const [a, b, c, d] = point;
    return [a?.toNumber() ?? 0, b?.toNumber() ?? 0, c?.toNumber() ?? 0, d?.toNumber() ?? 0];
}

function labelled<P>(point: readonly Rational[], at: P, label?: string): LabelledPoint<P> {
    return { at, label, title: label ? `${label} = ${pointText(point)}` : pointText(point) };
}

function elementNames(set: FiniteSet): string[] {
    return Array.from({ length: set.size }, (_, i) => elementText(set, i));
}

/**
 * The interval of P(first element) spanned by the vertices of a set on two elements. The facts list
 * vertices in lexicographic order, so the first has the smallest P(first element) and the last the largest.
 */
function interval(label: string, points: readonly (readonly Rational[])[], colour?: number): SegmentInterval {
    const [low, high] = [points[0], points[points.length - 1]];
    return {
        label, colour,
        from: { at: low[0].toNumber(), label: low[0].toString(), title: pointText(low) },
        to: { at: high[0].toNumber(), label: high[0].toString(), title: pointText(high) }
    };
}

/** The picture of a set of points on a 2-, 3- or 4-element set; undefined for larger sets. */
export function credalFigure(caption: string, set: FiniteSet, points: readonly (readonly Rational[])[],
    dots: readonly NamedDistribution[]): string | undefined {
    const names = elementNames(set);
    if (set.size === 2) {
        if (points.length === 0) return undefined;
        return segmentSvg({
            elements: [names[0], names[1]],
            caption,
            intervals: [interval(caption, points)],
            dots: dots.map(d => labelled(d.value.p, d.value.p[0].toNumber(), d.name))
        });
    }
    if (set.size === 3) {
        return simplexSvg({
            corners: [names[0], names[1], names[2]],
            caption,
            labelVertices: points.length <= 6,
            regions: [{ label: caption, vertices: points.map(p => ({ ...labelled(p, bary3(p)),
                label: pointText(p) })) }],
            dots: dots.map(d => labelled(d.value.p, bary3(d.value.p), d.name))
        });
    }
    if (set.size === 4) {
        return tetrahedronSvg({
            corners: [names[0], names[1], names[2], names[3]],
            caption,
            vertices: points.map(p => labelled(p, bary4(p))),
            dots: dots.map(d => labelled(d.value.p, bary4(d.value.p), d.name))
        });
    }
    return undefined;
}

/** Where each act is optimal, with the belief, on a segment (2 elements) or in the triangle (3). */
export function regionsFigure(caption: string, set: FiniteSet, regions: OptimalityRegions): string | undefined {
    const names = elementNames(set);
    const optimalSomewhere = regions.acts.filter(region => region.vertices.length > 0);
    if (set.size === 2) {
        const intervals: SegmentInterval[] = [];
        if (regions.belief.length > 0) intervals.push(interval('belief', regions.belief));
        for (const region of optimalSomewhere) intervals.push(interval(region.act, region.vertices, region.index));
        return segmentSvg({ elements: [names[0], names[1]], intervals, dots: [], caption });
    }
    if (set.size !== 3) return undefined;
    const corner = (p: readonly Rational[]): LabelledPoint<Bary3> => ({ at: bary3(p), title: pointText(p) });
    const simplexRegions: SimplexRegion[] = optimalSomewhere.map(region => ({
        label: region.act,
        colour: region.index,
        vertices: region.vertices.map(corner)
    }));
    if (regions.belief.length > 0) simplexRegions.push({ label: 'belief', vertices: regions.belief.map(corner), outline: true });
    return simplexSvg({ corners: [names[0], names[1], names[2]], regions: simplexRegions, dots: [], labelVertices: false, caption });
}
