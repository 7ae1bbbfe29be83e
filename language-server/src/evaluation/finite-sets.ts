/**
 * From the linking layer's set shapes (linking/set-inference.ts, the one place that decides what set an
 * expression lives on) to enumerated finite sets the engine can index.
 */
import { elementNames, factorSize, type SetShape } from '../linking/set-shape.js';
import { sameSite, sameSites, siteOf, type SourceSite } from '../linking/source-site.js';
import type { FiniteSet } from './values.js';

/** Sets larger than this are refused (E-BUDGET): every vector on them would be huge. */
export const MAX_SET_SIZE = 100_000;

type FiniteSetResult = { ok: true; set: FiniteSet } | { ok: false; size: bigint };

/** Enumerates a shape; fails (with its size) when it is empty or exceeds MAX_SET_SIZE. */
export function finiteSetOf(shape: SetShape): FiniteSetResult {
    let size = 1n;
    for (const factor of shape.factors) size *= factorSize(factor);
    if (size === 0n || size > BigInt(MAX_SET_SIZE)) return { ok: false, size };
    const factors = shape.factors.map((factor) => elementNames(factor));
    return { ok: true, set: { factorSites: shapeSites(shape), label: shape.label, factors, size: Number(size) } };
}

/** The product X × Y of two enumerated sets (row-major, as the engine's strong product). */
export function productSet(left: FiniteSet, right: FiniteSet): FiniteSet | undefined {
    if (left.size * right.size > MAX_SET_SIZE) return undefined;
    const label = [left, right].map((s) => (s.factors.length > 1 ? `(${s.label})` : s.label)).join(' × ');
    return {
        factorSites: [...left.factorSites, ...right.factorSites],
        label,
        factors: [...left.factors, ...right.factors],
        size: left.size * right.size,
    };
}

/** The factor index of `factor` in `product` when `factor` is a single factor of it (for marginals). */
export function factorIndexOf(product: FiniteSet, factor: FiniteSet): number {
    if (factor.factorSites.length !== 1) return -1;
    return product.factorSites.findIndex((site) => sameSite(site, factor.factorSites[0]!));
}

/** How many of `product`'s factors are `factor` (a single factor), e.g. 2 for Coin in Coin × Coin. */
export function factorOccurrences(product: FiniteSet, factor: FiniteSet): number {
    if (factor.factorSites.length !== 1) return 0;
    return product.factorSites.filter((site) => sameSite(site, factor.factorSites[0]!)).length;
}

/** The sites of a shape's factor literals: what identifies the set (products are structural). */
function shapeSites(shape: SetShape): SourceSite[] {
    return shape.factors.map((factor) => siteOf(factor.literal));
}

/** Whether an enumerated set is the set of a linking shape. */
export function isSetOfShape(set: FiniteSet, shape: SetShape): boolean {
    return sameSites(set.factorSites, shapeSites(shape));
}
