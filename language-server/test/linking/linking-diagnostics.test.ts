import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeOf, credalTestKit, summarize } from '../grammar/credal-test-kit.js';

const kit = credalTestKit();
afterEach(() => kit.clear());

const coin = 'set Coin = {heads, tails}\n';

describe('E-UNRESOLVED and E-ELEM-UNKNOWN', () => {
    it('an unknown element of a known set names the set and suggests the closest element', async () => {
        expect(summarize(await kit.diagnose(`${coin}dist d on Coin = {head: 1/2, tails: 1/2}`)))
            .toEqual(['E-ELEM-UNKNOWN 2:19 `head` is not an element of Coin; did you mean `heads`?']);
    });

    it('an unknown element of a query\'s credal set names that set', async () => {
        const diagnostics = await kit.diagnose(`${coin}dist fair on Coin = uniform\ncredal B = tvball(fair, 1/10)\neval lowerP(B, {tail})`);
        expect(summarize(diagnostics)).toEqual(['E-ELEM-UNKNOWN 4:17 `tail` is not an element of Coin; did you mean `tails`?']);
    });

    it('says when the name is a declaration, not an element', async () => {
        const diagnostics = await kit.diagnose(`${coin}dist fair on Coin = uniform\nevent A on Coin = {fair}`);
        expect(diagnostics.map(d => d.message)).toEqual(['`fair` is not an element of Coin (`fair` is the distribution declared elsewhere, which is not an element)']);
    });

    it('an unknown name suggests the closest declaration', async () => {
        const diagnostics = await kit.diagnose(`${coin}dist fair on Coin = uniform\ncredal B = tvball(fiar, 1/10)`);
        expect(summarize(diagnostics)).toEqual(['E-UNRESOLVED 3:19 unknown name `fiar`; did you mean `fair`?']);
    });

    it('an element used outside a literal says where element names work', async () => {
        const [diagnostic] = await kit.diagnose(`${coin}let x = heads`);
        expect(codeOf(diagnostic)).toBe('E-UNRESOLVED');
        expect(diagnostic.message).toBe('unknown name `heads`; `heads` is an element of Coin, usable only inside a literal on Coin such as `{heads}`');
    });

    it('an element literal whose set cannot be told asks for `on`', async () => {
        expect(summarize(await kit.diagnose(`${coin}event A = {heads}`)))
            .toEqual(['E-UNRESOLVED 2:12 cannot resolve `heads`: the set this literal lives on is unknown; add `on <set>` to the declaration']);
    });

    it('an unknown set in `on` suggests a set', async () => {
        expect(summarize(await kit.diagnose(`${coin}event A on Con = {heads}`))).toEqual([
            'E-UNRESOLVED 2:12 unknown set `Con`; did you mean `Coin`?',
            'E-UNRESOLVED 2:19 cannot resolve `heads`: the set this literal lives on is unknown; add `on <set>` to the declaration'
        ]);
    });

    it('`on` must name a set (E-TYPE)', async () => {
        expect(summarize(await kit.diagnose(`${coin}let n = 2\nevent A on n = all`))).toEqual([
            'E-TYPE 3:12 `n` is not a set; `on` needs a finite set declared with `set`'
        ]);
    });
});

describe('E-DUP-NAME, E-SET-DUP, E-SET-EMPTY', () => {
    it('reports the second declaration of a name, pointing to the first', async () => {
        const diagnostics = await kit.diagnose(`${coin}let x = 1\nlet y = 2\ndist x on Coin = uniform`);
        expect(summarize(diagnostics)).toEqual(['E-DUP-NAME 4:6 `x` is already declared (line 2); a name may be declared once']);
        expect(diagnostics[0].relatedInformation?.[0].location.range.start).toEqual({ line: 1, character: 4 });
    });

    it('reports a named eval that reuses a declared name, and duplicate acts', async () => {
        const diagnostics = await kit.diagnose(`${coin}credal K on Coin = vacuous\neval K = 1\ndecision D on Coin { belief K acts { a = 1  a = 2 } }`);
        expect(summarize(diagnostics)).toEqual([
            'E-DUP-NAME 3:6 `K` is already declared (line 2); a name may be declared once',
            'E-DUP-NAME 4:45 `a` is already an act of D (line 4); a name may be declared once'
        ]);
    });

    it('reports a repeated clause of a problem', async () => {
        const diagnostics = await kit.diagnose(`${coin}credal K on Coin = vacuous\ndecision D on Coin { belief K belief K acts { a = 1 } }`);
        expect(diagnostics.map(d => d.message)).toEqual(['`belief` is given twice in D; keep one']);
    });

    it('reports an element listed twice and an empty set', async () => {
        expect(summarize(await kit.diagnose('set X = {a, b, a}\nset Y = {}\nset Z = {3 .. 1}'))).toEqual([
            'E-SET-DUP 1:16 `a` is listed twice in this set',
            'E-SET-EMPTY 2:9 a set needs at least one element',
            'E-SET-EMPTY 3:9 the range {3 .. 1} is empty: the first bound is larger than the last'
        ]);
    });

    it('lets an element share a name with a declaration or with an element of another set', async () => {
        expect(summarize(await kit.diagnose('let a = 1\nset X = {a, b}\nset Y = {a, c}'))).toEqual([]);
    });
});

describe('E-CYCLE', () => {
    it('names the cycle on every declaration in it', async () => {
        const diagnostics = await kit.diagnose(`${coin}credal K = tvball(L, 1/10)\ncredal L = contamination(K, 1/5)\neval lowerP(K, {heads})`);
        const cycles = diagnostics.filter(d => codeOf(d) === 'E-CYCLE').map(d => d.message);
        expect(cycles).toEqual([
            '`K` is defined in terms of itself: K → L → K',
            '`L` is defined in terms of itself: L → K → L'
        ]);
    });

    it('reports self-reference, and cycles through lets and sets', async () => {
        const diagnostics = await kit.diagnose('let a = a + 1\nset S = S × S\nlet b = c\nlet c = 2 * b');
        expect(diagnostics.filter(d => codeOf(d) === 'E-CYCLE').map(d => d.message)).toEqual([
            '`a` is defined in terms of itself: a → a',
            '`S` is defined in terms of itself: S → S',
            '`b` is defined in terms of itself: b → c → b',
            '`c` is defined in terms of itself: c → b → c'
        ]);
    });

    it('survives a long cycle without overflowing the stack', async () => {
        const n = 400;
        const lines = Array.from({ length: n }, (_, i) => `credal K${i} = tvball(K${(i + 1) % n}, 1/10)`);
        const logged = vi.spyOn(console, 'error');
        try {
            const diagnostics = await kit.diagnose(`${coin}${lines.join('\n')}\neval lowerP(K0, {heads})`);
            expect(diagnostics.filter(d => codeOf(d) === 'E-CYCLE')).toHaveLength(n);
            // The cycle is the one report: no internal error, no cascade of "depends on".
            expect(diagnostics.filter(d => codeOf(d) !== 'E-CYCLE').map(d => codeOf(d))).toEqual(['E-UNRESOLVED']);
            expect(logged).not.toHaveBeenCalled();
        } finally {
            logged.mockRestore();
        }
    });

    it('does not call a reference from a problem to its own acts a cycle', async () => {
        expect(summarize(await kit.diagnose(`${coin}credal K on Coin = vacuous\ndecision D on Coin { belief K acts { a = 1  b = a } }\neval value(D, a, maximin)`))).toEqual([]);
    });
});

describe('error recovery: a broken declaration never hides the others', () => {
    it('still links and reports the declarations after a broken one', async () => {
        const note = `${coin}set Urn = {red, black}
dist d on Coin = {heads: 1/2, tails: }
let x = 1 +
event E on Urn = {rde}
let y = 2
let y = 3
eval lowerP(K, {heads})`;
        const diagnostics = summarize(await kit.diagnose(note));
        expect(diagnostics.filter(d => d.startsWith('E-SYNTAX'))).toHaveLength(2);
        expect(diagnostics).toContain('E-ELEM-UNKNOWN 5:19 `rde` is not an element of Urn; did you mean `red`?');
        expect(diagnostics).toContain('E-DUP-NAME 7:5 `y` is already declared (line 6); a name may be declared once');
        expect(diagnostics).toContain('E-UNRESOLVED 8:13 unknown name `K`');
    });

    it('recovers inside a constraint block and a decision', async () => {
        const note = `${coin}credal K on Coin = { P({heads}) >= , P({tial}) <= 1/2 }
decision D on Coin {
  belief K
  acts { a = ( b = 1 }
}
event T on Coin = {tails, head}`;
        const diagnostics = summarize(await kit.diagnose(note));
        expect(diagnostics.some(d => d.startsWith('E-SYNTAX'))).toBe(true);
        expect(diagnostics).toContain('E-ELEM-UNKNOWN 7:27 `head` is not an element of Coin; did you mean `heads`?');
    });
});
