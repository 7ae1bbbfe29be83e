// Small helpers for in-host tests: the `vscode` API is the only interface they use.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'credal-notes.credal-notes';
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; throws with `what` if it never does. */
async function waitFor(what, probe, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(100);
    }
}

function workspaceFile(name) {
    return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
}

async function openNote(name) {
    const document = await vscode.workspace.openTextDocument(workspaceFile(name));
    await vscode.window.showTextDocument(document);
    return document;
}

/** The sample notes copied into the workspace: every .cred file except the deliberately broken ones. */
async function sampleNotes() {
    const files = await vscode.workspace.findFiles('*.cred');
    return files.map(uri => uri.path.split('/').pop()).filter(name => !name.startsWith('broken')).sort();
}

function codeOf(diagnostic) {
    return typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code);
}

function errorsOf(uri) {
    return vscode.languages.getDiagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
}

function describe(diagnostics) {
    return diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('; ');
}

/** The position `delta` characters into the first occurrence of `needle` in the document. */
function positionOf(document, needle, delta = 0) {
    const at = document.getText().indexOf(needle);
    assert.ok(at >= 0, `${document.fileName} contains ${JSON.stringify(needle)}`);
    return document.positionAt(at + delta);
}

/** The end of the code on the first line containing `prefix` (a trailing comment excluded). */
function statementEnd(document, prefix) {
    const start = positionOf(document, prefix);
    const line = document.lineAt(start.line).text;
    const comment = line.indexOf('//');
    const code = (comment < 0 ? line : line.slice(0, comment)).trimEnd();
    return new vscode.Position(start.line, code.length);
}

function hoverText(hovers) {
    return (hovers ?? []).flatMap(hover => hover.contents).map(content => (typeof content === 'string' ? content : content.value)).join('\n');
}

const labelText = item => (typeof item.label === 'string' ? item.label : item.label.label);

function labelOf(hint) {
    return typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('');
}

/** Hover at `position`, retried until the server (which may still be evaluating the note) answers. */
async function hoverAt(document, position, expected) {
    let text = '';
    await waitFor(`a hover containing ${expected}`, async () => {
        text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position));
        return text.includes(expected);
    }).catch(error => { throw new Error(`${error.message}; last hover: ${JSON.stringify(text.slice(0, 400))}`); });
    return text;
}

async function inlayHints(document) {
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    return waitFor('inlay hints', async () => {
        const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', document.uri, range);
        return hints && hints.length > 0 && hints;
    });
}

let untitledCount = 0;

/**
 * An unsaved Credal note with `content`, shown in an editor (closed again by closeUnsaved). Each gets a
 * name of its own: a reused `Untitled-1` could be answered from the server's copy of the closed one.
 */
async function untitledNote(content) {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `e2e-note-${++untitledCount}.cred` });
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'credal') {
        document = await vscode.languages.setTextDocumentLanguage(document, 'credal');
    }
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), content);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.window.showTextDocument(document);
    return document;
}

async function closeUnsaved() {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Fails naming the first of `expected` that `text` (what `what` describes) lacks. */
function assertIncludesAll(text, expected, what) {
    for (const part of expected) assert.ok(text.includes(part), `${what} contains ${JSON.stringify(part)}; got ${JSON.stringify(text)}`);
}

/** Code lenses of `document`, asked until the server answers with some. */
async function codeLenses(document) {
    return waitFor('code lenses', async () => {
        const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri, 10);
        return found && found.length > 0 && found;
    });
}

module.exports = { vscode, EXTENSION_ID, waitFor, workspaceFile, openNote, sampleNotes, codeOf, errorsOf, describe, positionOf,
    statementEnd, labelText, labelOf, hoverAt, inlayHints, codeLenses, untitledNote,
    closeUnsaved, assertIncludesAll };

