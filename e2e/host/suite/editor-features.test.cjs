// The editor features of issue 5 as VS Code receives them from the language server: hover, inlay hints,
// code lenses, completion, outline, semantic tokens, go to definition, references, rename and formatting. The UI side (what the
// widgets show) is e2e/ui/03-editor-features.ui.mjs.
const assert = require('node:assert/strict');
const { vscode, waitFor, openNote, sampleNotes, workspaceFile, positionOf, statementEnd, labelText, labelOf, hoverAt,
    inlayHints, codeLenses, untitledNote, closeUnsaved } = require('./helpers.cjs');

const NOTE = 'knightian-coin.cred';
const FORMAT_SAMPLES = [NOTE, 'newcomb.cred', 'die.cred'];

/**
 * Completion items at `position`, asked until they include every label in `expected`: right after an
 * edit the server may still answer for the previous text (Langium serves a read before the queued update).
 */
async function completionsWith(document, position, expected, triggerCharacter) {
    let labels = [];
    return waitFor(`completions including ${expected.join(', ')}`, async () => {
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position, triggerCharacter);
        labels = list.items.map(labelText);
        return expected.every(label => labels.includes(label)) && list.items;
    }, 15_000).catch(error => { throw new Error(`${error.message}; last offered: ${labels.join(', ')}`); });
}

/** Formatting edits, asked until `accept(edits)` holds (the server may answer for the text before an edit). */
async function formatUntil(what, uri, accept, timeoutMs = 15_000) {
    const options = { tabSize: 2, insertSpaces: true };
    let last;
    return waitFor(what, async () => {
        last = (await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', uri, options)) ?? [];
        return accept(last) && last;
    }, timeoutMs).catch(error => { throw new Error(`${error.message}; last edits: ${JSON.stringify(last.map(e => [e.range.start.line, e.newText]))}`); });
}


exports.tests = [
    {
        name: 'hover on a credal set shows how it is built, its vertices, bounds and picture',
        async run() {
            const document = await openNote(NOTE);
            const text = await hoverAt(document, positionOf(document, 'credal K on Coin', 'credal '.length), 'Vertices');
            for (const expected of ['**credal set** `K` on Coin', '**Vertices (2):** `(1/3, 2/3)`, `(2/3, 1/3)`',
                '- `heads ∈ [1/3, 2/3]` ≈ [0.3333, 0.6667]', '**How built:** linear constraints (1 assessment)', '**dim** 1', '**precise** no', '**vacuous** no', '**coherent** yes']) {
                assert.ok(text.includes(expected), `the hover on K contains ${JSON.stringify(expected)}; got ${JSON.stringify(text)}`);
            }
            // The doc comment, with its TeX math made readable.
            assert.ok(text.includes('the bias is in [1/3, 2/3]'), `the doc comment without $…$: ${JSON.stringify(text)}`);
            assert.ok(!/\\[a-zA-Z]+/.test(text.replace(/\(data:[^)]*\)/, '')), 'no raw \\commands in the hover');
            // On two elements the picture is the interval of p(heads): a segment from 1/3 to 2/3.
            const picture = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(text);
            assert.ok(picture, 'the hover carries an SVG picture');
            assert.ok(text.indexOf('data:image') < text.indexOf('**How built:**'), 'the picture comes right after the title line');
            const svg = Buffer.from(picture[1], 'base64').toString('utf8');
            assert.ok(svg.startsWith('<svg') && svg.includes('p(heads) = 1/3') && svg.includes('p(heads) = 2/3'),
                `the picture marks p(heads) = 1/3 and 2/3: ${svg.slice(0, 200)}`);
        }
    },
    {
        name: 'hover on a use of a name and on a query shows their values',
        async run() {
            const document = await openNote(NOTE);
            const use = await hoverAt(document, positionOf(document, 'lowerE(K, bet)', 'lowerE('.length), 'Vertices (2)');
            assert.ok(use.includes('**credal set** `K` on Coin'), `a reference to K hovers as K: ${JSON.stringify(use.slice(0, 200))}`);
            const query = await hoverAt(document, positionOf(document, 'eval buyingPrice = lowerE(K, bet)', 'eval buyingPrice = '.length + 2), '-1/3');
            assert.ok(query.includes('`= -1/3 ≈ -0.3333`'), `the query's exact value and decimal: ${JSON.stringify(query)}`);
        }
    },
    {
        name: 'inlay hints show eval values, ✓ on holding asserts and the maximin choice',
        async run() {
            const document = await openNote(NOTE);
            const hints = await inlayHints(document);
            const at = position => hints.filter(hint => hint.position.isEqual(position)).map(labelOf);
            assert.deepEqual(at(statementEnd(document, 'eval buyingPrice')), ['= -1/3 ≈ -0.3333']);
            assert.deepEqual(at(statementEnd(document, 'eval vertices(K)')), ['= {(1/3, 2/3), (2/3, 1/3)}']);
            assert.deepEqual(at(statementEnd(document, 'assert lowerP(K, {heads}) == 1/3')), ['✓']);
            // The decision problem's hint sits after its closing brace.
            const decisionEnd = document.positionAt(document.getText().indexOf('\n}', document.getText().indexOf('decision Bet')) + 2);
            assert.deepEqual(at(decisionEnd), ['maximin: {abstain}']);
            // Every assert of the sample holds: one ✓ per assert, no ✗.
            const asserts = document.getText().match(/^assert /gm).length;
            assert.equal(hints.map(labelOf).filter(label => label === '✓').length, asserts, 'one ✓ per assert');
            assert.deepEqual(hints.map(labelOf).filter(label => label.startsWith('✗')), []);
        }
    },
    {
        name: 'code lenses above a decision show the chosen sets, and Show in preview opens the preview',
        async run() {
            const document = await openNote(NOTE);
            const line = positionOf(document, 'decision Bet').line;
            const lenses = await codeLenses(document);
            const titles = lenses.filter(lens => lens.range.start.line === line).map(lens => lens.command && lens.command.title);
            assert.deepEqual(titles, ['Γ-maximin: {abstain}', 'maximality: {back, lay, abstain}',
                'E-admissibility: {back, lay, abstain}', 'minimax regret: {abstain}', 'Show in preview']);
            const show = lenses.find(lens => lens.command && lens.command.title === 'Show in preview').command;
            // The lens names its note and line, so it works whichever editor is active.
            const [uri, lensLine] = show.arguments ?? [];
            assert.equal(vscode.Uri.parse(uri).toString(), document.uri.toString());
            assert.equal(lensLine, line);
            const other = (await sampleNotes()).find(name => name !== NOTE);
            await openNote(other);
            await vscode.commands.executeCommand(show.command, ...show.arguments);
            const previews = () => vscode.window.tabGroups.all.flatMap(group => group.tabs)
                .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.label === `Preview ${NOTE}`);
            await waitFor('the preview of the note', () => previews().length === 1);
            const otherPreviews = vscode.window.tabGroups.all.flatMap(group => group.tabs).filter(tab => tab.label === `Preview ${other}`);
            assert.equal(otherPreviews.length, 0, 'the active editor\'s note is not the one previewed');
            // The preview tests that follow expect to open the first preview themselves.
            await vscode.window.tabGroups.close(previews());
            await waitFor('the preview to close', () => previews().length === 0, 10_000);
        }
    },
    {
        name: 'completion offers the elements of the set inside a mapping, the right kinds of names, and \\cu as ∪',
        async run() {
            const document = await untitledNote('set Coin = {heads, tails}\nset Die = {one, two}\ndist fair on Coin = uniform\n'
                + 'credal K on Coin = vacuous\ngamble bet on Coin = {heads: 1, tails: -1}\ndist q on Coin = {');
            try {
                const end = document.lineAt(document.lineCount - 1).range.end;
                const elements = (await completionsWith(document, end, ['heads', 'tails'])).map(labelText);
                assert.ok(!elements.includes('one'), `no element of another set: ${elements.join(', ')}`);
                // Where a credal set is expected, only credal-set-valued names (credal sets, distributions).
                const query = await untitledEdit(document, '\neval lowerE(');
                const names = (await completionsWith(document, query, ['K', 'fair'], '(')).map(labelText);
                for (const name of ['bet', 'Coin', 'Die', 'heads']) assert.ok(!names.includes(name), `${name} not offered in lowerE(: ${names.join(', ')}`);
                // A LaTeX spelling is offered as its symbol.
                const latex = await untitledEdit(document, '\nevent e on Coin = {heads} \\cu');
                const cup = (await completionsWith(document, latex, ['\\cup'], '\\')).find(item => labelText(item) === '\\cup');
                assert.equal(typeof cup.insertText === 'string' ? cup.insertText : cup.insertText.value, '∪');
            } finally {
                await closeUnsaved();
            }
        }
    },
    {
        name: 'the outline lists declarations with their kinds, elements under sets and acts under problems',
        async run() {
            const document = await openNote(NOTE);
            const symbols = await waitFor('document symbols', async () => {
                const found = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
                return found && found.length > 0 && found;
            });
            const byName = name => symbols.find(symbol => symbol.name === name);
            const coin = byName('Coin');
            assert.equal(coin?.kind, vscode.SymbolKind.Enum);
            assert.deepEqual(coin.children.map(child => [child.name, child.kind]), [['heads', vscode.SymbolKind.EnumMember], ['tails', vscode.SymbolKind.EnumMember]]);
            assert.equal(byName('K')?.kind, vscode.SymbolKind.Class);
            assert.equal(byName('K').detail, 'credal set on Coin');
            assert.equal(byName('bet')?.kind, vscode.SymbolKind.Function);
            assert.equal(byName('Bet')?.kind, vscode.SymbolKind.Module);
            assert.deepEqual(byName('Bet').children.map(child => child.name), ['back', 'lay', 'abstain']);
            // Prose headings make the long note navigable.
            assert.ok(byName('The betting decision')?.kind === vscode.SymbolKind.String, `a heading symbol: ${symbols.map(s => s.name).join(', ')}`);
        }
    },
    {
        name: 'semantic tokens colour names by what they denote, with no overlapping tokens',
        async run() {
            const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', workspaceFile(NOTE));
            for (const sample of await sampleNotes()) {
                // Not shown in an editor, and asked one request at a time: the editor's own requests for a
                // note it shows can interleave with these, and Langium's token provider mixes up concurrent
                // requests for one document (reported to the lead).
                const document = await vscode.workspace.openTextDocument(workspaceFile(sample));
                const whole = await semanticTokens(document, legend);
                const range = await semanticTokens(document, legend, new vscode.Range(0, 0, Math.min(document.lineCount, 60), 0));
                for (const [what, tokens] of [['full', whole], ['range', range]]) {
                    const overlaps = tokens.filter((token, i) => i > 0 && token.line === tokens[i - 1].line && token.start < tokens[i - 1].start + tokens[i - 1].length);
                    const show = t => `${t.line + 1}:${t.start + 1}+${t.length} ${JSON.stringify(t.text)} ${t.type}`;
                    assert.deepEqual(overlaps.map(t => `${show(tokens[tokens.indexOf(t) - 1])} then ${show(t)}`), [], `${sample}: overlapping ${what} semantic tokens`);
                }
                if (sample === NOTE) {
                    const typeOf = text => whole.find(token => token.text === text)?.type;
                    assert.deepEqual(['Coin', 'heads', 'fair', 'K', 'bet', 'Bet', 'back', 'lowerE'].map(typeOf),
                        ['finiteSet', 'element', 'distribution', 'credalSet', 'gamble', 'decisionProblem', 'act', 'builtin']);
                }
            }
        }
    },
    {
        name: 'go to definition on an element lands on the element in its set; references and rename cover every use',
        async run() {
            const document = await openNote(NOTE);
            const setLine = positionOf(document, 'set Coin = {heads, tails}').line;
            const use = positionOf(document, 'dist fair on Coin = {heads', 'dist fair on Coin = {'.length + 1);
            const targets = await waitFor('a definition', async () => {
                const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, use);
                return found && found.length > 0 && found;
            });
            const [target] = targets.map(t => ({ uri: t.targetUri ?? t.uri, range: t.targetSelectionRange ?? t.range }));
            assert.equal(target.uri.toString(), document.uri.toString());
            assert.equal(target.range.start.line, setLine);
            assert.equal(document.getText(target.range), 'heads');
            const references = await vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, use);
            assert.ok(references.length >= 4, `heads is used in several places: ${references.length}`);
            assert.ok(references.every(ref => document.getText(ref.range) === 'heads'), 'every reference covers the word heads');
            const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, use, 'H');
            const edits = edit.get(document.uri);
            assert.equal(edits.length, references.length, 'rename touches every reference (the declaration included)');
            assert.ok(edits.every(e => document.getText(e.range) === 'heads' && e.newText === 'H'));
            // Keywords cannot be renamed.
            await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionOf(document, 'credal K', 1))));
        }
    },
    {
        name: 'Format Document lays a note out, keeps comments, and changes nothing the second time',
        async run() {
            const document = await untitledNote('set Coin={heads,tails}   // the coin\n/** doc   kept */\ndecision D on Coin { belief vacuous acts { a = (1, 0)  abstain = 0 } }\n\n\n\neval lowerE( vacuous,{heads:1,tails:-1})');
            try {
                const edits = await formatUntil('formatting edits', document.uri, found => found.length > 0);
                const workspaceEdit = new vscode.WorkspaceEdit();
                workspaceEdit.set(document.uri, edits);
                assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
                assert.equal(document.getText(), 'set Coin = {heads, tails} // the coin\n/** doc   kept */\ndecision D on Coin {\n  belief vacuous\n  acts {\n'
                    + '    a       = (1, 0)\n    abstain = 0\n  }\n}\n\neval lowerE(vacuous, {heads: 1, tails: -1})\n');
                // Formatting the formatted note changes nothing (once the server has seen the formatted text).
                await formatUntil('no edits for the formatted note', document.uri, found => found.length === 0);
            } finally {
                await closeUnsaved();
            }
        }
    },
    {
        name: 'Format Document is idempotent on samples and keeps their comments and prose byte for byte',
        timeoutMs: 120_000,
        async run() {
            const options = { tabSize: 2, insertSpaces: true };
            // A decision, a DDT and long mappings; the unit tests format every sample.
            const samples = await sampleNotes();
            for (const sample of FORMAT_SAMPLES) {
                assert.ok(samples.includes(sample), `${sample} is a sample`);
                const started = Date.now();
                const note = await openNote(sample);
                const original = note.getText();
                const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', note.uri, options);
                const formatted = applyEdits(note, edits ?? []);
                for (const comment of original.match(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g) ?? []) {
                    assert.ok(formatted.includes(comment.trimEnd()), `${sample}: the formatter keeps ${JSON.stringify(comment.slice(0, 60))}`);
                }
                const copy = await untitledNote(formatted);
                try {
                    // The formatted copy declares the same names (an unparseable one would also format to nothing).
                    const names = async uri => ((await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri)) ?? []).map(symbol => symbol.name).join(', ');
                    const expected = await names(note.uri);
                    let actual;
                    await waitFor(`${sample}: the formatted note to declare the same names`, async () => (actual = await names(copy.uri)) === expected, 15_000)
                        .catch(error => { throw new Error(`${error.message}: ${actual} instead of ${expected}`); });
                    await formatUntil(`${sample}: no edits for the formatted note`, copy.uri, found => found.length === 0);
                } finally {
                    await closeUnsaved();
                }
                console.log(`${sample}: ${(edits ?? []).length} formatting edits, idempotent (${Date.now() - started} ms)`);
            }
        }
    }
];

/** Decoded semantic tokens (whole document, or `range`), in document order, with their text and type name. */
async function semanticTokens(document, legend, range) {
    const result = await waitFor('semantic tokens', async () => {
        const found = range
            ? await vscode.commands.executeCommand('vscode.provideDocumentRangeSemanticTokens', document.uri, range)
            : await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', document.uri);
        return found && found.data.length > 0 && found;
    });
    const tokens = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < result.data.length; i += 5) {
        const [deltaLine, deltaStart, length, type] = result.data.subarray(i, i + 4);
        line += deltaLine;
        start = deltaLine === 0 ? start + deltaStart : deltaStart;
        const text = document.getText(new vscode.Range(line, start, line, start + length));
        tokens.push({ line, start, length, text, type: legend.tokenTypes[type] });
    }
    return tokens;
}

/** The text of `document` with `edits` applied (not written to the document). */
function applyEdits(document, edits) {
    let text = document.getText();
    const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
    for (const edit of sorted) {
        text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
    }
    return text;
}

/** Appends `text` to an unsaved note and returns the position after it. */
async function untitledEdit(document, text) {
    const end = document.lineAt(document.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    return document.lineAt(document.lineCount - 1).range.end;
}
