/**
 * Statement-level incremental parsing. A note is a sequence of top-level statements with hidden text
 * (whitespace, comments) between them, and the parser never looks across a statement boundary for
 * anything but the next statement's first token. So after an edit, only the statements the edit
 * touches need parsing again: the text from the statement before the first touched one to the
 * statement after the last touched one is parsed on its own, its statements replace the old ones in
 * the previous tree, and everything after it is shifted to its new offsets and positions.
 *
 * Statements whose text did not change keep their AST node objects, so results cached per node
 * (evaluation/value-carry.ts) can outlive the edit. Nothing here depends on which statement kinds the
 * grammar has: a statement is whatever the entry rule's `statements` holds.
 *
 * The splice is refused (`undefined`: the caller parses the whole text) when it cannot be proven to
 * give the tree a full parse gives: the fragment has an error, the previous parse has one outside the
 * re-parsed statements, the fragment does not start and end at whitespace, or the tree does not have
 * the expected shape.
 * `language-server/test/grammar/incremental-parse.test.ts` compares both on random edits.
 */
import type { AstNode, CompositeCstNode, CstNode, LeafCstNode, ParseResult } from 'langium';

interface Position { line: number; character: number }

/** The fields of Langium's CST node classes this module updates in place (private in their typings). */
interface MutableLeaf {
    _offset: number; _startLine: number; _startColumn: number; _endLine: number; _endColumn: number;
}
interface MutableComposite { content: CstNode[]; container?: CompositeCstNode; _rangeCache?: unknown }

type Statements = { statements: AstNode[] } & AstNode;

/** A full parse of a text, as the document parser does it. */
type FullParse = (text: string) => ParseResult<AstNode>;

/**
 * The parse result of `newText`, built from `previous` (the parse of `oldText`) by re-parsing only
 * the touched statements, or `undefined` when that is not safe. `previous` is updated in place.
 */
export function spliceParse(
    previous: ParseResult<AstNode>, oldText: string, newText: string, parse: FullParse
): ParseResult<AstNode> | undefined {
    const model = previous.value as Statements;
    const root = model.$cstNode as (CompositeCstNode & MutableComposite & { _text: string }) | undefined;
    if (!root || !Array.isArray(model.statements) || typeof root._text !== 'string' || root._text !== oldText) return undefined;
    const statements = model.statements;
    if (!statements.every((s) => s.$cstNode?.container === root)) return undefined;

    // The changed span: [start, oldEnd) in the old text is [start, newEnd) in the new one.
    const shortest = Math.min(oldText.length, newText.length);
    const start = commonPrefix(oldText, newText, shortest);
    const tail = commonSuffix(oldText, newText, shortest - start);
    const oldEnd = oldText.length - tail;
    const delta = newText.length - oldText.length;

    // One whole statement of margin on each side of the touched ones.
    // Statements are in text order: binary searches keep this independent of the note's length.
    const first = firstIndex(statements, (s) => s.$cstNode!.end >= start) - 1;
    let last = firstIndex(statements, (s) => s.$cstNode!.offset > oldEnd);
    if (last <= first) last = first + 1;
    const regionStart = first >= 0 ? statements[first]!.$cstNode!.offset : 0;
    const regionEnd = last < statements.length ? statements[last]!.$cstNode!.end : oldText.length;
    // The previous parse's errors must all lie between the margin statements (the fragment replaces them).
    const errorsFrom = first >= 0 ? statements[first]!.$cstNode!.end : 0;
    const errorsTo = last < statements.length ? statements[last]!.$cstNode!.offset : oldText.length + 1;
    if (!errorOffsets(previous, oldText.length).every((offset) => offset >= errorsFrom && offset < errorsTo)) return undefined;
    if (regionStart > 0 && !isSpace(oldText.charCodeAt(regionStart - 1))) return undefined;
    if (regionEnd < oldText.length && !isSpace(oldText.charCodeAt(regionEnd))) return undefined;

    const children = root.content;
    const firstChild = first >= 0 ? children.indexOf(statements[first]!.$cstNode!) : 0;
    const afterChild = last < statements.length ? children.indexOf(statements[last]!.$cstNode!) + 1 : children.length;
    if (firstChild < 0 || afterChild <= 0) return undefined;

    const fragment = newText.slice(regionStart, regionEnd + delta);
    const parsed = parse(fragment);
    const fragmentModel = parsed.value as Statements;
    const fragmentRoot = fragmentModel.$cstNode as (CompositeCstNode & MutableComposite) | undefined;
    if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) return undefined;
    if (!fragmentRoot || !Array.isArray(fragmentModel.statements)) return undefined;
    if ((parsed.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;

    const regionStartAt = first >= 0 ? statements[first]!.$cstNode!.range.start : { line: 0, character: 0 };
    const oldRegionEndAt = advance(regionStartAt, oldText, regionStart, regionEnd);
    const newRegionEndAt = advance(regionStartAt, fragment, 0, fragment.length);

    // The fragment's nodes move to where the fragment starts.
    for (const child of fragmentRoot.content) shiftTree(child, regionStart, { line: 0, character: 0 }, regionStartAt);

    // Statements at either end of the fragment that are textually unchanged keep their old nodes.
    const oldRegion = statements.slice(Math.max(first, 0), Math.min(last + 1, statements.length));
    const newRegion = fragmentModel.statements.slice();
    const textOf = (node: AstNode, text: string): string => text.slice(node.$cstNode!.offset, node.$cstNode!.end);
    const keep = new Map<AstNode, AstNode>();
    let front = 0;
    while (front < oldRegion.length && front < newRegion.length
        && textOf(oldRegion[front]!, oldText) === textOf(newRegion[front]!, newText)) {
        keep.set(newRegion[front]!, oldRegion[front]!);
        front++;
    }
    let back = 0;
    while (back < oldRegion.length - front && back < newRegion.length - front
        && textOf(oldRegion[oldRegion.length - 1 - back]!, oldText) === textOf(newRegion[newRegion.length - 1 - back]!, newText)) {
        keep.set(newRegion[newRegion.length - 1 - back]!, oldRegion[oldRegion.length - 1 - back]!);
        back++;
    }
    for (const [fresh, old] of keep) {
        const from = old.$cstNode!;
        shiftTree(from, fresh.$cstNode!.offset - from.offset, from.range.start, fresh.$cstNode!.range.start);
    }

    // The root's children: those before the region, the fragment's (with kept nodes), those after it.
    const after = children.slice(afterChild);
    for (const child of after) shiftTree(child, delta, oldRegionEndAt, newRegionEndAt);
    const middle = fragmentRoot.content.map((child) => {
        const kept = child.hidden ? undefined : keep.get((child as CompositeCstNode).astNode);
        return kept?.$cstNode ?? child;
    });
    for (const child of middle) (child as { container?: CompositeCstNode }).container = root;
    root.content = [...children.slice(0, firstChild), ...middle, ...after];
    root._rangeCache = undefined;
    root._text = newText;

    const statementsAfter = statements.slice(last + 1);
    model.statements = [...statements.slice(0, Math.max(first, 0)), ...newRegion.map((s) => keep.get(s) ?? s), ...statementsAfter];
    model.statements.forEach((statement, index) => {
        const mutable = statement as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
        mutable.$container = model;
        mutable.$containerProperty = 'statements';
        mutable.$containerIndex = index;
    });
    return { value: model, lexerErrors: [], parserErrors: [], lexerReport: parsed.lexerReport };
}

/** Characters compared at once by the native string comparison before going character by character. */
const BLOCK = 256;

/** The length of the longest common prefix of `a` and `b`, at most `limit`. */
function commonPrefix(a: string, b: string, limit: number): number {
    let at = 0;
    while (at + BLOCK <= limit && a.startsWith(b.slice(at, at + BLOCK), at)) at += BLOCK;
    while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
    return at;
}

/** The length of the longest common suffix of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
    let n = 0;
    while (n + BLOCK <= limit && a.endsWith(b.slice(b.length - n - BLOCK, b.length - n), a.length - n)) n += BLOCK;
    while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
    return n;
}

/** Where the errors of a parse are (an error at the end of input counts as at the text's length). */
export function errorOffsets(result: ParseResult<AstNode>, length: number): number[] {
    const at = (offset: number | undefined): number => (offset === undefined || Number.isNaN(offset) ? length : offset);
    return [
        ...result.lexerErrors.map((error) => at(error.offset)),
        ...(result.lexerReport?.diagnostics ?? []).map((diagnostic) => at(diagnostic.offset)),
        ...result.parserErrors.map((error) => at(error.token.startOffset))
    ];
}

/**
 * Moves a CST subtree by `offsetDelta`; positions are mapped from `from` to `to`: a node on `from`'s
 * line moves by the column difference too, a node on a later line only by the line difference.
 */
export function shiftTree(node: CstNode, offsetDelta: number, from: Position, to: Position): void {
    const lineDelta = to.line - from.line;
    const columnDelta = to.character - from.character;
    if (offsetDelta === 0 && lineDelta === 0 && columnDelta === 0) return;
    const work: CstNode[] = [node];
    while (work.length > 0) {
        const next = work.pop()!;
        const composite = next as CstNode & Partial<MutableComposite>;
        if (Array.isArray(composite.content)) {
            composite._rangeCache = undefined;
            for (const child of composite.content) work.push(child);
            continue;
        }
        const leaf = next as LeafCstNode & MutableLeaf;
        leaf._offset += offsetDelta;
        if (leaf._startLine === from.line) leaf._startColumn += columnDelta;
        if (leaf._endLine === from.line) leaf._endColumn += columnDelta;
        leaf._startLine += lineDelta;
        leaf._endLine += lineDelta;
    }
}

/** The position after `text[from, to)`, starting at `at` (line breaks: \n, \r\n, \r, as the lexer counts them). */
function advance(at: Position, text: string, from: number, to: number): Position {
    let line = at.line;
    let lineStart = -1;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    return lineStart < 0 ? { line, character: at.character + (to - from) } : { line, character: to - lineStart };
}

function isSpace(code: number): boolean {
    return code === 32 || code === 9 || code === 10 || code === 13;
}

/** The first index whose item passes `test` (items.length if none), for a test that is monotone in the index. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
    let low = 0;
    let high = items.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (test(items[middle]!)) high = middle;
        else low = middle + 1;
    }
    return low;
}
