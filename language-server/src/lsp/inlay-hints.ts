import type { AstNode, LangiumDocument } from 'langium';
import type { InlayHintProvider, LangiumServices } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams, Range } from 'vscode-languageserver';
import { isAssert, isDdtDeclaration, isDecisionDeclaration, isEval, isModel, isTreeDeclaration, type Assert,
    type Eval } from '../generated/ast.js';
import { isPending, type CredalEvaluator } from '../evaluation/evaluator.js';
import { formatValue } from '../evaluation/format-value.js';
import type { Value } from '../evaluation/values.js';
import { namesText } from './hover/math-text.js';
import type { CredalSettings, CredalSettingsReader } from './settings.js';
import { shortValue } from './value-hints.js';
import { failed } from './guarded.js';

type Services = LangiumServices & { evaluation: { Evaluator: CredalEvaluator }; editor: { Settings: CredalSettingsReader } };

/**
 * Values without asking (UX): `= -1/3` after each eval, `✓` or the actual value on each assert,
 * `maximin: {d5}` after each decision problem (DDT: the optimal policies). Each kind is switchable
 * (`credal.inlayHints.evalValues`, `.assertResults`, `.decisionChoices`). Values come from the
 * evaluator; a hint that cannot be computed is left out, never an error.
 */
export class CredalInlayHintProvider implements InlayHintProvider {
    private readonly services: Services;

    constructor(services: Services) {
        this.services = services;
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[]> {
        try {
            const settings = await this.services.editor.Settings.read();
            const model = document.parseResult.value;
            if (!isModel(model)) {
                return [];
            }
            const hints: InlayHint[] = [];
            for (const statement of model.statements) {
                if (cancelToken?.isCancellationRequested) {
                    break;
                }
                const cst = statement.$cstNode;
                if (!cst || !overlaps(cst.range, params.range)) {
                    continue;
                }
                try {
                    const hint = this.hintFor(statement, settings, cancelToken);
                    if (hint) {
                        hints.push({ position: cst.range.end, paddingLeft: true, ...hint });
                    }
                } catch (error) {
                    // One statement's failure costs only its own hint.
                    failed('inlay hints', error, undefined);
                }
            }
            return hints;
        } catch (error) {
            return failed('inlay hints', error, []);
        }
    }

    private hintFor(statement: AstNode, settings: CredalSettings, token?: CancellationToken): Pick<InlayHint,
        'label' | 'tooltip'> | undefined {
        const places = settings.evaluation.decimalPlaces;
        const evaluator = this.services.evaluation.Evaluator;
        if (isEval(statement) && settings.inlayHints.evalValues) {
            return valueHint(evaluator.resultOf(statement as Eval, token).value, places);
        }
        if (isAssert(statement) && settings.inlayHints.assertResults) {
            const result = evaluator.resultOf(statement as Assert, token);
            if (isPending(result.value)) {
                return { label: '…', tooltip: 'being checked in the background' };
            }
            if (result.ok) {
                return { label: '✓', tooltip: 'the claim holds' };
            }
            const actual = result.left ?? result.value;
            return {
                label: actual.kind === 'error' ? `✗ ${shortValue(actual, places)}` : `✗ actual: ${shortValue(actual, places)}`,
                tooltip: actual.kind === 'error' ? actual.message : `the left side is ${formatValue(actual)}`
            };
        }
        const problem = isDecisionDeclaration(statement) || isDdtDeclaration(statement) || isTreeDeclaration(statement);
        if (problem && settings.inlayHints.decisionChoices) {
            return this.choiceHint(evaluator.valueOf(statement, token), statement, evaluator, token);
        }
        return undefined;
    }

    private choiceHint(value: Value, statement: AstNode, evaluator: CredalEvaluator, token?: CancellationToken): Pick<InlayHint,
        'label' | 'tooltip'> | undefined {
        const limits = evaluator.facts.limits({ token });
        if (value.kind === 'decision') {
            const summary = evaluator.facts.decisionFacts(value, statement).summary(limits);
            const maximin = summary.ok ? summary.value.results.find(result => result.rule.kind === 'maximin') : undefined;
            return maximin ? { label: `maximin: ${namesText(maximin.chosen)}`,
                tooltip: 'the acts Γ-maximin (the infra-Bayesian rule) chooses' } : undefined;
        }
        if (value.kind === 'ddt') {
            const result = evaluator.facts.ddtFacts(value).solution(limits);
            return result.ok ? { label: `optimal: ${namesText(result.value.optimal)}`, tooltip: 'the DDT-optimal policies' } : undefined;
        }
        if (value.kind === 'tree') {
            const summary = evaluator.facts.treeFacts(value, statement).summary(limits);
            const maximality = summary.ok ? summary.value.results.find(result => result.rule.kind === 'maximality') : undefined;
            return maximality ? { label: `maximality: ${namesText(maximality.normal)}`,
                tooltip: 'the strategies maximality chooses (normal form; backward induction agrees when every reaching event has positive lower probability)' } : undefined;
        }
        return undefined;
    }
}

function valueHint(value: Value, places: number): Pick<InlayHint, 'label' | 'tooltip'> {
    if (isPending(value)) return { label: '= …', tooltip: 'being computed in the background' };
    return { label: `= ${shortValue(value, places)}`, tooltip: value.kind === 'error' ? value.message : formatValue(value) };
}

function overlaps(a: Range, b: Range): boolean {
    const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
    return before(a.start, b.end) && before(b.start, a.end);
}
