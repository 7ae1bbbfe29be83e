import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { diagnosticCode } from '../../diagnostics/diagnostic-code.js';
import { distributionSumFixes } from './distribution-fixes.js';
import { assertFix, didYouMeanFix, gamblePartialFixes, replacementFix } from './replacement-fixes.js';
import { IssueCodes, knownCode } from '../../diagnostics/codes.js';

/**
 * Quick fixes for the diagnostics whose repair is mechanical (UX.md "While typing"). Each reads the
 * diagnostic's code and data (the exact values the check computed); every edit is exact, with rationals
 * printed reduced. A request never throws: a fix that cannot be built is simply not offered.
 */
export class CredalCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> | undefined {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                actions.push(...this.fixesFor(document, diagnostic));
            } catch (error) {
                console.error(`credal quick fixes: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
            }
        }
        return actions.length > 0 ? actions : undefined;
    }

    private fixesFor(document: LangiumDocument, diagnostic: CodeActionParams['context']['diagnostics'][number]): CodeAction[] {
        switch (knownCode(diagnosticCode(diagnostic))) {
            case IssueCodes.DistSum: return distributionSumFixes(document, diagnostic);
            case IssueCodes.Open: return replacementFix(document, diagnostic, (r) => `Close the interval: ${r}`);
            case IssueCodes.Strict: return replacementFix(document, diagnostic, (r) => `Use ${r}`);
            case IssueCodes.NonConvex: return replacementFix(document, diagnostic, (r) => `Take the convex hull: ${r}`);
            case IssueCodes.InfraNorm: return replacementFix(document, diagnostic, () => 'Normalise: wrap in normalize(…)');
            case IssueCodes.NotCoherent: return replacementFix(document, diagnostic, (r) => `Tighten to the natural extension ${r}`);
            case IssueCodes.Assert: return assertFix(document, diagnostic);
            case IssueCodes.Unresolved:
            case IssueCodes.ElementUnknown:
            case IssueCodes.Type: return didYouMeanFix(document, diagnostic);
            case IssueCodes.GamblePartial: return gamblePartialFixes(document, diagnostic);
            default: return [];
        }
    }
}
