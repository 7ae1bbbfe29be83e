import type { BaseSet, SetShape } from '../../linking/set-shape.js';
import { latexElement, latexName } from './names.js';

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_'′″]*$/u;

/** A finite set as LaTeX: its declared name, or its product of factors, or its literal. */
export function latexSetShape(shape: SetShape): string {
    if (IDENTIFIER.test(shape.label)) return latexName(shape.label);
    return shape.factors.map(latexFactor).join('\\times ');
}

function latexFactor(factor: BaseSet): string {
    if (IDENTIFIER.test(factor.label)) return latexName(factor.label);
    if (factor.range) return `\\{${factor.range.from},\\dots,${factor.range.to}\\}`;
    return `\\{${factor.elements.map(element => latexElement(element.name)).join(',')}\\}`;
}
