/**
 * Where something was written, as plain data. Values are kept across edits (evaluation/value-carry.ts),
 * cross to the evaluation worker and back, and must not hold syntax nodes: a node pins the tree it came
 * from and means nothing in another thread. A site names the top-level statement holding the node (by
 * its declared name; none for evals and asserts, whose values no other statement sees) and the path of
 * properties from that statement down to the node, so the node is found again in whatever tree of the
 * note is current.
 */
import type { AstNode } from 'langium';
import { topLevelStatement } from './statement-dependencies.js';

export interface SourceSite {
    /** The declared name of the top-level statement holding the node; undefined for one without a name. */
    readonly statement?: string;
    /** Property steps from that statement down to the node: `value/constraints@2/right` ('' for the statement). */
    readonly path: string;
}

const sites = new WeakMap<AstNode, SourceSite>();

/** The site of a node; the same object for the same node (a statement's nodes live as long as its text). */
export function siteOf(node: AstNode): SourceSite {
    let site = sites.get(node);
    if (!site) sites.set(node, site = computeSite(node));
    return site;
}

function computeSite(node: AstNode): SourceSite {
    const steps: string[] = [];
    let current = node;
    while (current.$container?.$container) {
        const index = current.$containerIndex;
        steps.push(index === undefined ? current.$containerProperty ?? '' : `${current.$containerProperty ?? ''}@${index}`);
        current = current.$container;
    }
    return { statement: nameOf(current), path: steps.reverse().join('/') };
}

export function sameSite(a: SourceSite, b: SourceSite): boolean {
    return a === b || (a.statement === b.statement && a.path === b.path);
}

/** The same sites in the same order (a finite set's factors: products are structural). */
export function sameSites(a: readonly SourceSite[], b: readonly SourceSite[]): boolean {
    return a.length === b.length && a.every((site, i) => sameSite(site, b[i]!));
}

/** One string per site, for maps and sets. */
export function siteKey(site: SourceSite): string {
    return `${site.statement ?? ''}:${site.path}`;
}

/**
 * The node at `site` in the note that `near` belongs to: below `near`'s own statement when the site
 * names it (or names none), else below the statement declared under the site's name.
 */
export function nodeAtSite(site: SourceSite, near: AstNode): AstNode | undefined {
    const own = topLevelStatement(near) ?? near;
    const statement = site.statement === undefined || site.statement === nameOf(own) ? own : declared(own.$container, site.statement);
    if (!statement) return undefined;
    let current: AstNode | undefined = statement;
    for (const step of site.path === '' ? [] : site.path.split('/')) {
        const at = step.indexOf('@');
        const item: unknown = current?.[(at < 0 ? step : step.slice(0, at)) as keyof AstNode];
        current = asNode(at < 0 ? item : Array.isArray(item) ? item[Number(step.slice(at + 1))] : undefined);
    }
    return current;
}

function nameOf(node: AstNode): string | undefined {
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
}

function declared(root: AstNode | undefined, name: string): AstNode | undefined {
    const statements = (root as { statements?: readonly AstNode[] } | undefined)?.statements ?? [];
    return statements.find((statement) => nameOf(statement) === name);
}

function asNode(item: unknown): AstNode | undefined {
    return typeof item === 'object' && item !== null && '$type' in item ? item as AstNode : undefined;
}
