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
    readonly code: string;
    readonly message: string;
    readonly related: readonly RelatedIssueInfo[];
    /** Quick-fix payload, forwarded as `diagnostic.data` together with `code`. JSON-safe. */
    readonly data: Readonly<Record<string, unknown>>;
    readonly cost: IssueCost;
}

/** Issue codes raised by the evaluator (the linking ones live in validation/issue-codes.ts). */
export const EvalCodes = {
    ElementUnknown: 'E-ELEM-UNKNOWN',
    Type: 'E-TYPE',
    GamblePartial: 'E-GAMBLE-PARTIAL',
    DistNeg: 'E-DIST-NEG',
    DistSum: 'E-DIST-SUM',
    BoundRange: 'E-BOUND-RANGE',
    BoundOrder: 'E-BOUND-ORDER',
    Strict: 'E-STRICT',
    Open: 'E-OPEN',
    NonConvex: 'E-NONCONVEX',
    Empty: 'E-EMPTY',
    ParamRange: 'E-PARAM-RANGE',
    CondNull: 'E-COND-NULL',
    DdtEmpty: 'E-DDT-EMPTY',
    Budget: 'E-BUDGET',
    Assert: 'E-ASSERT',
    DivByZero: 'E-DIV-ZERO',
    Reserved: 'E-RESERVED',
    Cycle: 'E-CYCLE',
    Internal: 'E-INTERNAL',
    Unresolved: 'E-UNRESOLVED',
    NotCoherent: 'W-NOT-COHERENT',
    ZeroCond: 'W-ZERO-COND',
    DdtUnreachable: 'W-DDT-UNREACHABLE',
    DupGen: 'W-DUP-GEN',
    Hull: 'I-HULL',
    Redundant: 'I-REDUNDANT',
    Precise: 'I-PRECISE',
    Vacuous: 'I-VACUOUS',
    ImplicitZero: 'I-IMPLICIT-ZERO',
    EnumLimit: 'I-ENUM-LIMIT',
    /** "depends on K, which has errors": one note at the use, instead of a cascade. */
    DependsOnError: 'I-DEPENDS'
} as const;

/** Collects issues during one computation; deduplicates identical reports of the same node. */
export class IssueSink {
    private readonly items: EvalIssue[] = [];
    private readonly seen = new Set<string>();

    constructor(private readonly cost: IssueCost) {}

    add(issue: Omit<EvalIssue, 'related' | 'data' | 'cost'> & { related?: readonly RelatedIssueInfo[]; data?: Record<string, unknown>; cost?: IssueCost }): void {
        const key = `${issue.code}|${issue.message}|${issue.property ?? ''}|${issue.index ?? ''}|${offsetOf(issue.node)}|${rangeKey(issue.range)}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.items.push({ cost: this.cost, ...issue, related: issue.related ?? [], data: { ...(issue.data ?? {}) } });
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
