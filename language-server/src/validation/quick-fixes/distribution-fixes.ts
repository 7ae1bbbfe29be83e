import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { isBraceLiteral, isKeyValue, isTuple, type BraceLiteral, type Tuple } from '../../generated/ast.js';
import { Rational } from '../../math/rational.js';
import { dataOf, isRange, nodeAtRange, quickFix, textOf } from './fix-kit.js';

/**
 * E-DIST-SUM: "normalize" (every mass divided by the sum, exactly) and "put `rest` on x" (the remainder
 * goes to one element: offered for each element whose mass would stay non-negative). The masses come
 * from the evaluator's data (`normalized` × `sum`); nothing is re-evaluated here.
 */
export function distributionSumFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const data = dataOf(diagnostic);
    const range = isRange(data.literalRange) ? data.literalRange : diagnostic.range;
    const literal = nodeAtRange(document, range, (n): n is BraceLiteral | Tuple => isBraceLiteral(n) || isTuple(n));
    const normalized = Array.isArray(data.normalized) ? (data.normalized as string[]).map((x) => Rational.parse(x)) : undefined;
    const elements = Array.isArray(data.elements) ? data.elements as string[] : undefined;
    if (!literal || !normalized || typeof data.sum !== 'string') return [];
    const sum = Rational.parse(data.sum);
    const masses = normalized.map((x) => x.mul(sum));
    if (isTuple(literal)) {
        if (literal.items.length !== normalized.length) return [];
        return [quickFix(document, diagnostic, `Normalize: divide every mass by ${sum}`, [{ range,
            newText: `(${normalized.join(', ')})` }], true)];
    }
    if (!elements) return [];
    const entries = literal.items.map((item) => isKeyValue(item) ? { item, index: elements.indexOf(textOf(item.key).trim()) } : undefined);
    if (entries.some((e) => !e || e.index < 0)) return [];
    const listed = entries as Array<{ item: (typeof literal.items)[number] & { value: unknown }; index: number }>;
    const valueRange = (entry: (typeof listed)[number]) =>
        (entry.item as { value: { $cstNode?: { range: typeof range } } }).value.$cstNode?.range;
    const actions: CodeAction[] = [];
    const normalizeEdits = listed.flatMap((entry) => {
        const at = valueRange(entry);
        return at ? [{ range: at, newText: String(normalized[entry.index]) }] : [];
    });
    if (normalizeEdits.length === listed.length) {
        actions.push(quickFix(document, diagnostic, `Normalize: divide every mass by ${sum}`, normalizeEdits, true));
    }
    const missing = Rational.ONE.sub(sum);
    for (const entry of listed) {
        const at = valueRange(entry);
        const rest = masses[entry.index]!.add(missing);
        if (!at || rest.sign() < 0) continue;
        actions.push(quickFix(document, diagnostic, `Put \`rest\` on ${elements[entry.index]} (it becomes ${rest})`, [{ range: at,
            newText: 'rest' }]));
    }
    if (missing.sign() > 0) {
        const unlisted = elements.filter((_, i) => !listed.some((e) => e.index === i));
        const close = literal.$cstNode!.end - 1;
        const separator = separatorOf(literal);
        for (const element of unlisted) {
            const lastItem = literal.items.at(-1)?.$cstNode;
            const at = document.textDocument.positionAt(lastItem ? lastItem.end : close);
            actions.push(quickFix(document, diagnostic, `Put \`rest\` on ${element} (it becomes ${missing})`,
                [{ range: { start: at, end: at }, newText: `${lastItem ? separator : ''}${element}: rest` }]));
        }
    }
    return actions;
}

/** How the items of a `{…}` are separated: `, ` unless the author used none. */
export function separatorOf(literal: BraceLiteral): string {
    const [first, second] = literal.items;
    if (!first?.$cstNode || !second?.$cstNode) return ', ';
    const between = literal.$cstNode!.root.fullText.slice(first.$cstNode.end, second.$cstNode.offset);
    return between.includes(',') ? ', ' : between.includes('\n') ? between : ' ';
}
