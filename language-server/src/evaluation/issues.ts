/**
 * The issue model: every problem the evaluator finds, attached to the exact offending text.
 *
 * An issue is engine-free and editor-free: a node (plus property/index or an explicit range inside the
 * document), a stable code (SEMANTICS §A.9, LANGUAGE §5), a sentence with the exact numbers, related
 * places, and `data` for quick fixes (JSON-safe: exact numbers as strings). `cost` splits CHEAP issues
 * (structure, sums, closed forms; run on every change) from EXPENSIVE ones (LP-based coherence,
 * redundancy, emptiness, vertex enumeration, eval/assert results; run on save).
 */
import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { DiagnosticCode } from '../diagnostics/codes.js';

export type IssueSeverity = 'error' | 'warning' | 'info' | 'hint';
export type IssueCost = 'cheap' | 'expensive';

export interface IssueLocation {
    readonly node: AstNode;
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

export interface EvalIssue extends IssueLocation {
    readonly severity: IssueSeverity;
    readonly code: DiagnosticCode;
    readonly message: string;
    readonly related: readonly RelatedIssueInfo[];
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

    add(issue: Omit<EvalIssue, 'related' | 'data' | 'cost'> & { related?: readonly RelatedIssueInfo[]; data?: Record<string,
        unknown>; cost?: IssueCost }): void {
        const key = `${issue.code}|${issue.message}|${issue.property ?? ''}|${issue.index ?? ''}|${offsetOf(issue.node)}|${rangeKey(issue.range)}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.items.push({ ...issue, cost: issue.cost ?? this.cost, related: issue.related ?? [], data: { ...(issue.data ?? {}) } });
    }

    get issues(): readonly EvalIssue[] {
        return this.items;
    }

    hasErrors(): boolean {
        return this.items.some((issue) => issue.severity === 'error');
    }
}

function offsetOf(node: AstNode): string {
    return node.$cstNode ? `${node.$cstNode.offset}:${node.$cstNode.length}:${node.$type}` : node.$type;
}

function rangeKey(range: Range | undefined): string {
    return range ? `${range.start.line}.${range.start.character}-${range.end.line}.${range.end.character}` : '';
}
