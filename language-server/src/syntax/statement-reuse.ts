/**
 * After a whole-text parse (the fallback when a splice is not safe, typically while a bracket is open),
 * the statements whose text did not change take back their old nodes. Results kept per statement node
 * (links, checks, values: evaluation/value-carry.ts) then survive the full parse as they survive a splice.
 *
 * A statement is taken back only when it parsed without any error inside it, in the old parse and in the
 * new one: the parser decides a statement from its own tokens (and the first token after it), so the same
 * text parsed without recovery gives the same tree (statement-splice.ts rests on the same fact). Matches
 * keep their order: the n-th reused old statement precedes the (n+1)-th.
 */
import type { AstNode, CompositeCstNode, CstNode, ParseResult } from 'langium';
import { errorOffsets, shiftTree } from './statement-splice.js';

type Statements = { statements: AstNode[] } & AstNode;

/** How many statements of `fresh` (the parse of `newText`) were replaced by their nodes in `previous` (of `oldText`). */
export function reuseUnchangedStatements(previous: ParseResult<AstNode>, oldText: string, fresh: ParseResult<AstNode>,
    newText: string): number {
    const oldModel = previous.value as Partial<Statements>;
    const newModel = fresh.value as Partial<Statements>;
    const root = newModel.$cstNode as (CompositeCstNode & { content: CstNode[] }) | undefined;
    if (!Array.isArray(oldModel.statements) || !Array.isArray(newModel.statements) || !root || !Array.isArray(root.content)) return 0;
    const clean = (node: AstNode, errors: readonly number[]): boolean => {
        const cst = node.$cstNode;
        return !!cst && !errors.some((offset) => offset >= cst.offset && offset <= cst.end);
    };

    const oldErrors = errorOffsets(previous, oldText.length);
    const byText = new Map<string, Array<{ node: AstNode; index: number }>>();
    oldModel.statements.forEach((node, index) => {
        if (!clean(node, oldErrors)) return;
        const text = oldText.slice(node.$cstNode!.offset, node.$cstNode!.end);
        const list = byText.get(text);
        if (list) list.push({ node, index });
        else byText.set(text, [{ node, index }]);
    });

    const newErrors = errorOffsets(fresh, newText.length);
    const positions = new Map(root.content.map((child, at) => [child, at]));
    let lastOld = -1;
    let reused = 0;
    newModel.statements.forEach((node, index) => {
        if (!clean(node, newErrors)) return;
        const cst = node.$cstNode!;
        const candidates = byText.get(newText.slice(cst.offset, cst.end));
        while (candidates && candidates.length > 0 && candidates[0]!.index <= lastOld) candidates.shift();
        const old = candidates?.shift();
        const at = old ? positions.get(cst) : undefined;
        if (!old || at === undefined) return;
        lastOld = old.index;
        const oldCst = old.node.$cstNode!;
        shiftTree(oldCst, cst.offset - oldCst.offset, oldCst.range.start, cst.range.start);
        (oldCst as { container?: CompositeCstNode }).container = root;
        root.content[at] = oldCst;
        const mutable = old.node as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
        mutable.$container = newModel as AstNode;
        mutable.$containerProperty = 'statements';
        mutable.$containerIndex = index;
        newModel.statements![index] = old.node;
        reused++;
    });
    return reused;
}
