import type { AstNode, LangiumDocument } from 'langium';
import { isModel, type Model } from '../generated/ast.js';
import { dependencyGraph, transitiveDependencies } from './statement-dependencies.js';

/**
 * Where each top-level statement of a document sits, and what its evaluation depends on. Two statements
 * in two versions of a note have the same `key` when their text is identical (the n-th of several
 * identical texts matches the n-th), and the same `fingerprint` when, in addition, every declaration
 * they depend on (transitively) has identical text: then every result computed for one holds for the
 * other, because evaluation is a function of those texts alone.
 */
export interface StatementPrint {
    readonly key: string;
    readonly fingerprint: string;
    readonly start: number;
    readonly end: number;
}

export function statementPrints(document: LangiumDocument): StatementPrint[] {
    const model = document.parseResult?.value;
    if (!isModel(model)) return [];
    const statements = (model as Model).statements as AstNode[];
    const text = (node: AstNode): string => node.$cstNode?.text ?? '';
    const direct = dependencyGraph(model as Model);
    const occurrences = new Map<string, number>();
    return statements.flatMap((statement): StatementPrint[] => {
        const cst = statement.$cstNode;
        if (!cst) return [];
        const own = text(statement);
        const n = occurrences.get(own) ?? 0;
        occurrences.set(own, n + 1);
        const closure = [...transitiveDependencies(statement, direct)].map(text).sort();
        return [{ key: `${n}\u0000${own}`, fingerprint: [own, ...closure].join('\u0001'), start: cst.offset, end: cst.end }];
    });
}

/** The statement (a direct child of the note) that contains `offset`, if any. */
export function statementAt(prints: readonly StatementPrint[], offset: number): StatementPrint | undefined {
    return prints.find((print) => print.start <= offset && offset <= print.end);
}
