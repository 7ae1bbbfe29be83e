import type { AstNode, LangiumDocument } from 'langium';
import { isAssert, isEval, type Assert, type Eval, type Model } from '../../src/generated/ast.js';
import type { StatementResult } from '../../src/evaluation/evaluator.js';
import { rangeOfPlace } from '../../src/validation/evaluation-validator.js';
import { formatValue } from '../../src/evaluation/format-value.js';
import type { EvalIssue, PlacedIssue } from '../../src/evaluation/issues.js';
import type { Value } from '../../src/evaluation/values.js';
import { noteServices } from '../support/note-services.js';

/** Parse a note (linked, not validated) and read it through the evaluator service. */
export function evaluationKit() {
    const { services, parse, clear } = noteServices();
    const evaluator = services.Credal.evaluation.Evaluator;
    const statements = (document: LangiumDocument<Model>): Array<Eval | Assert> =>
        document.parseResult.value.statements.filter((s): s is Eval | Assert => isEval(s) || isAssert(s));
    return {
        services,
        evaluator,
        parse,
        clear,
        /** Every eval/assert result of a note, in file order. */
        async results(text: string): Promise<StatementResult[]> {
            const document = await parse(text);
            return statements(document).map((s) => evaluator.resultOf(s));
        },
        /** The formatted value of each eval (and the left side of each assert). */
        async values(text: string): Promise<string[]> {
            const document = await parse(text);
            return statements(document).map((s) => formatValue(evaluator.resultOf(s).value));
        },
        /** The value of the declaration named `name`. */
        async declaration(text: string, name: string): Promise<Value> {
            const document = await parse(text);
            const node = document.parseResult.value.statements.find((s) => (s as { name?: string }).name === name);
            if (!node) throw new Error(`no declaration ${name}`);
            return evaluator.valueOf(node);
        },
        /** All issues (cheap, and expensive when asked). */
        async issues(text: string, expensive = true): Promise<PlacedIssue[]> {
            const document = await parse(text);
            return evaluator.issuesFor(document, { expensive });
        },
    };
}

/** `CODE line:col message` of issues (1-based) for readable assertions; a statement's own issues are placed below it. */
export function describeIssues(issues: readonly PlacedIssue[]): string[];
export function describeIssues(issues: readonly EvalIssue[], statement: AstNode): string[];
export function describeIssues(issues: readonly (EvalIssue | PlacedIssue)[], statement?: AstNode): string[] {
    return issues.map((i) => {
        const pos = rangeOfPlace(i, statement ?? (i as PlacedIssue).statement)?.start;
        return `${i.code} ${pos ? `${pos.line + 1}:${pos.character + 1}` : '?'} ${i.message}`;
    });
}
