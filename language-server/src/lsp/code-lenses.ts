import type { LangiumDocument } from 'langium';
import type { CodeLensProvider, LangiumServices } from 'langium/lsp';
import type { CancellationToken, CodeLens, CodeLensParams, Command } from 'vscode-languageserver';
import { isDdtDeclaration, isDecisionDeclaration, isModel, isTreeDeclaration } from '../generated/ast.js';
import type { CredalEvaluator } from '../evaluation/evaluator.js';
import type { RuleKind } from '../math/decision.js';
import { namesText, numberText } from './hover/math-text.js';
import { ruleTitle } from '../evaluation/rule-text.js';
import type { CredalSettingsReader } from './settings.js';
import { failed } from './guarded.js';
import { showTreeRuleCommand, type TreeTarget } from './tree-rule-command.js';

type Services = LangiumServices & { evaluation: { Evaluator: CredalEvaluator }; editor: { Settings: CredalSettingsReader } };

/** The rules whose choice a lens shows (the rest are in the hover and the preview). */
const LENS_RULES: readonly RuleKind[] = ['maximin', 'maximality', 'eAdmissibility', 'minimaxRegret'];

/** The preview's command (extension/): opens the preview beside the editor, scrolled to (uri, line). */
const SHOW_PREVIEW_COMMAND = 'credal.showPreviewToSide';

/**
 * Lenses above each `decision`, `ddt` and `tree` (UX): the chosen set under the main rules (or the optimal
 * policies and their values), and "Show in preview". Informational lenses carry an empty command, so
 * clicking them does nothing; a tree's rule lens opens the preview at the tree with that rule's chosen
 * branches highlighted (`credal.preview.showTreeRule`). `credal.codeLens.enabled` switches them all off.
 */
export class CredalCodeLensProvider implements CodeLensProvider {
    private readonly services: Services;

    constructor(services: Services) {
        this.services = services;
    }

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams, cancelToken?: CancellationToken): Promise<CodeLens[]> {
        try {
            const settings = await this.services.editor.Settings.read();
            const model = document.parseResult.value;
            if (!settings.codeLens.enabled || !isModel(model)) {
                return [];
            }
            const places = settings.evaluation.decimalPlaces;
            const lenses: CodeLens[] = [];
            for (const statement of model.statements) {
                const problem = isDecisionDeclaration(statement) || isDdtDeclaration(statement) || isTreeDeclaration(statement);
                if (!problem || !statement.$cstNode) {
                    continue;
                }
                const start = statement.$cstNode.range.start;
                const range = { start, end: start };
                try {
                    const where: Omit<TreeTarget, 'tree'> = { uri: document.uri.toString(), line: start.line };
                    for (const command of this.commands(statement, places, where, cancelToken)) {
                        lenses.push({ range, command });
                    }
                } catch (error) {
                    // No values for this problem; the preview lens still helps.
                    failed('code lenses', error, undefined);
                }
                lenses.push({ range, command: { title: 'Show in preview', command: SHOW_PREVIEW_COMMAND,
                    arguments: [document.uri.toString(), start.line] } });
            }
            return lenses;
        } catch (error) {
            return failed('code lenses', error, []);
        }
    }

    /** The lenses of one statement: a tree's rules are clickable, the rest informational. */
    private commands(statement: Parameters<CredalEvaluator['valueOf']>[0], places: number, where: Omit<TreeTarget, 'tree'>,
        token?: CancellationToken): Command[] {
        const evaluator = this.services.evaluation.Evaluator;
        const value = evaluator.valueOf(statement, token);
        if (value.kind === 'tree') {
            const summary = evaluator.facts.treeFacts(value, statement).summary(evaluator.facts.limits({ token }));
            if (!summary.ok) {
                return [{ title: `⚠ ${summary.error.code}`, command: '' }];
            }
            const differing = summary.value.results.filter(r => r.differ).map(r => ruleTitle(r.rule));
            const chosen = LENS_RULES.flatMap(kind => {
                const result = summary.value.results.find(r => r.rule.kind === kind);
                const title = result && `${ruleTitle(result.rule)}: ${namesText(result.normal)}`;
                return title ? [showTreeRuleCommand(title, { ...where, tree: value.name }, kind)] : [];
            });
            return [...chosen, { title: differing.length === 0 ? 'normal form = backward induction for every rule'
                : `backward induction differs for ${differing.join(', ')}`, command: '' }];
        }
        return this.titles(statement, places, token).map(title => ({ title, command: '' }));
    }

    private titles(statement: Parameters<CredalEvaluator['valueOf']>[0], places: number, token?: CancellationToken): string[] {
        const evaluator = this.services.evaluation.Evaluator;
        const value = evaluator.valueOf(statement, token);
        const limits = evaluator.facts.limits({ token });
        if (value.kind === 'decision') {
            const summary = evaluator.facts.decisionFacts(value, statement).summary(limits);
            if (!summary.ok) {
                return [`⚠ ${summary.error.code}`];
            }
            return LENS_RULES.flatMap(kind => {
                const result = summary.value.results.find(r => r.rule.kind === kind);
                return result ? [`${ruleTitle(result.rule)}: ${namesText(result.chosen)}`] : [];
            });
        }
        if (value.kind === 'ddt') {
            const result = evaluator.facts.ddtFacts(value).solution(limits);
            if (!result.ok) {
                return [`⚠ ${result.error.code}`];
            }
            const values = result.value.policies.map(policy => `${policy.policy}: ${policy.status === 'ok' && policy.value ? numberText(policy.value, places) : policy.status}`);
            return [`DDT optimal: ${namesText(result.value.optimal)}`, `V(π): ${values.join(' · ')}`];
        }
        return value.kind === 'error' ? [`⚠ ${value.code}`] : [];
    }
}

