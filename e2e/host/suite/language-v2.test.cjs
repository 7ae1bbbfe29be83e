// Version 2 (LANGUAGE §7) in the real editor: an infra-Bayesian update and a decision under it, as VS Code
// receives them from the language server, and E-INFRA-NORM with its quick fix on a note being written.
const assert = require('node:assert/strict');
const { vscode, waitFor, openNote, errorsOf, codeOf, describe, positionOf, statementEnd, labelOf, hoverAt, inlayHints, untitledNote,
    closeUnsaved, assertIncludesAll } = require('./helpers.cjs');

const NOTE = 'ib-update-vs-gbr.cred';

exports.tests = [
    {
        name: 'v2: an infra-Bayesian update hovers with its generators and P^g_H(L); its decision with E_H',
        async run() {
            const document = await openNote(NOTE);
            const update = await hoverAt(document, positionOf(document, 'infra U', 'infra '.length), 'minimal generator');
            // K = conv{(0, 1/4, 3/4), (1/2, 0, 1/2)} updated on L = {l1, l2} with g = 1 (worked in the sample's prose).
            assertIncludesAll(update, ['infra-Bayesian update', '| l1 | l2 | n | b |', '| 0 | 1/2 | 0 | 1/2 |', '| 1 | 0 | 0 | 0 |',
                'P^g_ℋ(L) = 1/2', 'not crisp'], 'the hover on U');
            const decision = await hoverAt(document, positionOf(document, 'decision AfterIB', 'decision '.length), 'E_ℋ[U]');
            assertIncludesAll(decision, ['decided by maximin', '| a | 1/2 |', '| c | 0 |', '| s | 1/4 |', 'maximin: `{a}`'], 'the hover on AfterIB');
            assert.deepEqual(errorsOf(document.uri), [], describe(errorsOf(document.uri)));
        }
    },
    {
        name: 'v2: inlay hints mark every assert of the infra sample as holding',
        async run() {
            const document = await openNote(NOTE);
            const hints = await inlayHints(document);
            const at = position => hints.filter(hint => hint.position.isEqual(position)).map(labelOf);
            assert.deepEqual(at(statementEnd(document, 'assert ibprob(K, L, 1) == 1/2')), ['✓']);
            const asserts = document.getText().match(/^assert /gm).length;
            assert.equal(hints.map(labelOf).filter(label => label === '✓').length, asserts, 'one ✓ per assert');
        }
    },
    {
        name: 'v2: an unnormalised infradistribution gets E-INFRA-NORM, and its quick fix wraps it in normalize(…)',
        async run() {
            const document = await untitledNote('set X = {a, b}\ninfra H on X = hull{ (m: (1, 1), b: 1/2) }\n');
            try {
                const diagnostic = await waitFor('E-INFRA-NORM', () => errorsOf(document.uri).find(d => codeOf(d) === 'E-INFRA-NORM'));
                // min b = 1/2 and min (m(X) + b) = 5/2: the message gives both minima.
                assert.ok(diagnostic.message.includes('1/2') && diagnostic.message.includes('5/2'), diagnostic.message);
                const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range,
                    vscode.CodeActionKind.QuickFix.value);
                const fix = (actions ?? []).find(action => action.title === 'Normalise: wrap in normalize(…)');
                assert.ok(fix && fix.edit, `a quick fix with an edit among ${JSON.stringify(actions)}`);
                assert.ok(await vscode.workspace.applyEdit(fix.edit));
                assert.equal(document.lineAt(1).text, 'infra H on X = normalize(hull{ (m: (1, 1), b: 1/2) })');
                await waitFor('the error to clear after the fix', () => errorsOf(document.uri).length === 0);
                const fixed = await hoverAt(document, positionOf(document, 'infra H', 'infra '.length), 'minimal generator');
                // normalize: subtract min b = 1/2, then divide by min(m(X) + b) − min b = 2: (m: (1/2, 1/2), b: 0), crisp.
                assert.ok(fixed.includes('| 1/2 | 1/2 | 0 |'), fixed);
            } finally {
                await closeUnsaved();
            }
        }
    }
];
