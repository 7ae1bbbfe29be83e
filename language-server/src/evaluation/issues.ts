/**
 * The issue model: every problem the evaluator finds, attached to the exact offending text.
 *
 * An issue is engine-free and editor-free: a place (plus property/index or an explicit range inside the
 * document), a stable code (SEMANTICS §A.9, LANGUAGE §5), a sentence with the exact numbers, related
 * places, and `data` for quick fixes (JSON-safe: exact numbers as strings). The evaluator reports at a
 * node; the issue keeps the node's site (linking/source-site.ts), plain data like the values it is kept
 * with across versions, and is placed in the current tree again when read (`PlacedIssue`). `cost` splits CHEAP issues
 * (structure, sums, closed forms; run on every change) from EXPENSIVE ones (LP-based coherence,
 * redundancy, emptiness, vertex enumeration, eval/assert results; run on save).
 */
import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { nodeAtSite, siteKey, siteOf, type SourceSite } from '../linking/source-site.js';

export type IssueSeverity = 'error' | 'warning' | 'info' | 'hint';
export type IssueCost = 'cheap' | 'expensive';

/** Where the evaluator reports an issue: a node of the tree it evaluates, narrowed as below. */
export interface IssueLocation extends Narrowing {
    readonly node: AstNode;
}

interface Narrowing {
    /** Narrow the range to one property of the node (`name`, `op`, `value`, …). */
    readonly property?: string;
    /** With an array property, one entry of it. */
    readonly index?: number;
    /** A keyword of the node (`)`, `(`): the diagnostic covers just that token. */
    readonly keyword?: string;
    /** An explicit document range; wins over node/property (e.g. the `)` of a half-open interval). */
    readonly range?: Range;
}

export interface RelatedIssueInfo extends IssueLocation {
    readonly message: string;
}

/** The same place as plain data: the node's site, narrowed as the reporter narrowed it. */
export interface IssuePlace extends Narrowing {
    readonly site: SourceSite;
}

interface RelatedPlace extends IssuePlace {
    readonly message: string;
}

export interface EvalIssue extends IssuePlace {
    readonly severity: IssueSeverity;
    readonly code: DiagnosticCode;
    readonly message: string;
    readonly related: readonly RelatedPlace[];
    /** Quick-fix payload, forwarded as `diagnostic.data` together with `code`. JSON-safe. */
    readonly data: Readonly<Record<string, unknown>>;
    readonly cost: IssueCost;
}


/** Collects issues during one computation; deduplicates identical reports of the same node. */
export class IssueSink {
    private readonly items: EvalIssue[] = [];
    private readonly seen = new Set<string>();

    constructor(private cost: IssueCost) {}

    /** Issues added from now on are expensive (found only by work that typing defers). */
    escalate(): void {
        this.cost = 'expensive';
    }

    add(issue: IssueLocation & Pick<EvalIssue, 'severity' | 'code' | 'message'> & { related?: readonly RelatedIssueInfo[];
        data?: Record<string, unknown>; cost?: IssueCost }): void {
        const { node, related, data, cost, ...rest } = issue;
        const site = siteOf(node);
        const key = `${issue.code}|${issue.message}|${issue.property ?? ''}|${issue.index ?? ''}|${siteKey(site)}|${rangeKey(issue.range)}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.items.push({ ...rest, site, cost: cost ?? this.cost, data: { ...(data ?? {}) },
            related: (related ?? []).map(({ node: at, ...place }) => ({ ...place, site: siteOf(at) })) });
    }

    get issues(): readonly EvalIssue[] {
        return this.items;
    }

    hasErrors(): boolean {
        return this.items.some((issue) => issue.severity === 'error');
    }
}

function rangeKey(range: Range | undefined): string {
    return range ? `${range.start.line}.${range.start.character}-${range.end.line}.${range.end.character}` : '';
}

/** An issue of the current version with the statement it came from, below which its sites are found. */
export interface PlacedIssue extends EvalIssue {
    readonly statement: AstNode;
}

/** The node a place names in the tree of `statement` (the statement itself when it is no longer there). */
export function nodeOfPlace(place: IssuePlace, statement: AstNode): AstNode {
    return nodeAtSite(place.site, statement) ?? statement;
}
