import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, credalTestKit } from './credal-test-kit.js';

const kit = credalTestKit();
afterEach(() => kit.clear());

/** The E-SYNTAX diagnostics of a note as `line:col message`. */
async function syntaxMessages(text: string): Promise<string[]> {
    const diagnostics = await kit.diagnose(text);
    return diagnostics.filter(d => codeOf(d) === 'E-SYNTAX').map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('E-SYNTAX messages are sentences, never token dumps', () => {
    it('names the unclosed set and the line it was opened on', async () => {
        expect(await syntaxMessages('set Coin = {heads, tails}\n\nset X = {a,\n  b\n\nlet y = 1'))
            .toEqual(['6:1 expected `}` to close the set opened on line 3, found the keyword `let`']);
    });

    it('names an unclosed mapping at the end of the note', async () => {
        expect(await syntaxMessages('set Coin = {heads, tails}\ndist d on Coin = {heads: 1/2, tails: 1/2'))
            .toEqual(['2:41 expected `}` to close the mapping opened on line 2, found the end of the note']);
    });

    it('names an unclosed decision problem and parenthesis', async () => {
        expect(await syntaxMessages('decision D on X {\n belief K\n acts { a = 1 \n}\n'))
            .toEqual(['4:2 expected `}` to close the decision problem opened on line 1, found the end of the note']);
        expect(await syntaxMessages('eval (1 + 2')).toEqual(['1:12 expected `)` to close the parenthesis opened on line 1, found the end of the note']);
    });

    it('says when a closer closes nothing', async () => {
        expect(await syntaxMessages('set Coin = {heads, tails}\neval lowerE(K, f))'))
            .toEqual(['2:18 unexpected `)`: there is no open `(` for it to close']);
    });

    it('says a name is expected, and that keywords cannot be names', async () => {
        expect(await syntaxMessages('let = 3')).toEqual(['1:5 expected a name, found `=`']);
        expect(await syntaxMessages('let rest = 3')).toEqual(['1:5 expected a name, found the keyword `rest` (keywords cannot be used as names)']);
    });

    it('says that v2 keywords cannot be names, and how an a-measure is written', async () => {
        const [message] = await syntaxMessages('let kernel = 3');
        expect(message).toMatch(/the keyword `kernel` \(keywords cannot be used as names\)/);
        expect(await syntaxMessages('set X = {a}\ninfra H on X = hull{ (mass: (1), b: 0) }')).toEqual([
            '2:23 an a-measure is written (m: <measure>, b: <number>); found `mass:` where `m:` belongs'
        ]);
    });

    it('explains a dangling operator and a stray statement start', async () => {
        expect(await syntaxMessages('let x = 1 +\nset Y = {c}')).toEqual(['1:11 `+` needs an expression after it, found `set`']);
        expect(await syntaxMessages('foo bar')).toEqual([
            '1:1 unexpected name `foo`: a statement starts with `let`, `set`, `event`, `dist`, `gamble`, `credal`, `decision`, `ddt`, `infra`, `kernel`, `eval`, `assert`, `conventions` or `expect`'
        ]);
    });

    it('explains unexpected characters', async () => {
        expect(await syntaxMessages('let x = 1;')).toEqual(['1:10 unexpected character `;`: statements need no terminator']);
    });

    it('never shows Chevrotain token dumps', async () => {
        const broken = ['credal K on X = { P({a}) >= }', 'eval lowerE(K, [1, 2)', 'dist d on = uniform',
            'ddt N { policies { a consistent } }',
            'set = {', 'event A on X = {a} ∪', 'assert', 'decision D { belief }'];
        for (const text of broken) {
            for (const message of await syntaxMessages(text)) {
                expect(message).not.toMatch(/Expecting|token of type|one of these possible|<\w+>|-->/);
            }
        }
    });
});
