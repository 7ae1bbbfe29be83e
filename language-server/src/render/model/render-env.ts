import type { AstNode } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { DeclarationResult, StatementResult } from '../../evaluation/evaluator.js';
import type { Assert, Eval } from '../../generated/ast.js';
import type { SetInference } from '../../linking/set-inference.js';
import { Budget } from '../../math/budget.js';
import type { LatexContext } from '../latex/expression.js';
import { latexSetShape } from '../latex/sets.js';

/** The evaluator as rendering reads it: values only, never a second computation. */
export interface ValueSource {
    declarationResult(declaration: AstNode, token?: CancellationToken): DeclarationResult;
    resultOf(statement: Eval | Assert, token?: CancellationToken): StatementResult;
}

/** What the preview builder needs: the evaluator, set inference, cancellation. */
export class RenderEnv {
    constructor(
        readonly values: ValueSource,
        readonly inference: SetInference,
        readonly token?: CancellationToken,
        /** Time for each engine query made while drawing (vertices, decision tables, regions). */
        readonly queryTimeMs = 2000
    ) {}

    /** A fresh budget for one engine query, cancelled with the request. */
    budget(): Budget {
        const token = this.token;
        return new Budget({ timeMs: this.queryTimeMs, isCancelled: token ? () => token.isCancellationRequested : undefined });
    }

    /** The LaTeX context for expressions of a declaration; `constraints` inside a constraint block. */
    latexContext(constraints = false): LatexContext {
        return {
            constraints,
            setOf: node => {
                const shape = this.inference.contextSetOf(node) ?? this.inference.setOf(node);
                return shape ? latexSetShape(shape) : undefined;
            }
        };
    }
}
