/**
 * "Credal: Export…" (pick a format, pick a file, write the server's `credal/export` text) and
 * "Credal: Copy for LessWrong" (the Markdown export to the clipboard). Failures become messages,
 * never exceptions.
 *
 * Both take optional arguments for keybindings and tests: `credal.export` (resource?, format?, target?)
 * skips the quick pick when `format` is given and the save dialog when `target` is given.
 */
import { commands, env, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequestMethod, type ExportFormat, type ExportParams, type ExportResult } from '../../../language-server/src/protocol.js';
import { EXPORT_COMMANDS } from '../preview/preview-ids.js';
import { EXPORT_CHOICES, exportChoice, exportPath, exportText } from './export-formats.js';

const CREDAL_LANGUAGE = 'credal';

/** `fallback`: the note to export when no Credal editor is active (the focused preview's). */
export function registerExportCommands(context: ExtensionContext, client: LanguageClient,
    fallback: () => Uri | undefined = () => undefined): void {
    const requestExport = async (resource: Uri, format: ExportFormat): Promise<string> => {
        await workspace.openTextDocument(resource); // the server renders documents it has been sent
        const params: ExportParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(resource) }, format };
        const text = exportText(await client.sendRequest<ExportResult>(ExportRequestMethod, params));
        if (text === undefined) throw new Error('the language server sent no text');
        return text;
    };

    context.subscriptions.push(
        commands.registerCommand(EXPORT_COMMANDS.export, async (resource?: Uri, format?: string, target?: Uri) => {
            const source = noteUri(resource, fallback);
            if (!source) return undefined;
            const choice = format ? exportChoice(format) : await window.showQuickPick(
                EXPORT_CHOICES.map(item => ({ label: item.label, detail: item.detail, choice: item })),
                { title: 'Credal: Export', placeHolder: 'Export the note as…' }
            ).then(picked => picked?.choice);
            if (!choice) return undefined;
            const destination = target instanceof Uri ? target : await window.showSaveDialog({
                defaultUri: source.with({ scheme: source.scheme === 'untitled' ? 'file' : source.scheme, path: exportPath(source.path,
                    choice.format) }),
                filters: { [choice.filterName]: [choice.extension] },
                title: `Export as ${choice.label}`
            });
            if (!destination) return undefined;
            try {
                const text = await requestExport(source, choice.format);
                await workspace.fs.writeFile(destination, new TextEncoder().encode(text));
                void window.showInformationMessage(`Credal: exported to ${workspace.asRelativePath(destination)}`);
                return destination;
            } catch (error) {
                void window.showErrorMessage(`Credal: the export failed: ${describe(error)}`);
                return undefined;
            }
        }),
        commands.registerCommand(EXPORT_COMMANDS.copyForLessWrong, async (resource?: Uri) => {
            const source = noteUri(resource, fallback);
            if (!source) return false;
            try {
                await env.clipboard.writeText(await requestExport(source, 'markdown'));
                void window.showInformationMessage('Credal: Markdown for LessWrong copied to the clipboard.');
                return true;
            } catch (error) {
                void window.showErrorMessage(`Credal: could not copy the note: ${describe(error)}`);
                return false;
            }
        })
    );
}

/** The note to export: the argument (explorer, editor title), else the active Credal editor, else the focused preview's. */
function noteUri(resource: Uri | undefined, fallback: () => Uri | undefined): Uri | undefined {
    if (resource instanceof Uri) return resource;
    const document = window.activeTextEditor?.document;
    if (document?.languageId === CREDAL_LANGUAGE) return document.uri;
    const preview = fallback();
    if (preview) return preview;
    void window.showInformationMessage('Credal: open a .cred note to export it.');
    return undefined;
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
