import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { diagnosticCode } from '../../diagnostic-code.js';
import { distributionSumFixes } from './distribution-fixes.js';
import { assertFix, didYouMeanFix, gamblePartialFixes, replacementFix } from './replacement-fixes.js';

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
        switch (diagnosticCode(diagnostic)) {
            case 'E-DIST-SUM': return distributionSumFixes(document, diagnostic);
            case 'E-OPEN': return replacementFix(document, diagnostic, (r) => `Close the interval: ${r}`);
            case 'E-STRICT': return replacementFix(document, diagnostic, (r) => `Use ${r}`);
            case 'E-NONCONVEX': return replacementFix(document, diagnostic, (r) => `Take the convex hull: ${r}`);
            case 'W-NOT-COHERENT': return replacementFix(document, diagnostic, (r) => `Tighten to the natural extension ${r}`);
            case 'E-ASSERT': return assertFix(document, diagnostic);
            case 'E-UNRESOLVED':
            case 'E-ELEM-UNKNOWN': return didYouMeanFix(document, diagnostic);
            case 'E-GAMBLE-PARTIAL': return gamblePartialFixes(document, diagnostic);
            default: return [];
        }
    }
}
