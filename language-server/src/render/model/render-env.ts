import type { AstNode } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { DeclarationResult, StatementResult } from '../../evaluation/evaluator.js';
import { DEFAULT_FACT_TIMEOUT_MS, type FactLimits, type ValueFacts } from '../../evaluation/facts/index.js';
import type { Assert, Eval } from '../../generated/ast.js';
import type { SetInference } from '../../linking/set-inference.js';
import type { LatexContext } from '../latex/expression.js';
import { latexSetShape } from '../latex/sets.js';

/** The evaluator as rendering reads it: values and their derived facts, never a second computation. */
export interface ValueSource {
    declarationResult(declaration: AstNode, token?: CancellationToken): DeclarationResult;
    resultOf(statement: Eval | Assert, token?: CancellationToken): StatementResult;
    readonly facts: Pick<ValueFacts, 'limits' | 'credalFacts' | 'decisionFacts' | 'ddtFacts' | 'treeFacts' | 'infraFacts'>;
}

/** What the preview builder needs: the evaluator, set inference, cancellation. */
export class RenderEnv {
    constructor(
        readonly values: ValueSource,
        readonly inference: SetInference,
        readonly token?: CancellationToken,
        /** Time for each fact query made while drawing (vertices, decision tables, regions). */
        readonly queryTimeMs = DEFAULT_FACT_TIMEOUT_MS
    ) {}

    /** The limits of one fact query (vertices, a decision table, regions), cancelled with the request. */
    limits(): FactLimits {
        return this.values.facts.limits({ token: this.token, timeoutMs: this.queryTimeMs });
    }

    /** The LaTeX context for expressions of a declaration; `constraints` inside a constraint block. */
    latexContext(constraints = false): LatexContext {
        return {
            constraints,
            setTex: node => {
                const shape = this.inference.homeSetOf(node);
                return shape ? latexSetShape(shape) : undefined;
            }
        };
    }
}
