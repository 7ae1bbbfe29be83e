/**
 * What the preview and every export show of an infradistribution (LANGUAGE §7.5): its minimal
 * generators as a table (one column per element, then b), E_H of the note's gambles, P^g_H(L) for an
 * update, and on two or three elements a picture of each generator's normalised measure m/m(X)
 * labelled with its b (a crisp H is drawn as its credal set).
 */
import type { AstNode } from 'langium';
import type { InfraValue, KernelValue } from '../../evaluation/values.js';
import type { AMeasure } from '../../math/infra/infra.js';
import type { Rational } from '../../math/rational.js';
import { infraIsCrisp, normalisedMeasure } from '../../evaluation/facts/structure-facts.js';
import { latexTupleElement } from '../latex/names.js';
import { latexRational } from '../latex/numbers.js';
import { elementLabelParts, elementText } from '../set-elements.js';
import { segmentSvg } from '../svg/segment.js';
import { simplexSvg, type Bary3 } from '../svg/simplex.js';
import { credalFigure } from './figures.js';
import type { Cell, Part } from './parts.js';
import type { RenderEnv } from './render-env.js';

export function infraValueParts(nameTex: string, caption: string, value: InfraValue, env: RenderEnv, where: AstNode): Part[] {
    const gens = value.infra.generators;
    const set = value.set;
    const head: Cell[] = [...Array.from({ length: set.size }, (_, i) => ({ tex: latexTupleElement(elementLabelParts(set, i)) })), { tex: 'b' }];
    const rows = gens.map((a) => [...a.m.map((x) => ({ tex: latexRational(x) })), { tex: latexRational(a.b) }]);
    const parts: Part[] = [{ type: 'table', caption: `${caption}: minimal generators (m, b)`, style: 'compact', head, rows }];
    if (value.update) parts.push({ type: 'math', tex: `P^{g}_{${nameTex}}(L)=${latexRational(value.update.probability)}` });
    const facts = env.values.facts.infraFacts(value, where);
    for (const e of facts.expectations) parts.push({ type: 'math', tex: `E_{${nameTex}}(\\mathrm{${e.gamble}})=${latexRational(e.value)}` });
    const figure = infraFigure(`${caption}: generators m/m(X), labelled with b`, value, gens);
    if (figure) parts.push({ type: 'figure', svg: figure, caption: `${caption}: generators m/m(X), labelled with b` });
    return parts;
}

/** The crisp case is its credal set's picture; otherwise one dot per generator with m(X) > 0. */
function infraFigure(caption: string, value: InfraValue, gens: readonly AMeasure[]): string | undefined {
    const set = value.set;
    if (infraIsCrisp(value)) return credalFigure(caption, set, gens.map((a) => [...a.m]), []);
    const names = Array.from({ length: set.size }, (_, i) => elementText(set, i));
    const dots = gens.flatMap((a) => {
        const p = normalisedMeasure(a);
        if (!p) return [];
        const text = `(${p.join(', ')}), b = ${a.b}`;
        return [{ p, label: `b = ${a.b}`, title: text }];
    });
    if (set.size === 2) {
        const points = dots.map((d) => ({ at: d.p[0]!.toNumber(), label: d.label, title: d.title }));
        return segmentSvg({ elements: [names[0]!, names[1]!], caption, intervals: [], dots: points });
    }
    if (set.size === 3) {
        const at = (p: readonly Rational[]): Bary3 => [p[0]!.toNumber(), p[1]!.toNumber(), p[2]!.toNumber()];
        return simplexSvg({ corners: [names[0]!, names[1]!, names[2]!], caption, regions: [], labelVertices: false,
            dots: dots.map((d) => ({ at: at(d.p), label: d.label, title: d.title })) });
    }
    return undefined;
}

export function kernelValueParts(caption: string, value: KernelValue): Part[] {
    return [{ type: 'text', tone: 'muted', text: `${caption}: one credal set on ${value.to.label} for each element of ${value.from.label}` }];
}
