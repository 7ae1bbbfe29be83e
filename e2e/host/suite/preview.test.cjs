// The preview panel and the export commands through the `vscode` API (the webview's DOM is checked by
// e2e/ui/02-preview.ui.mjs).
const assert = require('node:assert/strict');
const { vscode, waitFor, openNote, sampleNotes, workspaceFile } = require('./helpers.cjs');

const VIEW_TYPE = 'credal.preview';
const PICTURE_NOTE = 'contamination-vs-tv.cred';

function previewTabs() {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs.map(tab => ({ tab, group })))
        .filter(({ tab }) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

async function noteWithPicture() {
    const samples = await sampleNotes();
    return samples.includes(PICTURE_NOTE) ? PICTURE_NOTE : samples[0];
}

exports.tests = [
    {
        name: 'the preview opens beside the note, once per note',
        async run() {
            const note = await noteWithPicture();
            await openNote(note);
            const editorColumn = vscode.window.activeTextEditor.viewColumn;
            await vscode.commands.executeCommand('credal.showPreviewToSide');
            const [{ tab, group }] = await waitFor('a preview tab', () => previewTabs().length > 0 && previewTabs());
            assert.equal(tab.label, `Preview ${note}`);
            assert.notEqual(group.viewColumn, editorColumn, 'the preview is beside the editor, not over it');
            assert.equal(vscode.window.activeTextEditor?.document.fileName.endsWith(note), true, 'the editor keeps the focus');
            // Asking again reveals the same panel instead of opening a second one.
            await vscode.commands.executeCommand('credal.showPreviewToSide');
            await vscode.commands.executeCommand('credal.showPreview');
            // Show Preview (not to the side) brings a preview to the front; once one is, count them.
            await waitFor('a preview in front', () => previewTabs().some(({ tab, group }) => tab.isActive && group.isActive), 10_000);
            assert.equal(previewTabs().length, 1, 'one preview per note');
        }
    },
    {
        name: 'Show Source goes from the preview back to the note',
        async run() {
            const [{ tab, group }] = previewTabs();
            assert.ok(tab, 'a preview is open');
            await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
            await waitFor('the preview to have focus', () => group.activeTab === tab && group.isActive, 10_000).catch(() => undefined);
            await vscode.commands.executeCommand('credal.showSource');
            await waitFor('the note editor to be active', () => vscode.window.activeTextEditor?.document.fileName.endsWith(tab.label.replace(/^Preview /, '')));
        }
    },
    {
        name: 'Export… writes the note as LaTeX and as a standalone HTML page',
        async run() {
            const note = await noteWithPicture();
            const source = workspaceFile(note);
            for (const [format, file, expected] of [['latex', 'export-test.tex', '\\begin{document}'], ['html', 'export-test.html', 'class="katex"']]) {
                const target = workspaceFile(file);
                const written = await vscode.commands.executeCommand('credal.export', source, format, target);
                assert.ok(written, `credal.export ${format} returned the file it wrote`);
                const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
                assert.ok(text.includes(expected), `the ${format} export contains ${expected}`);
                await vscode.workspace.fs.delete(target);
            }
        }
    },
    {
        name: 'Copy for LessWrong puts Markdown with $ math on the clipboard',
        async run() {
            const note = await noteWithPicture();
            await openNote(note);
            await vscode.env.clipboard.writeText('');
            const copied = await vscode.commands.executeCommand('credal.copyForLessWrong');
            assert.equal(copied, true, 'the command reports success');
            const text = await vscode.env.clipboard.readText();
            assert.ok(/\$[^$\n]+\$/.test(text), `the clipboard holds Markdown with inline math (got ${JSON.stringify(text.slice(0, 80))})`);
        }
    },
    {
        name: 'a failed preview request leaves the extension working (preview of a note the server cannot render)',
        async run() {
            // An untitled note in another language: the server answers null; the panel shows a message instead.
            const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a note' });
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('credal.showPreview', document.uri);
            await waitFor('a preview tab for the plain-text document', () => previewTabs().some(({ tab }) => tab.label.startsWith('Preview Untitled')));
            // The extension still answers afterwards.
            const note = await noteWithPicture();
            await openNote(note);
            await vscode.commands.executeCommand('credal.showPreviewToSide');
            assert.equal(previewTabs().filter(({ tab }) => tab.label === `Preview ${note}`).length, 1);
            for (const { tab } of previewTabs()) await vscode.window.tabGroups.close(tab);
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
    }
];
