import type { CredalValue, DistributionValue, FiniteSet } from '../../evaluation/values.js';
import { vertices } from '../../math/credal.js';
import type { Rational } from '../../math/rational.js';
import { latexPoints } from '../latex/values.js';
import { elementText } from '../set-elements.js';
import { segmentSvg } from '../svg/segment.js';
import { simplexSvg, type Bary3 } from '../svg/simplex.js';
import { tetrahedronSvg, type Bary4 } from '../svg/tetrahedron.js';
import type { LabelledPoint } from '../svg/svg-util.js';
import type { Part } from './parts.js';
import type { RenderEnv } from './render-env.js';

/** Vertex lists longer than this are cut in the formula (the count is still given). */
export const MAX_LISTED_VERTICES = 20;

/** A named distribution to mark in pictures of sets on the same finite set. */
export interface NamedDistribution {
    name: string;
    value: DistributionValue;
}

/**
 * What the preview shows of a credal set: its vertices (exact, from the engine), and for 2, 3 or 4
 * elements a picture with the named distributions on the same set as dots.
 */
export function credalValueParts(nameTex: string, caption: string, value: CredalValue, env: RenderEnv, dots: readonly NamedDistribution[]): Part[] {
    const outcome = vertices(value.credal, env.budget());
    if (!outcome.ok) {
        return [{ type: 'text', tone: 'muted', text: `Vertices not enumerated (${outcome.error.code}): ${outcome.error.message}` }];
    }
    const points = outcome.value;
    const parts: Part[] = [verticesPart(nameTex, points)];
    const figureCaption = `${caption} in the simplex of ${value.set.label}`;
    const figure = credalFigure(figureCaption, value.set, points, dots);
    if (figure) parts.push({ type: 'figure', svg: figure, caption: figureCaption });
    return parts;
}

function verticesPart(nameTex: string, points: readonly (readonly Rational[])[]): Part {
    if (points.length > MAX_LISTED_VERTICES) {
        return {
            type: 'math',
            tex: `\\operatorname{ext}${nameTex}=${latexPoints(points.slice(0, MAX_LISTED_VERTICES)).replace(/\\\}$/, ',\\ \\dots\\}')}`,
            remark: `${points.length} vertices; the first ${MAX_LISTED_VERTICES} are shown`
        };
    }
    return { type: 'math', tex: `\\operatorname{ext}${nameTex}=${latexPoints(points)}` };
}

export function pointText(point: readonly Rational[]): string {
    return `(${point.map(x => x.toString()).join(', ')})`;
}

/** The picture of a set of points on a 2-, 3- or 4-element set; undefined for larger sets. */
export function credalFigure(caption: string, set: FiniteSet, points: readonly (readonly Rational[])[], dots: readonly NamedDistribution[]): string | undefined {
    const labelled = <P>(point: readonly Rational[], at: P, label?: string): LabelledPoint<P> => ({ at, label, title: label ? `${label} = ${pointText(point)}` : pointText(point) });
    const floats = (point: readonly Rational[]): number[] => point.map(x => x.toNumber());
    const names = Array.from({ length: set.size }, (_, i) => elementText(set, i));
    if (set.size === 2) {
        if (points.length === 0) return undefined;
        const sorted = [...points].sort((a, b) => a[0].cmp(b[0]));
        const [low, high] = [sorted[0], sorted[sorted.length - 1]];
        return segmentSvg({
            elements: [names[0], names[1]],
            caption,
            intervals: [{
                label: caption,
                from: { at: low[0].toNumber(), label: low[0].toString(), title: pointText(low) },
                to: { at: high[0].toNumber(), label: high[0].toString(), title: pointText(high) }
            }],
            dots: dots.map(d => labelled(d.value.p, d.value.p[0].toNumber(), d.name))
        });
    }
    if (set.size === 3) {
        return simplexSvg({
            corners: [names[0], names[1], names[2]],
            caption,
            labelVertices: points.length <= 6,
            regions: [{ label: caption, vertices: points.map(p => labelled(p, floats(p) as unknown as Bary3)).map(v => ({ ...v, label: v.title })) }],
            dots: dots.map(d => labelled(d.value.p, floats(d.value.p) as unknown as Bary3, d.name))
        });
    }
    if (set.size === 4) {
        return tetrahedronSvg({
            corners: [names[0], names[1], names[2], names[3]],
            caption,
            vertices: points.map(p => labelled(p, floats(p) as unknown as Bary4)),
            dots: dots.map(d => labelled(d.value.p, floats(d.value.p) as unknown as Bary4, d.name))
        });
    }
    return undefined;
}
