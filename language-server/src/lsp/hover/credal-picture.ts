import { segmentSvg } from '../../render/svg/segment.js';
import { simplexSvg, type Bary3 } from '../../render/svg/simplex.js';
import type { Rational } from '../../math/rational.js';
import { exact, pointText } from './math-text.js';

/**
 * A small picture of a credal set for a hover, as a `data:` image: on 2 elements the interval of
 * p(first) in [0, 1], on 3 the polygon in the simplex triangle. The drawing is the preview's own
 * (render/svg/); an image in a hover does not inherit the editor's text colour, so `currentColor` is
 * replaced by a grey that reads on light and dark themes alike. Floats are for drawing only.
 */
export function credalPictureMarkdown(elements: readonly string[], vertices: readonly (readonly Rational[])[], caption: string): string | undefined {
    const svg = credalPictureSvg(elements, vertices, caption);
    if (!svg) {
        return undefined;
    }
    const themed = svg.replace(/currentColor/g, '#8a8a8a');
    const uri = `data:image/svg+xml;base64,${Buffer.from(themed, 'utf8').toString('base64')}`;
    return `![${caption.replace(/[[\]]/g, '')}](${uri})`;
}

export function credalPictureSvg(elements: readonly string[], vertices: readonly (readonly Rational[])[], caption: string): string | undefined {
    if (vertices.length === 0) {
        return undefined;
    }
    if (elements.length === 2) {
        const firsts = vertices.map(vertex => vertex[0]!);
        const low = firsts.reduce((a, b) => (a.cmp(b) <= 0 ? a : b));
        const high = firsts.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
        return segmentSvg({
            elements: [elements[0]!, elements[1]!],
            intervals: [{
                from: { at: low.toNumber(), title: `p(${elements[0]}) = ${exact(low)}`, label: exact(low) },
                to: { at: high.toNumber(), title: `p(${elements[0]}) = ${exact(high)}`, label: exact(high) },
                label: caption
            }],
            dots: [],
            caption
        });
    }
    if (elements.length === 3) {
        return simplexSvg({
            corners: [elements[0]!, elements[1]!, elements[2]!],
            regions: [{
                vertices: vertices.map(vertex => ({
                    at: vertex.map(value => value.toNumber()) as unknown as Bary3,
                    title: pointText(vertex),
                    label: pointText(vertex)
                })),
                label: caption
            }],
            dots: [],
            labelVertices: vertices.length <= 6,
            caption
        });
    }
    return undefined;
}
