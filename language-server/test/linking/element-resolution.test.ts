import { AstUtils, EmptyFileSystem, URI, type AstNode } from 'langium';
import { afterEach, describe, expect, it } from 'vitest';
import { isElement, isInteger, isNameRef, isSetDeclaration, type Model } from '../../src/generated/ast.js';
import { codeOf, credalTestKit, summarize } from '../grammar/credal-test-kit.js';

const kit = credalTestKit();
afterEach(() => kit.clear());

/**
 * What each occurrence of `text` (a name or integer in an expression) links to, in file order:
 * `Coin.heads` for an element of the set Coin, `Act back`, `LetDeclaration heads`, or `-` when unresolved.
 */
async function targets(note: string, text: string): Promise<string[]> {
    const document = await kit.parse(note);
    await kit.services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return AstUtils.streamAst(document.parseResult.value as Model)
        .filter(node => (isNameRef(node) && node.ref.$refText === text) || (isInteger(node) && node.element.$refText === text))
        .map(node => label(isNameRef(node) ? node.ref.ref : isInteger(node) ? node.element.ref : undefined))
        .toArray();
}

function label(target: AstNode | undefined): string {
    if (!target) {
        return '-';
    }
    if (isElement(target)) {
        const owner = target.$container.$container;
        return `${isSetDeclaration(owner) ? owner.name : '?'}.${target.name}`;
    }
    return `${target.$type} ${(target as AstNode & { name?: string }).name}`;
}

const coin = 'set Coin = {heads, tails}\nset Urn = {red, black}\n';

describe('elements resolve against the set the construct lives on', () => {
    it('a mapping in a dist on Coin resolves in Coin', async () => {
        expect(await targets(`${coin}dist fair on Coin = {heads: 1/2, tails: 1/2}`, 'heads')).toEqual(['Coin.heads']);
    });

    it('the same element name in two sets resolves by the declaration\'s set', async () => {
        const note = 'set A = {x, y}\nset B = {x, z}\nevent EA on A = {x}\nevent EB on B = {x}';
        expect(await targets(note, 'x')).toEqual(['A.x', 'B.x']);
    });

    it('an event literal given to a query resolves in the set of the credal set it is asked of', async () => {
        const note = `${coin}credal K on Coin = { P({heads}) >= 1/3 }\ncredal L on Urn = vacuous\neval lowerP(K, {heads})\neval upperP(L, {red})`;
        expect(await targets(note, 'heads')).toEqual(['Coin.heads', 'Coin.heads']);
        expect(await targets(note, 'red')).toEqual(['Urn.red']);
    });

    it('follows inferred sets: credal B = tvball(fair, 1/10) lives on fair\'s set', async () => {
        const note = `${coin}dist fair on Coin = uniform\ncredal B = tvball(fair, 1/10)\ncredal C = contamination(B, 1/5) | {tails}\neval lowerP(B, {heads})\neval interval(C, {heads: 1, tails: 0})`;
        expect(await targets(note, 'heads')).toEqual(['Coin.heads', 'Coin.heads']);
        expect(await targets(note, 'tails')).toEqual(['Coin.tails', 'Coin.tails']);
    });

    it('resolves elements in constraint blocks, gambles, indicators, compl, point, vacuous(A) and hull generators', async () => {
        const note = `${coin}credal K on Coin = { P({heads}) >= 1/3, E[{heads: 1, tails: 0}] <= 1/2 }
gamble g on Coin = 2 * 1[{heads}] - 1
event T on Coin = compl({heads})
dist d on Coin = point(heads)
credal V on Coin = vacuous({heads})
credal H on Coin = hull{d, {heads: 1}}`;
        expect(await targets(note, 'heads')).toEqual(Array(7).fill('Coin.heads'));
        expect(await targets(note, 'd')).toEqual(['DistDeclaration d']);
    });

    it('tv and contains resolve a literal against the other argument', async () => {
        const note = `${coin}dist fair on Coin = uniform\ncredal K on Coin = vacuous\neval tv(fair, {heads: 1})\neval contains(K, {heads: 1/2, tails: 1/2})`;
        expect(await targets(note, 'heads')).toEqual(['Coin.heads', 'Coin.heads']);
    });

    it('links integer element names, and leaves numbers as numbers', async () => {
        const note = 'set W = {11, 12, 21, 22}\nevent A on W = {11, 21}\ndist d on W = {11: 1/2, 12: 1/2, 21: 0, 22: 0}\ncredal K on W = { P({12}) >= 1/12 }';
        expect(await targets(note, '11')).toEqual(['W.11', 'W.11']);
        expect(await targets(note, '12')).toEqual(['W.12', 'W.12', '-']);
        expect(summarize(await kit.diagnose(note))).toEqual([]);
    });

    it('accepts integers of a range without a declaration node, and rejects those outside it', async () => {
        const good = 'set Die = {1 .. 6}\nevent Even on Die = {2, 4, 6}\ndist d on Die = point(3)';
        expect(summarize(await kit.diagnose(good))).toEqual([]);
        const bad = await kit.diagnose('set Die = {1 .. 6}\nevent E on Die = {6, 7}');
        expect(summarize(bad)).toEqual(['E-ELEM-UNKNOWN 2:22 `7` is not an element of Die = {1 .. 6}']);
    });
});

describe('products and tuples', () => {
    it('resolves each entry of a tuple against its factor', async () => {
        const note = `${coin}set Pair = Coin × Urn\nevent D on Pair = {(heads, red), (tails, black)}\ngamble g on Pair = {(heads, red): 3, else: -2}`;
        expect(await targets(note, 'heads')).toEqual(['Coin.heads', 'Coin.heads']);
        expect(await targets(note, 'red')).toEqual(['Urn.red', 'Urn.red']);
        expect(summarize(await kit.diagnose(note))).toEqual([]);
    });

    it('flattens nested products: (Coin × Urn) × Coin has triples', async () => {
        const note = `${coin}set Pair = Coin × Urn\nset Triple = Pair × Coin\nevent T on Triple = {(heads, red, tails)}`;
        expect(await targets(note, 'tails')).toEqual(['Coin.tails']);
        expect(await targets(note, 'red')).toEqual(['Urn.red']);
    });

    it('accepts a product written in `on` directly, and the product of a strong product', async () => {
        const note = `${coin}credal K on Coin = vacuous\ncredal L on Urn = vacuous\ncredal S = K ⊠ L\neval lowerP(S, {(heads, black)})\nevent E on Coin * Urn = {(tails, red)}`;
        expect(await targets(note, 'heads')).toEqual(['Coin.heads']);
        expect(await targets(note, 'red')).toEqual(['Urn.red']);
    });

    it('says that a product\'s elements are tuples', async () => {
        const diagnostics = await kit.diagnose(`${coin}set Pair = Coin × Urn\nevent A on Pair = {heads}`);
        expect(summarize(diagnostics)).toEqual(['E-ELEM-UNKNOWN 4:20 `heads` is not an element of Pair: its elements are tuples such as `(heads, red)`']);
    });
});

describe('shadowing', () => {
    it('an element wins over a declaration of the same name inside a literal on its set', async () => {
        const note = `let heads = 1/2\n${coin}dist d on Coin = {heads: heads, tails: rest}\nevent H on Coin = {heads}`;
        expect(await targets(note, 'heads')).toEqual(['Coin.heads', 'LetDeclaration heads', 'Coin.heads']);
        expect(summarize(await kit.diagnose(note))).toEqual([]);
    });

    it('a set called E and P does not stop P(…) and E[…]', async () => {
        // Two assessments, neither implied by the other: P(a) ∈ [1/2, 3/4].
        const note = 'set E = {a, b}\nevent A on E = {a}\ncredal K on E = { P(A) >= 1/2, E[(1, 0)] <= 3/4 }\neval lowerP(K, {b})';
        expect(summarize(await kit.diagnose(note))).toEqual([]);
    });
});

describe('acts and policies', () => {
    const decision = `${coin}credal K on Coin = vacuous\ngamble bet on Coin = {heads: 1, tails: -1}
decision Bet on Coin {
  belief K
  acts { back = bet  lay = -bet  abstain = 0 }
}
`;
    it('a set of names compared with choose(D, rule) resolves against the acts of D', async () => {
        const note = `${decision}assert choose(Bet, maximality) == {back, lay, abstain}\neval v = value(Bet, back, maximin)`;
        expect(await targets(note, 'back')).toEqual(['Act back', 'Act back']);
        expect(summarize(await kit.diagnose(note))).toEqual([]);
    });

    it('follows a named result: eval best = choose(…); assert best == {abstain}', async () => {
        const note = `${decision}eval best = choose(Bet, maximin)\nassert {abstain} == best`;
        expect(await targets(note, 'abstain')).toEqual(['Act abstain']);
    });

    it('reports an unknown act with a did-you-mean', async () => {
        const diagnostics = await kit.diagnose(`${decision}assert choose(Bet, maximin) == {abstian}`);
        expect(summarize(diagnostics)).toEqual(['E-UNRESOLVED 9:33 `abstian` is not an act of Bet; did you mean `abstain`?']);
    });

    it('policies of a ddt resolve for choose(N) and value(N, policy)', async () => {
        const note = `set Worlds = {11, 12, 21, 22}\ncredal Θ on Worlds = vacuous({11, 22})
ddt Newcomb on Worlds {
  belief Θ
  policies { onebox consistent {11, 21}  twobox consistent {12, 22} }
  utility (1000000, 1001000, 0, 1000)
}
assert choose(Newcomb) == {onebox}
eval value(Newcomb, twobox)`;
        expect(await targets(note, 'onebox')).toEqual(['Policy onebox']);
        expect(await targets(note, 'twobox')).toEqual(['Policy twobox']);
        expect(await targets(note, '21')).toEqual(['Worlds.21']);
        expect(summarize(await kit.diagnose(note))).toEqual([]);
    });

    it('act bodies resolve element literals in the problem\'s set, inferred from the belief when `on` is missing', async () => {
        const note = `${coin}credal K on Coin = vacuous\ndecision D {\n belief K\n acts { a = {heads: 1, tails: 0} }\n}`;
        expect(await targets(note, 'heads')).toEqual(['Coin.heads']);
    });
});

describe('names are file-wide and order-free', () => {
    it('uses a declaration before it is declared', async () => {
        const note = `eval lowerP(K, {heads})\ncredal K on Coin = vacuous\n${coin}`;
        expect(await targets(note, 'K')).toEqual(['CredalDeclaration K']);
        expect(await targets(note, 'heads')).toEqual(['Coin.heads']);
    });

    it('does not see names of another note in the workspace', async () => {
        const services = kit.services;
        const first = services.shared.workspace.LangiumDocumentFactory.fromString('let shared = 1', URI.parse('file:///a.cred'));
        const second = services.shared.workspace.LangiumDocumentFactory.fromString('eval shared', URI.parse('file:///b.cred'));
        services.shared.workspace.LangiumDocuments.addDocument(first);
        services.shared.workspace.LangiumDocuments.addDocument(second);
        await services.shared.workspace.DocumentBuilder.build([first, second], { validation: true });
        expect((second.diagnostics ?? []).map(d => codeOf(d))).toEqual(['E-UNRESOLVED']);
    });
});

it('creates its services without a file system (EmptyFileSystem is what the kit uses)', () => {
    expect(EmptyFileSystem.fileSystemProvider).toBeDefined();
});
