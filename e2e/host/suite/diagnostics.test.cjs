// The language server's diagnostics as the editor receives them.
const assert = require('node:assert/strict');
const { vscode, EXTENSION_ID, waitFor, openNote, sampleNotes, codeOf, errorsOf, describe } = require('./helpers.cjs');

exports.tests = [
    {
        name: 'the extension activates for a Credal note',
        async run() {
            const [sample] = await sampleNotes();
            assert.ok(sample, 'the workspace holds at least one sample');
            const document = await openNote(sample);
            assert.equal(document.languageId, 'credal');
            const extension = vscode.extensions.getExtension(EXTENSION_ID);
            assert.ok(extension, `${EXTENSION_ID} is installed`);
            await waitFor('the extension to activate', () => extension.isActive);
        }
    },
    {
        name: 'a broken note has an E-SYNTAX error',
        async run() {
            const document = await openNote('broken.cred');
            const errors = await waitFor('an E-SYNTAX diagnostic on broken.cred',
                () => errorsOf(document.uri).some(d => codeOf(d) === 'E-SYNTAX') && errorsOf(document.uri));
            console.log(`broken.cred: ${describe(errors)}`);
        }
    },
    {
        name: 'an unsaved (untitled) Credal note is checked too',
        async run() {
            const document = await vscode.workspace.openTextDocument({ language: 'credal', content: 'set Coin = {heads, tails\n' });
            await vscode.window.showTextDocument(document);
            assert.equal(document.uri.scheme, 'untitled');
            await waitFor('an E-SYNTAX diagnostic on the untitled note', () => errorsOf(document.uri).some(d => codeOf(d) === 'E-SYNTAX'));
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
    },
    {
        name: 'every sample has no errors, and diagnostics follow edits',
        timeoutMs: 300_000,
        async run() {
            for (const sample of await sampleNotes()) {
                const document = await openNote(sample);
                // Break the note, see the error arrive, then restore the text: the empty list that follows is
                // the server's verdict on the sample itself, not a list that simply has not arrived yet.
                const end = document.lineAt(document.lineCount - 1).range.end;
                const breakIt = new vscode.WorkspaceEdit();
                breakIt.insert(document.uri, end, '\nset Broken = {');
                assert.ok(await vscode.workspace.applyEdit(breakIt));
                await waitFor(`E-SYNTAX after breaking ${sample}`, () => errorsOf(document.uri).some(d => codeOf(d) === 'E-SYNTAX'));
                const restore = new vscode.WorkspaceEdit();
                restore.delete(document.uri, new vscode.Range(end, document.lineAt(document.lineCount - 1).range.end));
                assert.ok(await vscode.workspace.applyEdit(restore));
                await waitFor(`${sample} to have no errors`, () => errorsOf(document.uri).length === 0, 20_000)
                    .catch(() => { throw new Error(`${sample} has errors: ${describe(errorsOf(document.uri))}`); });
                await vscode.commands.executeCommand('workbench.action.files.revert');
            }
        }
    }
];
