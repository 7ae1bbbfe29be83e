// Typing in a long note (issue 14): a 1,000-declaration note is edited keystroke by keystroke through the
// editor's own `type` and `deleteLeft` commands, each edit's diagnostics and values come back fresh, and the
// server's analysis status shows the keystroke cost one statement's work, not a full build, in the server and
// in the evaluation worker alike.
const assert = require('node:assert/strict');
const { vscode, waitFor, errorsOf, codeOf, describe, positionOf, statementEnd, labelOf, untitledNote,
    closeUnsaved } = require('./helpers.cjs');

const DECLARATIONS = 1000;

/** Three kinds of declaration in turn, each depending on the set and some on earlier ones; evals at the end. */
function longNote() {
    const lines = ['set X = {a, b, c}', 'dist p on X = {a: 1/2, b: 1/4, c: 1/4}'];
    for (let i = 3; i <= DECLARATIONS; i++) {
        if (i % 3 === 0) lines.push(`gamble g${i} on X = (${i}, 0, 1)`);
        else if (i % 3 === 1) lines.push(`event e${i} on X = {a, b}`);
        else lines.push(`credal K${i} on X = { P({a}) >= 1/${i} }`);
    }
    lines.push('eval lowerE(p, g501)', 'eval lowerE(K998, g999)', '');
    return lines.join('\n');
}

/** Waits until the inlay hint at `position` starts with `expected` (the exact value; its decimal follows). */
async function hintAt(document, position, expected) {
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    let seen = [];
    await waitFor(`the inlay hint ${expected}`, async () => {
        const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', document.uri, range)) ?? [];
        seen = hints.filter(hint => hint.position.isEqual(position)).map(labelOf);
        return seen.some(label => label.startsWith(`${expected} `) || label === expected);
    }, 60_000).catch(error => { throw new Error(`${error.message}; seen ${JSON.stringify(seen)}`); });
}

/** Types `text` one character at a time at the cursor, as the keyboard would. */
async function typeKeys(text) {
    for (const character of text) await vscode.commands.executeCommand('type', { text: character });
}

exports.tests = [
    {
        name: 'typing in a 1,000-declaration note gives fresh diagnostics and values after each edit',
        timeoutMs: 180_000,
        async run() {
            const document = await untitledNote(longNote());
            try {
                const editor = vscode.window.activeTextEditor;
                assert.equal(editor.document, document);
                const query = statementEnd(document, 'eval lowerE(p, g501)');
                // p(g501) = 501/2 + 1/4 = 1003/4: the whole note was analysed.
                await hintAt(document, query, '= 1003/4');
                assert.deepEqual(errorsOf(document.uri), [], describe(errorsOf(document.uri)));

                // A keystroke in the middle of the note: g501 = (5017, 0, 1), so p(g501) = 5017/2 + 1/4 = 10035/4.
                const digit = positionOf(document, 'gamble g501 on X = (501', 'gamble g501 on X = (501'.length);
                editor.selection = new vscode.Selection(digit, digit);
                await typeKeys('7');
                await hintAt(document, query, '= 10035/4');
                // Without waiting for a full build: the keystroke was spliced into the tree, and of the note's 1,002
                // statements only g501 and the eval reading it were evaluated again (Credal: Show Analysis Status).
                const status = await vscode.commands.executeCommand('credal.showAnalysisStatus');
                console.log(`[credal-e2e] analysis status after a keystroke: ${JSON.stringify(status)}`);
                assert.equal(status.version, document.version);
                assert.equal(status.statements, DECLARATIONS + 2);
                assert.equal(status.lastParse, 'incremental');
                assert.ok(status.lastBuildEvaluations >= 1 && status.lastBuildEvaluations <= 4, JSON.stringify(status));
                // The hint came from the evaluation worker, which keeps the note between versions: its job for this
                // version also computed only g501 and the eval reading it.
                const job = status.lastWorkerJob;
                assert.ok(job && job.kind === 'values' && job.version === document.version, JSON.stringify(status));
                assert.ok(job.evaluations >= 1 && job.evaluations <= 4, JSON.stringify(status));

                // A keystroke that breaks the statement: its error appears on its line, and the rest of the note stays clean.
                await typeKeys('x');
                const broken = await waitFor('an error on the edited line', () => {
                    const errors = errorsOf(document.uri);
                    return errors.length > 0 && errors;
                }, 60_000);
                assert.ok(broken.every(d => d.range.start.line === digit.line || codeOf(d) === 'E-UNRESOLVED'), describe(broken));
                assert.ok(broken.some(d => d.range.start.line === digit.line), `an error on line ${digit.line + 1}: ${describe(broken)}`);

                // Deleting it repairs the note.
                await vscode.commands.executeCommand('deleteLeft');
                await waitFor('the errors to clear', () => errorsOf(document.uri).length === 0, 60_000);
                await hintAt(document, query, '= 10035/4');
                await hintAt(document, statementEnd(document, 'eval lowerE(K998, g999)'), '= 999/998');
            } finally {
                await closeUnsaved();
            }
        }
    }
];
