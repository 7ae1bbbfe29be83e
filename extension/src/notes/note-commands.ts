/**
 * "Credal: New Note" (an untitled note from the template), "Credal: Open Sample" (a copy of the Knightian
 * coin, so the walkthrough never edits the installed extension) and "Credal: Open Language Reference"
 * (docs/language.md, at a section when hovers link to one, with the Markdown preview beside it).
 */
import { commands, Position, Range, Selection, Uri, ViewColumn, window, workspace, type ExtensionContext } from 'vscode';
import { NOTE_COMMANDS, REFERENCE_PATH, SAMPLE_PATH } from './note-ids.js';
import { NEW_NOTE_TEMPLATE } from './note-template.js';
import { headingLine } from './reference-anchor.js';

export function registerNoteCommands(context: ExtensionContext): void {
    const openNote = async (content: string) => {
        const document = await workspace.openTextDocument({ language: 'credal', content });
        return window.showTextDocument(document);
    };
    context.subscriptions.push(
        commands.registerCommand(NOTE_COMMANDS.newNote, () => openNote(NEW_NOTE_TEMPLATE)),
        commands.registerCommand(NOTE_COMMANDS.openSample, async () => {
            const sample = await workspace.fs.readFile(Uri.joinPath(context.extensionUri, SAMPLE_PATH));
            return openNote(new TextDecoder().decode(sample));
        }),
        commands.registerCommand(NOTE_COMMANDS.openReference, async (anchor?: unknown) => {
            const document = await workspace.openTextDocument(Uri.joinPath(context.extensionUri, REFERENCE_PATH));
            const line = typeof anchor === 'string' ? headingLine(document.getText(), anchor) ?? 0 : 0;
            const at = new Position(line, 0);
            const editor = await window.showTextDocument(document, { preview: true, viewColumn: ViewColumn.Active });
            editor.selection = new Selection(at, at);
            editor.revealRange(new Range(at, at), 3 /* TextEditorRevealType.AtTop */);
            await commands.executeCommand('markdown.showPreviewToSide', document.uri);
        })
    );
}
