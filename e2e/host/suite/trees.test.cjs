// Decision trees (LANGUAGE §9) in the real editor: the tree's hover and code lenses as VS Code receives
// them, a strategy's gamble on hover, and E-TREE-PARTITION on a tree being written.
const assert = require('node:assert/strict');
const { vscode, waitFor, openNote, errorsOf, codeOf, describe, positionOf, hoverAt, codeLenses, untitledNote,
    closeUnsaved, assertIncludesAll } = require('./helpers.cjs');

const NOTE = 'oil-wildcatter.cred';

exports.tests = [
    {
        name: 'trees: hover on a tree shows its strategies, each rule\'s solutions and where they differ',
        async run() {
            const document = await openNote(NOTE);
            const text = await hoverAt(document, positionOf(document, 'tree Wildcatter', 'tree '.length), 'strategies');
            // 2^3 strategies after a sounding and 2 without; improb's solution under maximality (the sample's asserts).
            assertIncludesAll(text, ['decision tree on Ω', '10 strategies', '| noSounding_drill |', '**Chosen** (normal form · backward induction',
                '[maximality](command:credal.preview.showTreeRule?', '): `{noSounding_drill}` · same'], 'the hover on the tree');
            const member = await hoverAt(document, positionOf(document, 'Wildcatter.noSounding_drill', 'Wildcatter.'.length + 2), 'strategy');
            assert.ok(member.includes('**strategy** `noSounding_drill` of the decision tree `Wildcatter`: a gamble on Ω'),
                `the strategy's hover: ${JSON.stringify(member.slice(0, 300))}`);
            // Drilling without a sounding pays oil: 20 on soak, 5 on wet, −7 on dry, whatever the sounding.
            assert.ok(member.includes('| (noStructure, soak) | 20 |') && member.includes('| (closed, dry) | -7 |'), member);
            assert.deepEqual(errorsOf(document.uri), [], describe(errorsOf(document.uri)));
        }
    },
    {
        name: 'trees: code lenses above a tree show each main rule\'s strategies and whether backward induction agrees',
        async run() {
            const document = await openNote(NOTE);
            const line = positionOf(document, 'tree Wildcatter').line;
            const lenses = (await codeLenses(document)).filter(lens => lens.range.start.line === line);
            const titles = lenses.map(lens => lens.command?.title);
            for (const expected of ['Γ-maximin: {noSounding_drill}', 'maximality: {noSounding_drill}', 'Show in preview']) {
                assert.ok(titles.includes(expected), `a lens ${JSON.stringify(expected)} among ${JSON.stringify(titles)}`);
            }
            assert.ok(titles.some(title => /normal form = backward induction|backward induction differs/.test(title)), JSON.stringify(titles));
            // A rule's lens shows the tree in the preview with that rule's branches (the UI test clicks one).
            const maximin = lenses.find(lens => lens.command?.title.startsWith('Γ-maximin')).command;
            assert.equal(maximin.command, 'credal.preview.showTreeRule');
            assert.deepEqual(maximin.arguments, [document.uri.toString(), line, 'Wildcatter', 'maximin']);
        }
    },
    {
        name: 'trees: an observe node whose events do not partition its event gets E-TREE-PARTITION naming what is missing',
        async run() {
            const document = await untitledNote('set X = {a, b, c}\ncredal K on X = vacuous\ntree T on X {\n  belief K\n'
                + '  decide {\n    look = observe { {a}: decide { go = 1, stay = 0 }, {b}: 0 }\n    skip = 0\n  }\n}\n');
            try {
                const diagnostic = await waitFor('E-TREE-PARTITION', () => errorsOf(document.uri).find(d => codeOf(d) === 'E-TREE-PARTITION'));
                assert.ok(diagnostic.message.includes('c is in no branch'), diagnostic.message);
                assert.equal(diagnostic.range.start.line, 5, 'at the observe node');
                // Covering c clears it, in the same editor session.
                const edit = new vscode.WorkspaceEdit();
                edit.replace(document.uri, new vscode.Range(5, 0, 5, document.lineAt(5).text.length),
                    '    look = observe { {a}: decide { go = 1, stay = 0 }, {b, c}: 0 }');
                assert.ok(await vscode.workspace.applyEdit(edit));
                await waitFor('the error to clear', () => errorsOf(document.uri).length === 0);
            } finally {
                await closeUnsaved();
            }
        }
    }
];
