// Small helpers for in-host tests: the `vscode` API is the only interface they use.
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

module.exports = { vscode, EXTENSION_ID, waitFor, workspaceFile, openNote, sampleNotes, codeOf, errorsOf, describe };
