import type { Fact } from '../../evaluation/facts/index.js';
import type { CredalValue, FiniteSet } from '../../evaluation/values.js';
import { beliefMasses, type Focal, type Interval } from '../../math/credal.js';
import type { Rational } from '../../math/rational.js';
import { latexTupleElement } from '../latex/names.js';
import { latexRational } from '../latex/numbers.js';
import { latexLines, vectorWidth } from '../latex/lines.js';
import { latexVector } from '../latex/values.js';
import { elementLabelParts } from '../set-elements.js';
import { credalFigure, type NamedDistribution } from './figures.js';
import type { Cell, Part } from './parts.js';
import type { RenderEnv } from './render-env.js';
import { IssueCodes } from '../../diagnostics/codes.js';

/** Vertex lists longer than this are cut in the formula (the count is still given). */
const MAX_LISTED_VERTICES = 20;

/** Sets up to this size get their element bounds as two rows (elements across); larger ones one row per element. */
const MAX_ELEMENT_COLUMNS = 8;

/**
 * What the preview shows of a credal set, all read from the evaluator's facts: its vertices, the
 * lower and upper probability of each element (unless the set is precise), and for 2, 3 or 4
 * elements a picture with the named distributions on the same set as dots.
 */
export function credalValueParts(nameTex: string, caption: string, value: CredalValue, env: RenderEnv,
    dots: readonly NamedDistribution[]): Part[] {
    const facts = env.values.facts.credalFacts(value);
    const limits = env.limits();
    const vertices = facts.vertices(limits);
    const parts: Part[] = [vertices.ok ? verticesPart(nameTex, caption, vertices.value) : missing('Vertices not enumerated', vertices)];
    const focal = value.origin === 'belief' || value.origin === 'dempster' ? beliefMasses(value.credal) : undefined;
    if (focal) parts.push(focalTable(caption, value.set, focal));
    const precise = facts.precise(limits);
    if (!(precise.ok && precise.value)) {
        const bounds = facts.elementBounds(limits);
        if (bounds.ok) parts.push(boundsTable(caption, value.set, bounds.value));
        else if (bounds.error.code !== IssueCodes.Skipped) parts.push(missing('Element probabilities not computed', bounds));
    }
    if (!vertices.ok) return parts;
    const figureCaption = `${caption} in the simplex of ${value.set.label}`;
    const figure = credalFigure(figureCaption, value.set, vertices.value, dots);
    if (figure) parts.push({ type: 'figure', svg: figure, caption: figureCaption });
    return parts;
}

function missing(what: string, fact: Extract<Fact<unknown>, { ok: false }>): Part {
    return { type: 'text', tone: 'muted', text: `${what} (${fact.error.code}): ${fact.error.message}` };
}

/** `ext K = {…}`, over several lines when long; more than MAX_LISTED_VERTICES are cut with `…`. */
function verticesPart(nameTex: string, name: string, points: readonly (readonly Rational[])[]): Part {
    const prefix = `\\operatorname{ext}${nameTex}=`;
    if (points.length === 0) return { type: 'math', tex: `${prefix}\\emptyset` };
    const shown = points.slice(0, MAX_LISTED_VERTICES).map(point => ({ tex: latexVector(point), width: vectorWidth(point) }));
    const cut = points.length > MAX_LISTED_VERTICES;
    const tex = latexLines(`${prefix}\\{`, name.length + 6, cut ? [...shown, { tex: '\\dots', width: 3 }] : shown, '\\ ', '\\}');
    return cut
        ? { type: 'math', tex, remark: `${points.length} vertices; the first ${MAX_LISTED_VERTICES} are shown` }
        : { type: 'math', tex };
}

/** A belief function's Möbius masses, one row per focal event (v1.1 §8.3). */
function focalTable(caption: string, set: FiniteSet, focal: readonly Focal[]): Part {
    const event = (F: Focal): Cell => ({
        tex: `\\{${F.event.flatMap((inF, i) => (inF ? [latexTupleElement(elementLabelParts(set, i))] : [])).join(',')}\\}`
    });
    return {
        type: 'table', caption: `${caption}: focal events and their masses m(F)`, style: 'compact',
        head: [{ tex: 'F' }, { tex: 'm(F)' }],
        rows: focal.map(F => [event(F), { tex: latexRational(F.mass) }])
    };
}

/** `P̲({x})` and `P̄({x})` of every element x, exactly. */
function boundsTable(caption: string, set: FiniteSet, bounds: readonly Interval[]): Part {
    const element = (i: number): Cell => ({ tex: latexTupleElement(elementLabelParts(set, i)) });
    const lower: Cell = { tex: '\\underline{P}(\\{x\\})' };
    const upper: Cell = { tex: '\\overline{P}(\\{x\\})' };
    const tableCaption = `${caption}: lower and upper probability of each element`;
    if (bounds.length <= MAX_ELEMENT_COLUMNS) {
        return {
            type: 'table', caption: tableCaption, style: 'compact',
            head: [{ tex: 'x' }, ...bounds.map((_, i) => element(i))],
            rows: [
                [lower, ...bounds.map(bound => ({ tex: latexRational(bound.lower) }))],
                [upper, ...bounds.map(bound => ({ tex: latexRational(bound.upper) }))]
            ]
        };
    }
    return {
        type: 'table', caption: tableCaption, style: 'compact',
        head: [{ tex: 'x' }, lower, upper],
        rows: bounds.map((bound, i) => [element(i), { tex: latexRational(bound.lower) }, { tex: latexRational(bound.upper) }])
    };
}
