/**
 * Forwards the evaluator's issues as diagnostics: cheap issues in the 'fast' category (every change),
 * expensive ones in the 'slow' category (on save and in the CLI; LANGIUM-NOTES d16).
 * `diagnostic.data` is `{ code, ...issue.data }` so quick fixes can switch on the code.
 */
import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { CancellationToken, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import type { CredalAstType, Model } from '../generated/ast.js';
import type { CredalEvaluator } from '../evaluation/evaluator.js';
import { nodeOfPlace, type IssuePlace, type PlacedIssue } from '../evaluation/issues.js';

export class EvaluationValidator {
    constructor(private readonly evaluator: () => CredalEvaluator) {}

    /** Checks for the 'fast' category. */
    cheapChecks(): ValidationChecks<CredalAstType> {
        return { Model: (model: Model, accept: ValidationAcceptor, token: CancellationToken) => this.forward(model, accept, token, false) };
    }

    /** Checks for the 'slow' category. */
    expensiveChecks(): ValidationChecks<CredalAstType> {
        return { Model: (model: Model, accept: ValidationAcceptor, token: CancellationToken) => this.forward(model, accept, token, true) };
    }

    private forward(model: Model, accept: ValidationAcceptor, token: CancellationToken, expensive: boolean): void {
        try {
            const document = AstUtils.getDocument(model);
            const issues = this.evaluator().issuesFor(document, { expensive }, token)
                .filter((issue) => (expensive ? issue.cost === 'expensive' : issue.cost === 'cheap'));
            for (const issue of issues) acceptIssue(issue, accept);
        } catch (error) {
            console.error(`credal validation: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        }
    }
}

function acceptIssue(issue: PlacedIssue, accept: ValidationAcceptor): void {
    const uri = documentUriOf(issue.statement);
    const relatedInformation = issue.related.flatMap((related): DiagnosticRelatedInformation[] => {
        const range = rangeOfPlace(related, issue.statement);
        return range && uri ? [{ location: { uri, range }, message: related.message }] : [];
    });
    accept(issue.severity, issue.message, {
        node: nodeOfPlace(issue, issue.statement),
        range: rangeOfPlace(issue, issue.statement),
        relatedInformation: relatedInformation.length > 0 ? relatedInformation : undefined,
        data: { ...issue.data, code: issue.code }
    });
}

/** The document range a place denotes in the tree of `statement` (explicit range, keyword, property, or the node). */
export function rangeOfPlace(place: IssuePlace, statement: AstNode): Range | undefined {
    if (place.range) return place.range;
    const cst = nodeOfPlace(place, statement).$cstNode;
    if (!cst) return undefined;
    if (place.keyword) return GrammarUtils.findNodeForKeyword(cst, place.keyword, place.index)?.range ?? cst.range;
    if (place.property) return GrammarUtils.findNodeForProperty(cst, place.property, place.index)?.range ?? cst.range;
    return cst.range;
}

function documentUriOf(node: AstNode): string | undefined {
    try {
        return AstUtils.getDocument(node).uri.toString();
    } catch {
        return undefined;
    }
}
