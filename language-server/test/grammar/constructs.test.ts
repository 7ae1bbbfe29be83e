import { afterEach, describe, expect, it } from 'vitest';
import type {
    BinaryExpression, BraceLiteral, Call, Comparison, CredalDeclaration, DdtDeclaration, DecisionDeclaration, Eval,
    Interval, KeyValue, Model, Prose, SetDeclaration, SetProduct, SetRange, Tuple
} from '../../src/generated/ast.js';
import { credalTestKit, shapeOf, syntaxErrors } from './credal-test-kit.js';

const kit = credalTestKit();
afterEach(() => kit.clear());

/** Parses a note and fails with the parser's own messages if it does not parse. */
async function parseClean(text: string): Promise<Model> {
    const document = await kit.parse(text);
    expect(syntaxErrors(document)).toEqual([]);
    return document.parseResult.value;
}

/** The value expression of the last statement. */
async function lastValue(text: string): Promise<unknown> {
    const model = await parseClean(text);
    return (model.statements[model.statements.length - 1] as { value?: unknown }).value;
}

describe('lexical structure (§2)', () => {
    it('keeps prose blocks in order as statements and doc comments out of the AST', async () => {
        const model = await parseClean('/*! first */\n/** doc */\nlet a = 1\n/* plain */ /*! second */\nlet b = 2');
        expect(model.statements.map(s => s.$type)).toEqual(['Prose', 'LetDeclaration', 'Prose', 'LetDeclaration']);
        expect((model.statements[2] as Prose).text).toBe('/*! second */');
    });

    it('attaches a doc comment to the declaration that follows', async () => {
        const model = await parseClean('set Coin = {heads, tails}\n/** The fair coin. */\ndist fair on Coin = uniform');
        const comment = kit.services.Credal.documentation.CommentProvider.getComment(model.statements[1]);
        expect(comment).toBe('/** The fair coin. */');
    });

    it('reads exact decimal, scientific and integer literals as text', async () => {
        const value = await lastValue('let x = 0.25 + 1e6 + 2.5e-3 + 42');
        expect(JSON.stringify(shapeOf(value))).toContain('"value":"2.5e-3"');
        expect(JSON.stringify(shapeOf(value))).toContain('"value":"1e6"');
        expect(JSON.stringify(shapeOf(value))).toContain('{"ref":"42"}');
    });

    it('accepts Greek identifiers and primes', async () => {
        const model = await parseClean("let ε = 1/10\nlet ε' = ε\nlet θ′ = ε'\nset Ω = {ω1, ω2}");
        expect(model.statements.map(s => (s as { name: string }).name)).toEqual(['ε', "ε'", 'θ′', 'Ω']);
    });

    it('lets P and E be names, and still calls P(…) and E[…]', async () => {
        const model = await parseClean('set E = {a, b}\nset P = {x}\nevent A on E = {a}\ncredal K on E = { P(A) >= 1/2, E[(1, 0)] <= 1 }');
        expect((model.statements[0] as SetDeclaration).name).toBe('E');
        const block = (model.statements[3] as CredalDeclaration).value as BraceLiteral;
        expect(((block.items[0] as Comparison).left as Call).callee).toBe('P');
        expect((block.items[1] as Comparison).left.$type).toBe('BracketApplication');
    });

    it('lets clause words be names (gamble loss, let top)', async () => {
        const model = await parseClean('set X = {a}\ngamble loss on X = (1)\nlet top = 5');
        expect(model.statements.map(s => (s as { name: string }).name)).toEqual(['X', 'loss', 'top']);
    });

    it('needs no statement terminator, even on one line', async () => {
        const model = await parseClean('let a = 1 let b = a eval a + b assert a < b');
        expect(model.statements).toHaveLength(4);
    });
});

describe('operator spellings (§2 table) give the same AST', () => {
    const cases: Array<[string, string[]]> = [
        ['union', ['A ∪ B', 'A \\cup B', 'A cup B']],
        ['intersection', ['A ∩ B', 'A \\cap B', 'A cap B']],
        ['difference', ['A ∖ B', 'A \\setminus B', 'A minus B']],
        ['product of sets', ['A × B', 'A \\times B', 'A * B']],
        ['less or equal', ['a ≤ b', 'a \\le b', 'a <= b', 'a \\leq b']],
        ['greater or equal', ['a ≥ b', 'a \\ge b', 'a >= b', 'a \\geq b']],
        ['membership', ['a ∈ [0, 1]', 'a \\in [0, 1]', 'a in [0, 1]']],
        ['not equal', ['a ≠ b', 'a \\ne b', 'a != b', 'a \\neq b']],
        ['strong product', ['K ⊠ L', 'K \\boxtimes L']],
        ['conditioning', ['K | B', 'K \\mid B']],
        ['minus sign', ['a - b', 'a − b']]
    ];
    it.each(cases)('%s', async (_name, spellings) => {
        const shapes = [];
        for (const spelling of spellings) {
            shapes.push(shapeOf(await lastValue(`eval ${spelling}`)));
        }
        for (const shape of shapes.slice(1)) {
            expect(shape).toEqual(shapes[0]);
        }
    });

    it('writes the canonical operator into the AST', async () => {
        expect(((await lastValue('eval A \\cup B')) as BinaryExpression).op).toBe('∪');
        expect(((await lastValue('eval a <= b')) as Comparison).op).toBe('≤');
        expect(((await lastValue('eval a \\in [0, 1]')) as Comparison).op).toBe('∈');
        expect(((await lastValue('eval A \\times B')) as BinaryExpression).op).toBe('*');
    });

    it('parses set products in every spelling in set declarations', async () => {
        for (const op of ['×', '\\times', '*']) {
            const model = await parseClean(`set A = {a}\nset B = {b}\nset C = A ${op} B`);
            expect(((model.statements[2] as SetDeclaration).value as SetProduct).factors).toHaveLength(2);
        }
    });

    it('strong(K1, K2) is a call', async () => {
        expect(((await lastValue('eval strong(K1, K2)')) as Call).callee).toBe('strong');
    });
});

describe('precedence', () => {
    it('binds * tighter than +, ^ tighter than unary minus, and | looser than ∪', async () => {
        expect(shapeOf(await lastValue('let x = 1 + 2 * 3'))).toMatchObject({ op: '+', right: { op: '*' } });
        expect(shapeOf(await lastValue('let x = -2^2'))).toMatchObject({ $type: 'UnaryExpression', operand: { op: '^' } });
        expect(shapeOf(await lastValue('eval K | A ∪ B'))).toMatchObject({ op: '|', right: { op: '∪' } });
        expect(shapeOf(await lastValue('eval A ∪ B ∩ C'))).toMatchObject({ op: '∪', right: { op: '∩' } });
        expect(shapeOf(await lastValue('let x = 2^3^2'))).toMatchObject({ op: '^', right: { op: '^' } });
    });

    it('parses a chained comparison left-associatively', async () => {
        expect(shapeOf(await lastValue('eval 0 <= a <= 1'))).toMatchObject({ $type: 'Comparison', left: { $type: 'Comparison' } });
    });
});

describe('declarations (§3)', () => {
    it('let with ^', async () => {
        expect(shapeOf(await lastValue('let big = 10^6'))).toMatchObject({ $type: 'BinaryExpression', op: '^' });
    });

    it('sets: literal, integer elements, range, product, empty', async () => {
        const model = await parseClean('set Coin = {heads, tails}\nset W = {11, 12, 21, 22}\nset Die = {1 .. 6}\nset Pair = Coin × Coin\nset None = {}');
        expect(shapeOf((model.statements[1] as SetDeclaration).value)).toMatchObject({ elements: [{ name: '11' }, { name: '12' },
            { name: '21' }, { name: '22' }] });
        expect((model.statements[2] as SetDeclaration).value as SetRange).toMatchObject({ from: '1', to: '6' });
        expect((model.statements[3] as SetDeclaration).value.$type).toBe('SetProduct');
        expect((model.statements[4] as SetDeclaration).value.$type).toBe('SetLiteral');
    });

    it('events: literal, tuple literal, compl, ∪ ∩ ∖, all, none', async () => {
        await parseClean('event A on X = {a}\nevent D on P = {(h, h), (t, t)}\nevent O on X = compl(A)\nevent L on X = {1, 2} ∪ {3} ∩ B ∖ C\nevent W on X = all\nevent N on X = none');
    });

    it('dists: mapping with rest, tuple, uniform, point, mix', async () => {
        const model = await parseClean('dist b on C = {heads: 0.7, tails: rest}\ndist q on D = (1/6, 1/6, 1/6, 1/6, 1/6, 1/6)\ndist u on D = uniform\ndist d on C = point(heads)\ndist m = mix(1/3: fair, 2/3: b)');
        const mix = (model.statements[4] as { value: Call }).value;
        expect(mix.arguments.map(a => a.$type)).toEqual(['KeyValue', 'KeyValue']);
        expect(shapeOf(((model.statements[0] as { value: BraceLiteral }).value.items[1] as KeyValue).value)).toEqual({ $type: 'Constant',
            value: 'rest' });
    });

    it('gambles: else, indicator 1[E], arithmetic', async () => {
        const model = await parseClean('gamble w on Urn = {R: 100, else: 0}\ngamble h on Urn = 100 * 1[{R} ∪ {Y}] - 5\ngamble g on D = -f + 2*g / 3');
        expect(shapeOf((model.statements[1] as { value: unknown }).value)).toMatchObject({
            op: '-', left: { op: '*', right: { $type: 'BracketApplication', head: '1', argument: { op: '∪' } } }
        });
    });

    it('credal sets: every constructor of §3.6', async () => {
        const model = await parseClean(`
credal K1 on X = hull{p, q, {a: 1}}
credal K2 on X = { P({a}) >= 1/10, P({b}) >= 1/10 }
credal K3 on X = { E[f] in [3/2, 5/2] }
credal K4 on X = { P(A) >= P(B), 2*P({a}) + P({b}) <= 1, P(A) >= 0.4 * P(B), 1/2 = P(A) }
credal K5 on X = {
  P({a}) >= 1/10
  P({b}) <= 1/2
}
credal V on X = vacuous
credal VA on X = vacuous(A)
credal C = contamination(p0, 1/10)
credal T = tvball(p0, 1/4)
credal I = K2 ∩ T
credal U = hull(K1 ∪ K3)
credal N = K1 ∪ K3
credal G = K1 | B
credal S = K ⊠ L
credal S2 = K \\boxtimes L
credal S3 = strong(K, L)
credal M = marginal(S, X)
credal P1 = fair`);
        const values = model.statements.map(s => (s as CredalDeclaration).value);
        expect((values[0] as Call).callee).toBe('hull');
        expect((values[3] as BraceLiteral).items.map(i => (i as Comparison).op)).toEqual(['≥', '≤', '≥', '=']);
        expect((values[4] as BraceLiteral).items).toHaveLength(2);
        expect(shapeOf(values[5])).toEqual({ $type: 'Constant', value: 'vacuous' });
        expect((values[6] as Call).callee).toBe('vacuous');
        expect(values.slice(9).map(v => v.$type)).toEqual(['BinaryExpression', 'Call', 'BinaryExpression', 'BinaryExpression',
            'BinaryExpression', 'BinaryExpression', 'Call', 'Call', 'NameRef']);
    });

    it('parses strict relations and open or half-open intervals, for the validator to reject', async () => {
        const model = await parseClean('credal K on X = { P(A) > 1/3, P(B) < 1/2, P(C) in (0, 1), P(D) in [0, 1), P(E) in (0, 1] }');
        const items = ((model.statements[0] as CredalDeclaration).value as BraceLiteral).items as Comparison[];
        expect(items.map(i => i.op)).toEqual(['>', '<', '∈', '∈', '∈']);
        expect(items[2].right.$type).toBe('Tuple');
        expect((items[3].right as Interval).openUpper).toBe(true);
        expect((items[4].right as Tuple).closedByBracket).toBe(true);
    });

    it('decision problems with acts or losses', async () => {
        const model = await parseClean(`
decision Troffaes on X {
  belief K
  acts {
    d1 = (4, 0)
    d5 = (47/20, 47/20)
    d6 = {x1: 4.1, x2: -0.3}
  }
}
decision Repair on Y {
  belief K
  losses { fix = (1, 5)  wait = (3, 0) }
}`);
        const first = model.statements[0] as DecisionDeclaration;
        expect(first.clauses.map(c => c.$type)).toEqual(['BeliefClause', 'ActsClause']);
        expect(shapeOf(model.statements[1])).toMatchObject({ clauses: [{}, { orientation: 'losses', acts: [{ name: 'fix' },
            { name: 'wait' }] }] });
    });

    it('ddt with every clause, in any order', async () => {
        const model = await parseClean(`
ddt Newcomb on Worlds {
  belief Θ
  policies {
    onebox  consistent {11, 21}
    twobox  consistent {12, 22}
  }
  utility (1000000, 1001000, 0, 1000)
  semantics strict
  inconsistent error
}
ddt N2 on Worlds {
  inconsistent exclude
  semantics nirvana0 top 1000
  loss -u
  policies { a consistent all }
  belief Θ
}
ddt N3 on Worlds { inconsistent nirvana }`);
        const ddt = model.statements[0] as DdtDeclaration;
        expect(ddt.clauses.map(c => c.$type)).toEqual(['BeliefClause', 'PoliciesClause', 'PayoffClause', 'SemanticsClause',
            'InconsistentClause']);
        expect(shapeOf((model.statements[1] as DdtDeclaration).clauses[1])).toMatchObject({ semantics: 'nirvana0',
            top: { element: { ref: '1000' } } });
    });

    it('parses infra and kernel declarations (§7) and keeps their keywords out of names', async () => {
        const model = await parseClean('infra H on X = hull{p}\nkernel k from X to Y = { a: K, else: vacuous }\neval ibupdate(H, L, g)\neval K ⋉ k');
        expect(model.statements.map(s => s.$type)).toEqual(['InfraDeclaration', 'KernelDeclaration', 'Eval', 'Eval']);
        const document = await kit.parse('let infra = 1');
        expect(syntaxErrors(document).join('\n')).toMatch(/keywords cannot be used as names/);
        await parseClean('let from = 1\nlet to = 2\nlet m = 3\nlet b = 4');
    });
});

describe('version 2 (§7)', () => {
    it('an a-measure literal is (m: …, b: …) with a mapping, a tuple or c * dist as m', async () => {
        const model = await parseClean('infra H on X = hull{ (m: {x1: 1/2}, b: 1/4), (m: (0, 1/2, 1/2), b: 0), (m: 1/2 * fair3, b: 1/2) }');
        const items = (((model.statements[0] as { value: Call }).value).arguments[0] as BraceLiteral).items;
        expect(items.map(i => i.$type)).toEqual(['AMeasureLiteral', 'AMeasureLiteral', 'AMeasureLiteral']);
        expect(items.map(i => (i as unknown as { measure: { $type: string } }).measure.$type)).toEqual(['BraceLiteral', 'Tuple', 'BinaryExpression']);
    });

    it('K ⋉ k, K \\ltimes k and semidirect(K, k) give the same tree', async () => {
        const trees = await Promise.all(['eval K ⋉ k', 'eval K \\ltimes k', 'eval semidirect(K, k)'].map(lastValue));
        for (const tree of trees) expect(shapeOf(tree)).toEqual(shapeOf(trees[0]));
        expect((trees[0] as BinaryExpression).op).toBe('⋉');
    });

    it('⋉ binds like ⊠ and ×: tighter than | and ∪', async () => {
        const value = await lastValue('eval marginal(K ⋉ k, X) | B') as BinaryExpression;
        expect(value.op).toBe('|');
    });

    it('ibupdate, mix, normalize, generators, ibprob, isCrisp, credal and k(x) are calls', async () => {
        const calls = ['ibupdate(H, {a}, 1/2)', 'mix(1/3: H, 2/3: K)', 'normalize(H)', 'generators(H)', 'ibprob(H, L, 0)', 'isCrisp(H)', 'credal(H)', 'plan(rain)'];
        const model = await parseClean(calls.map(c => `eval ${c}`).join('\n'));
        expect(model.statements.map(s => ((s as Eval).value as Call).callee)).toEqual(calls.map(c => c.slice(0, c.indexOf('('))));
    });
});

describe('queries and claims (§4)', () => {
    it('eval, named eval, assert with a relation, assert with a boolean', async () => {
        const model = await parseClean('eval lowerE(K, bet)\neval low = lowerE(K, bet)\nassert low == -1/3\nassert isPrecise(K)');
        expect((model.statements[1] as Eval).name).toBe('low');
        expect(((model.statements[2] as { value: Comparison }).value).op).toBe('==');
        expect(((model.statements[3] as { value: Call }).value).callee).toBe('isPrecise');
    });

    it.each(['==', '!=', '≠', '\\ne', '<=', '≤', '\\le', '>=', '≥', '\\ge', '<', '>'])('assert with %s', async op => {
        const model = await parseClean(`assert lowerP(K, {a}) ${op} 1/2`);
        expect((model.statements[0] as { value: unknown }).value).toHaveProperty('$type', 'Comparison');
    });

    it('every query function of §4.1 parses as a call', async () => {
        const queries = ['P(p, E)', 'E(p, f)', 'lowerP(K, E)', 'upperP(K, E)', 'lowerE(K, f)', 'upperE(K, f)', 'interval(K, f)',
            'vertices(K)', 'tv(p, q)', 'isEmpty(K)', 'isPrecise(K)', 'isVacuous(K)', 'contains(K, p)', 'subset(K1, K2)', 'dim(K)',
            'choose(D, maximin)', 'choose(D, hurwicz(1/2))', 'choose(N)', 'value(D, act, minimaxRegret)', 'value(N, policy)'];
        const model = await parseClean(queries.map(q => `eval ${q}`).join('\n'));
        expect(model.statements.map(s => ((s as Eval).value as Call).callee)).toEqual(queries.map(q => q.slice(0, q.indexOf('('))));
    });

    it.each(['maximin', 'maximax', 'intervalDominance', 'maximality', 'eAdmissibility', 'minimaxRegret', 'admissibility'])('rule %s',
        async rule => {
        const call = (await lastValue(`eval choose(D, ${rule})`)) as Call;
        expect(shapeOf(call.arguments[1])).toEqual({ $type: 'DecisionRule', rule });
    });

    it('every literal kind of §4.2', async () => {
        const model = await parseClean(`
assert a == -1/3
assert interval(K, f) == [1/4, 3/4]
assert vertices(K) == {(1/3, 2/3), (2/3, 1/3)}
assert choose(Bet, maximality) == {back, lay, abstain}
assert isEmpty(K) == false
assert isPrecise(p) == true
assert v == (1/4, 3/4)`);
        const right = model.statements.map(s => ((s as { value: Comparison }).value.right as { $type: string }).$type);
        expect(right).toEqual(['BinaryExpression', 'Interval', 'BraceLiteral', 'BraceLiteral', 'BooleanLiteral', 'BooleanLiteral',
            'Tuple']);
    });
});
