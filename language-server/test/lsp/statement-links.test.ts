import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createCredalServices } from '../../src/credal-module.js';
import type { CredalLinker } from '../../src/linking/credal-linker.js';
import { generatedNote } from '../../../bench/lsp/generated-note.js';
import { scriptedRun } from '../fuzz/differential.js';
import type { TextEdit } from '../support/random-edits.js';

// Unchanged statements keep their links across edits (linking/statement-links.ts). These edits change
// what a kept statement's names resolve to without touching its text; after each, the incremental
// server must equal a fresh one on diagnostics, hovers on every name, inlay hints and preview blocks.

const NOTE = `set S = {a, b, c}
set R = {u, v}
dist p on S = {a: 1/2, b: 1/4, c: rest}
credal T = tvball(p, 1/10)
event E on S = {a, b}
let x = 2
let y = x * 3
eval lowerP(T, {a})
eval interval(T, E)
set Weather = {sun, rain}
set Traffic = {light, heavy}
credal Kw on Weather = { P({sun}) in [1/3, 2/3] }
eval vertices(traffic(rain))
eval lowerE(T, (1, 0, y))
`;

/** Edits given as (text to find, its replacement), each applied to the text the previous ones left. */
function edits(text: string, steps: ReadonlyArray<readonly [string, string]>): TextEdit[] {
    let current = text;
    return steps.map(([find, replacement]) => {
        const offset = current.indexOf(find);
        if (offset < 0) throw new Error(`not in the note: ${find}`);
        current = current.slice(0, offset) + replacement + current.slice(offset + find.length);
        return { offset, length: find.length, text: replacement };
    });
}

describe('links kept across edits equal a fresh link', () => {
    it.each([
        ['an element renamed in the set a distribution is on', [['{a, b, c}', '{a, b, d}'], ['{a, b, d}', '{a, b, c}']]],
        ['a declaration of the same name added before the one in use', [['let x = 2', 'let y = 5\nlet x = 2'], ['let y = 5\n', '']]],
        ['the declaration a name resolves to deleted, then added back', [['let x = 2\n', ''], ['let y = x * 3', 'let x = 4\nlet y = x * 3']]],
        ['a kernel declared for a call that named nothing', [['eval vertices', 'kernel traffic from Weather to Traffic = { sun: point(light), '
            + 'rain: vacuous }\neval vertices']]],
        ['a closer name appears for an unresolved reference', [['let y = x * 3', 'let y = xx * 3'], ['let x = 2', 'let xy = 2']]],
        ['the set a distribution is on changed, seen through a credal set built from it', [['dist p on S', 'dist p on R'],
            ['{a: 1/2, b: 1/4, c: rest}', '{u: 1/2, v: rest}']]],
        ['a digit typed into a declaration others depend on', [['let x = 2', 'let x = 27'], ['1/10)', '1/5)']]]
    ] as const)('%s', async (_name, steps) => {
        const report = await scriptedRun(NOTE, edits(NOTE, steps));
        expect(report.mismatches).toEqual([]);
        expect(report.spliced).toBeGreaterThan(0);
    }, 120_000);
});

// Statements whose checks report something, so that kept diagnostics must move with their statement.
const FLAWED = `let pad = 1
set Q = {a, a}
set Coin = {h, t}
credal K on Coin = { P({h}) in [1/3, 2/3] }
/*! Prose with a refused formula: $\\def\\x{1}\\x$. */
decision Bet on Coin {
  belief K
  acts { back = (1, -1)  back = (0, 0) }
}
let pad2 = 1   credal B on Coin = { P({h}) in [1/3, 7] }
credal L on Coin = { P({h}) >= 2/3, P({t}) >= 2/3 }
eval D.
`;

describe('diagnostics and results kept with an unchanged statement move with it', () => {
    it.each([
        ['lines inserted above', [['let pad = 1', 'let pad = 1\n\n\nlet more = 2']]],
        ['text typed on a line above', [['pad = 1', 'pad = 12345'], ['pad = 12345', 'pad = 1']]],
        ['a line deleted above', [['let pad = 1\n', '']]],
        ['the flawed statements edited', [['{a, a}', '{a, a, b}'], ['back = (0, 0)', 'back = (0, 1)']]],
        ['text typed before a statement on the same line', [['pad2 = 1', 'pad2 = 1234'], ['pad2 = 1234', 'pad2 = 5']]]
    ] as const)('%s', async (_name, steps) => {
        const report = await scriptedRun(FLAWED, edits(FLAWED, steps));
        expect(report.mismatches).toEqual([]);
    }, 120_000);
});

// Dependencies by name, not by reference: a kernel called as `k(x)`, and the `conventions` block.
const BY_NAME = `set X = {0 .. 3}
dist p0 on X = (42/100, 8/100, 18/100, 32/100)
dist z on X = (0, 1/2, 0, 1/2)
credal K on X = hull{p0, z}
eval lowerE(K | {0, 2}, (5, 5, -5, -5))
set Weather = {sun, rain}
set Traffic = {light, heavy}
kernel traffic from Weather to Traffic = { sun: point(light), rain: vacuous }
eval vertices(traffic(sun))
assert vertices(traffic(rain)) == {(0, 1), (1, 0)}
decision D on X {
  belief K
  acts { a = (1, 0, 0, 1)  b = (0, 1, 1, 0) }
}
`;

describe('results kept across edits of what a statement depends on by name', () => {
    it.each([
        ['the kernel a statement calls edited', [['sun: point(light)', 'sun: point(heavy)'], ['rain: vacuous', 'rain: point(light)']]],
        ['a conventions block added, changed and removed', [['set X', 'conventions { conditioning natural }\nset X'],
            ['conditioning natural', 'conditioning regular'], ['conventions { conditioning regular }\n', '']]],
        ['the Hurwicz α used elsewhere in the note changed (a decision table lists the note\'s α\'s)',
            [['eval vertices(traffic(sun))', 'eval choose(D, hurwicz(0))'], ['hurwicz(0)', 'hurwicz(1/3)'], ['eval choose(D, hurwicz(1/3))', '']]]
    ] as const)('%s', async (_name, steps) => {
        const report = await scriptedRun(BY_NAME, edits(BY_NAME, steps));
        expect(report.mismatches).toEqual([]);
        expect(report.spliced).toBeGreaterThan(0);
    }, 120_000);
});

describe('a keystroke links what it changed', () => {
    it('a digit typed into one `let` of a long note links that statement and those depending on it', async () => {
        const { shared, Credal } = createCredalServices(EmptyFileSystem);
        const text = generatedNote(400);
        const uri = URI.parse('file:///links/long.cred');
        const textDocument = TextDocument.create(uri.toString(), 'credal', 1, text);
        (shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void }).set(textDocument);
        const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const linker = Credal.references.Linker as CredalLinker;
        const before = linker.linkedStatements;
        expect(before).toBeGreaterThanOrEqual(400);

        const at = text.indexOf('let x204 = 204') + 'let x204 = 2'.length;
        TextDocument.update(textDocument, [{ range: { start: textDocument.positionAt(at), end: textDocument.positionAt(at) }, text: '9' }], 2);
        await shared.workspace.DocumentBuilder.update([uri], []);

        // `let x204` and the `let y210` that uses it; nothing else in the note names either.
        expect(linker.linkedStatements - before).toBe(2);
        expect(document.diagnostics?.filter((d) => d.severity === 1)).toEqual([]);
    });
});
