/**
 * Moving a kept statement's issues to where the statement now is. An issue's sites are found again in
 * the current tree, but it may also hold document ranges (an explicit range, a quick fix's `replaceRange`):
 * kept across an edit above the statement, they would point at the old place. The statement's text is
 * unchanged (the result is kept by text), so a position inside it moves as the statement's start moved:
 * by the column difference on its first line, by the line difference below.
 */
import type { EvalIssue } from './issues.js';

interface Position { line: number; character: number }

/** Where a statement lay when a result was computed for it. */
export interface Place { readonly start: Position; readonly end: Position }

export function samePlace(a: Place, b: Place): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}

function isPosition(value: unknown): value is Position {
    const p = value as Partial<Position> | undefined;
    return !!p && typeof p === 'object' && typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(p).length === 2;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** The issues with every position moved from `from` to `to`; undefined when one lies outside the statement. */
export function relocateIssues(issues: readonly EvalIssue[], from: Place, to: Place): EvalIssue[] | undefined {
    let outside = false;
    const move = (p: Position): Position => {
        if (before(p, from.start) || before(from.end, p)) outside = true;
        return p.line === from.start.line
            ? { line: to.start.line, character: p.character - from.start.character + to.start.character }
            : { line: p.line - from.start.line + to.start.line, character: p.character };
    };
    const visit = (value: unknown, depth: number): unknown => {
        if (depth > 8 || !value || typeof value !== 'object') return value;
        if (isPosition(value)) return move(value);
        if (Array.isArray(value)) return value.map((item) => visit(item, depth + 1));
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, depth + 1)]));
    };
    const moved = issues.map((issue) => ({
        ...issue,
        range: visit(issue.range, 0) as EvalIssue['range'],
        related: issue.related.map((related) => ({ ...related, range: visit(related.range, 0) as EvalIssue['range'] })),
        data: visit(issue.data, 0) as EvalIssue['data']
    }));
    return outside ? undefined : moved;
}
