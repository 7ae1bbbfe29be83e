import { expectHover } from 'langium/test';
import type { InlayHint } from 'vscode-languageserver';
import { afterEach, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { lspTestKit } from './lsp-test-kit.js';

const kit = lspTestKit();
const hover = expectHover(kit.credal);
afterEach(() => {
    kit.configure({});
    return kit.clear();
});

const coin = `set Coin = {heads, tails}
/** The fair coin, $p(\\text{heads}) = \\tfrac12$. */
dist fair on Coin = {heads: 1/2, tails: 1/2}
/** All we know: $P(\\text{heads}) \\in [1/3, 2/3]$. */
credal K on Coin = { P({heads}) ∈ [1/3, 2/3] }
gamble bet on Coin = {heads: 1, tails: -1}
eval lowerE(K, bet)
eval vertices(K)
assert lowerP(K, {heads}) == 1/3
assert upperP(K, {heads}) == 1/2
decision Bet on Coin {
  belief K
  acts {
    back = bet
    lay = -bet
    abstain = 0
  }
}
`;

const hoverAt = kit.hover;

describe('hover', () => {
    it('a credal set: how built, vertices, lower/upper probability of each element, flags, picture, doc as Unicode', async () => {
        const text = await hoverAt(coin, 'K on', 0);
        expect(text).toContain('**credal set** `K` on Coin');
        expect(text).toContain('All we know: P(heads) ∈ [1/3, 2/3].');
        expect(text).toContain('**Vertices (2):** `(1/3, 2/3)`, `(2/3, 1/3)`');
        expect(text).toContain('**P̲({x}), P̄({x}) for each element x:**\n- `heads ∈ [1/3, 2/3]` ≈ [0.3333, 0.6667]\n- `tails ∈ [1/3, 2/3]` ≈ [0.3333, 0.6667]');
        expect(text).toContain('**dim** 1 · **precise** no · **vacuous** no · **coherent** yes');
        expect(text).toMatch(/!\[credal set on Coin\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
        expect(text).not.toMatch(/\\[a-z]+/);
    });

    it('puts the picture right under the title line, before the doc comment and the long facts', async () => {
        const text = await hoverAt(coin, 'K on', 0);
        const blocks = text.split('\n\n');
        expect(blocks[0]).toBe('**credal set** `K` on Coin');
        expect(blocks[1]).toMatch(/^!\[credal set on Coin\]\(data:image\/svg\+xml;base64,/);
        expect(text.indexOf('All we know')).toBeGreaterThan(text.indexOf('data:image'));
        expect(text.indexOf('**How built:**')).toBeGreaterThan(text.indexOf('data:image'));
    });

    it('"How built" says what the author wrote', async () => {
        const built = async (declaration: string) => /\*\*How built:\*\* ([^\n]*)/.exec(await hoverAt(`set T = {a, b, c}\n${declaration}\n`, 'L on'))?.[1];
        // One bound on one element is a constraint with one assessment, not "intervals on the elements".
        expect(await hoverAt(coin, 'K on')).toContain('**How built:** linear constraints (1 assessment)');
        expect(await built('credal L on T = { P({a}) >= 1/10, P({b}) >= 1/10, P({c}) >= 1/10 }'))
            .toBe('probability intervals: a bound on each of the 3 elements (3 assessments)');
        expect(await built('credal L on T = { P({a}) >= 1/10, P({b}) in [1/5, 1/2] }')).toBe('linear constraints (2 assessments)');
        expect(await built('credal L on T = { P({a}) >= P({b}), 1/10 <= P({c}) <= 1/2 }')).toBe('linear constraints (2 assessments)');
        expect(await built('credal L on T = hull{ {a: 1}, {b: 1} }')).toMatch(/^convex hull of 2 listed distributions/);
        expect(await built('credal L on T = vacuous')).toBe('vacuous: every distribution on T');
    });

    it('the picture is an SVG interval bar on 2 elements and a simplex triangle on 3', async () => {
        const bar = await hoverAt(coin, 'K on');
        const svg = Buffer.from(/base64,([^)]+)\)/.exec(bar)![1], 'base64').toString('utf8');
        expect(svg).toMatch(/^<svg/);
        expect(svg).toContain('>p(heads)</text>');
        expect(svg).toContain('<title>p(heads) = 1/3</title>');
        expect(svg).toContain('>1/3</text>');
        expect(svg).toContain('>2/3</text>');
        const three = 'set T = {a, b, c}\ncredal L on T = { P({a}) >= 1/10, P({b}) >= 1/10, P({c}) >= 1/10 }\n';
        const triangle = Buffer.from(/base64,([^)]+)\)/.exec(await hoverAt(three, 'L on'))![1], 'base64').toString('utf8');
        expect(triangle).toContain('<polygon');
        expect(triangle).not.toContain('currentColor');
        for (const picture of [svg, triangle]) {
            // Shown at 1:1 and short enough to sit under the title in a ~240 px hover.
            const [, width, height, viewBox] = /width="([\d.]+)" height="([\d.]+)" viewBox="([^"]+)"/.exec(picture)!;
            expect(viewBox).toBe(`0 0 ${width} ${height}`);
            expect(Number(height)).toBeLessThanOrEqual(180);
            const sizes = [...picture.matchAll(/font-size="([\d.]+)"/g)].map(m => Number(m[1]));
            expect(sizes.length).toBeGreaterThan(2);
            expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
            // An <img> gets no theme colour: text must read on light and dark hover backgrounds.
            for (const fill of new Set([...picture.matchAll(/<text[^>]* fill="(#[0-9a-f]{6})"/g)].map(m => m[1]!))) {
                for (const background of ['#ffffff', '#f3f3f3', '#1e1e1e', '#252526']) {
                    expect(contrast(fill, background), `${fill} on ${background}`).toBeGreaterThanOrEqual(3.5);
                }
            }
        }
    });

    it('truncates the vertex list past the configured count', async () => {
        kit.configure({ hover: { maxVertices: 1 } });
        expect(await hoverAt(coin, 'K on')).toContain('**Vertices (2):** `(1/3, 2/3)`, … (1 more)');
    });

    it('a distribution: masses and support; doc comment math as Unicode', async () => {
        const text = await hoverAt(coin, 'fair on');
        expect(text).toContain('| heads | 1/2 |');
        expect(text).toContain('support: `{heads, tails}`');
        expect(text).toContain('p(heads) = 1/2');
    });

    it('a query: exact value and decimal, with the function\'s meaning', async () => {
        await hover({ text: `${coin.replace('eval lowerE(K, bet)', 'eval <|>lowerE(K, bet)')}`, index: 0,
            hover: /`lowerE\(K, bet\)`\n\n`= -1\/3 ≈ -0\.3333`/, disposeAfterCheck: true });
        const text = await hoverAt(coin, 'lowerE');
        expect(text).toContain('E̲_K(f)');
    });

    it('decimal places follow credal.evaluation.decimalPlaces', async () => {
        kit.configure({ evaluation: { decimalPlaces: 2 } });
        expect(await hoverAt(coin, 'lowerE')).toContain('`= -1/3 ≈ -0.33`');
    });

    it('an assert: holds, or both sides\' actual values', async () => {
        expect(await hoverAt(coin, 'assert lowerP')).toContain('✓ **holds**');
        const failing = await hoverAt(coin, 'assert upperP');
        expect(failing).toContain('✗ **fails**');
        expect(failing).toContain('left: `= 2/3 ≈ 0.6667`');
        expect(failing).toContain('right: `= 1/2`');
    });

    it('a decision problem: bounds per act, the chosen set under every rule, a witness per rejected act', async () => {
        const text = await hoverAt(coin, 'Bet on');
        expect(text).toContain('| back | -1/3 ≈ -0.3333 | 1/3 ≈ 0.3333 |');
        expect(text).toContain('- Γ-maximin: `{abstain}`');
        expect(text).toContain('- maximality: `{back, lay, abstain}`');
        expect(text).toContain('- Γ-maximax: `{back, lay}` (tie)');
        expect(text).toContain('Γ-maximin rejects `back`: `abstain` scores 1/3 better');
    });

    it('a DDT problem: value per policy, Murphy\'s worst case, optimal set, regret, semantics', async () => {
        const note = 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous({11, 22})\ngamble u on W = (1000000, 1001000, 0, 1000)\nddt N on W {\n  belief T\n  policies {\n    one consistent {11, 21}\n    two consistent {12, 22}\n  }\n  utility u\n}\n';
        const text = await hoverAt(note, 'N on');
        expect(text).toContain('semantics **strict**');
        expect(text).toContain('| one | 1000000 | 1 | δ(11) | 0 |');
        expect(text).toContain('| two | 1000 | 1 | δ(22) | 999000 |');
        expect(text).toContain('**Optimal:** `{one}`');
    });

    it('an element (which set), an act (its payoff), a rule', async () => {
        expect(await hoverAt(coin, 'heads:', 1)).toContain('**element** `heads` on Coin');
        expect(await hoverAt(coin, 'back')).toContain('act of `Bet`');
        expect(await hoverAt('set X = {a}\ndecision D on X { belief vacuous acts { a1 = (1) } }\neval choose(D, maximality)\n',
            'maximality')).toContain('**maximality**');
    });

    it('no hover on a comment or on empty space', async () => {
        expect(await hoverAt(`${coin}// lowerE(K, bet)\n`, '// lowerE', 4)).toBe('');
        expect(await hoverAt(`${coin}\n\n   \n`, '\n   \n', 2)).toBe('');
    });

    it('a keyword says what it does and links to its section of the language reference', async () => {
        const on = await hoverAt(coin, 'on Coin', 0);
        expect(on).toContain('**on** (keyword): Names the finite set a declaration lives on.');
        expect(on).toContain(`(command:credal.openReference?${encodeURIComponent('["declarations"]')})`);
        const credal = await hoverAt(coin, 'credal K', 1);
        expect(credal).toContain('**credal** (keyword)');
        expect(credal).toContain(encodeURIComponent('["credal-sets-credal"]'));
    });
});

async function hints(text: string): Promise<InlayHint[]> {
    const document: LangiumDocument = await kit.build(text);
    const end = document.textDocument.positionAt(text.length);
    return (await kit.credal.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() },
        range: { start: { line: 0, character: 0 }, end } })) ?? [];
}

describe('inlay hints', () => {
    it('after each eval, on each assert (✓ or the actual value) and after each decision problem', async () => {
        const labels = (await hints(coin)).map(hint => hint.label);
        expect(labels).toEqual(['= -1/3 ≈ -0.3333', '= {(1/3, 2/3), (2/3, 1/3)}', '✓', '✗ actual: 2/3 ≈ 0.6667', 'maximin: {abstain}']);
    });

    it('sits at the end of its statement', async () => {
        const [first] = await hints(coin);
        const line = coin.split('\n').indexOf('eval lowerE(K, bet)');
        expect(first.position).toEqual({ line, character: 'eval lowerE(K, bet)'.length });
        expect(first.paddingLeft).toBe(true);
    });

    it('each kind can be switched off', async () => {
        kit.configure({ inlayHints: { evalValues: false } });
        expect((await hints(coin)).map(hint => hint.label)).toEqual(['✓', '✗ actual: 2/3 ≈ 0.6667', 'maximin: {abstain}']);
        kit.configure({ inlayHints: { assertResults: false, decisionChoices: false } });
        expect((await hints(coin)).map(hint => hint.label)).toEqual(['= -1/3 ≈ -0.3333', '= {(1/3, 2/3), (2/3, 1/3)}']);
    });

    it('a DDT problem shows its optimal policies', async () => {
        const note = 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous({11, 22})\ngamble u on W = (1000000, 1001000, 0, 1000)\nddt N on W {\n  belief T\n  policies {\n    one consistent {11, 21}\n    two consistent {12, 22}\n  }\n  utility u\n}\n';
        expect((await hints(note)).map(hint => hint.label)).toEqual(['optimal: {one}']);
    });
});

describe('code lenses', () => {
    it('above each decision problem: the main rules\' choices and Show in preview', async () => {
        const document = await kit.build(coin);
        const lenses = (await kit.credal.lsp.CodeLensProvider!.provideCodeLens(document,
            { textDocument: { uri: document.uri.toString() } })) ?? [];
        expect(lenses.map(lens => lens.command?.title)).toEqual([
            'Γ-maximin: {abstain}', 'maximality: {back, lay, abstain}', 'E-admissibility: {back, lay, abstain}',
                'minimax regret: {abstain}', 'Show in preview'
        ]);
        expect(lenses.at(-1)?.command?.command).toBe('credal.showPreviewToSide');
        const line = coin.split('\n').indexOf('decision Bet on Coin {');
        // The preview opens on this note, scrolled to this problem.
        expect(lenses.at(-1)?.command?.arguments).toEqual([document.uri.toString(), line]);
        expect(lenses.every(lens => lens.range.start.line === line)).toBe(true);
    });

    it('switched off by credal.codeLens.enabled', async () => {
        kit.configure({ codeLens: { enabled: false } });
        const document = await kit.build(coin);
        expect(await kit.credal.lsp.CodeLensProvider!.provideCodeLens(document,
            { textDocument: { uri: document.uri.toString() } })).toEqual([]);
    });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
    const luminance = (hex: string) => {
        const channel = (i: number) => {
            const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    };
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
}
