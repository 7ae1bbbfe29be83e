/**
 * "Credal: Show Analysis Status": how the language server last analysed the active note (protocol.ts,
 * `credal/analysisStatus`), as a message; the command returns the status too (tests, keybindings).
 */
import { commands, window, type ExtensionContext, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnalysisStatusRequestMethod, type AnalysisStatusParams, type AnalysisStatusResult } from '../../../language-server/src/protocol.js';
import { SHOW_ANALYSIS_STATUS_COMMAND } from './status-ids.js';


/** The languages whose documents the server analyses (a Markdown file for its credal fences). */
const ANALYSED_LANGUAGES: readonly string[] = ['credal', 'markdown'];

export function registerAnalysisStatusCommand(context: ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(commands.registerCommand(SHOW_ANALYSIS_STATUS_COMMAND, async () => {
        const document = window.activeTextEditor?.document;
        if (!document || !ANALYSED_LANGUAGES.includes(document.languageId)) {
            void window.showInformationMessage('Credal: open a Credal note (or a Markdown file with credal fences) to see its analysis.');
            return undefined;
        }
        try {
            const status = await requestStatus(client, document);
            void window.showInformationMessage(`Credal: ${statusText(status)}`);
            return status;
        } catch (error) {
            void window.showErrorMessage(`Credal: no analysis status: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }));
}

function requestStatus(client: LanguageClient, document: TextDocument): Promise<AnalysisStatusResult> {
    const params: AnalysisStatusParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } };
    return client.sendRequest<AnalysisStatusResult>(AnalysisStatusRequestMethod, params);
}

/** One line a reader can take in: the version, what the last change cost, and the parses so far. */
function statusText(status: AnalysisStatusResult): string {
    const evaluations = `${status.lastBuildEvaluations} evaluation${status.lastBuildEvaluations === 1 ? '' : 's'}`;
    return `version ${status.version}, ${status.statements} statements. Last change: parsed ${status.lastParse === 'incremental'
        ? 'incrementally' : 'whole'}, ${evaluations}, diagnostics after ${status.lastBuildMs} ms. `
        + `Changes parsed incrementally: ${status.incrementalParses}, whole: ${status.fullParses}.${workerText(status.lastWorkerJob)}`;
}

/** The worker's last job: what the last save (or pause in typing) computed, the rest being kept. */
function workerText(job: AnalysisStatusResult['lastWorkerJob']): string {
    if (!job) return '';
    const what = job.kind === 'save' ? 'save (checks, evals and asserts)' : 'evals and asserts after typing paused';
    return ` Background ${what} of version ${job.version}: ${job.evaluations} evaluation${job.evaluations === 1 ? '' : 's'}, ${job.ms} ms.`;
}
