import type { AstNode } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { DeclarationResult, StatementResult } from '../../evaluation/evaluator.js';
import { keepable, type Fact } from '../../evaluation/facts/fact.js';
import type { Value } from '../../evaluation/values.js';
import type { Assert, Eval } from '../../generated/ast.js';
import type { ValueSource } from '../model/render-env.js';
import { IssueCodes, type DiagnosticCode } from '../../diagnostics/codes.js';

/**
 * Results that may differ next time for the same text: still computing off the thread (PENDING), left
 * for the save pass (DEFERRED), stopped by the clock or cancelled (E-BUDGET), a bug (E-INTERNAL), and
 * unresolved names (their message suggests names from the whole note, not only from the block's
 * dependencies). A block showing one of them is rendered again on the next request.
 */
const UNSETTLED_CODES: ReadonlySet<DiagnosticCode> = new Set([IssueCodes.Pending, IssueCodes.Deferred, IssueCodes.Budget,
    IssueCodes.Internal, IssueCodes.Unresolved]);

/**
 * The evaluator as the renderer reads it, noting whether anything read since `reset()` was unsettled
 * (see UNSETTLED_CODES; facts that ran out of time or were cancelled too), so that such a block is not
 * cached as if it were final.
 */
export class ValueProbe implements ValueSource {
    unsettled = false;
    readonly facts: ValueSource['facts'];

    constructor(private readonly inner: ValueSource) {
        const facts = inner.facts;
        this.facts = {
            limits: request => facts.limits(request),
            credalFacts: value => this.watched(facts.credalFacts(value)),
            decisionFacts: (value, where) => this.watched(facts.decisionFacts(value, where)),
            ddtFacts: value => this.watched(facts.ddtFacts(value)),
            treeFacts: (value, where) => this.watched(facts.treeFacts(value, where)),
            infraFacts: (value, where) => facts.infraFacts(value, where)
        };
    }

    reset(): void {
        this.unsettled = false;
    }

    declarationResult(declaration: AstNode, token?: CancellationToken): DeclarationResult {
        const result = this.inner.declarationResult(declaration, token);
        this.noteValue(result.value);
        return result;
    }

    resultOf(statement: Eval | Assert, token?: CancellationToken): StatementResult {
        const result = this.inner.resultOf(statement, token);
        for (const value of [result.value, result.left, result.right]) this.noteValue(value);
        return result;
    }

    private noteValue(value: Value | undefined): void {
        if (value?.kind === 'error' && UNSETTLED_CODES.has(value.code)) this.unsettled = true;
    }

    /** The same facts object, each method's answer inspected on its way out. */
    private watched<T extends object>(target: T): T {
        return new Proxy(target, {
            get: (object, property) => {
                const member: unknown = Reflect.get(object, property, object);
                if (typeof member !== 'function') return member;
                return (...args: unknown[]) => {
                    const answer: unknown = member.apply(object, args);
                    if (isFailedFact(answer) && (!keepable(answer) || UNSETTLED_CODES.has(answer.error.code))) this.unsettled = true;
                    return answer;
                };
            }
        });
    }
}

function isFailedFact(answer: unknown): answer is Extract<Fact<unknown>, { ok: false }> {
    return typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === false && 'error' in answer;
}
