/**
 * Grammar-aware random notes: every declaration and query kind of LANGUAGE.md §3–4, built from a small
 * pool of names and sets so that references resolve most of the time and collide some of the time
 * (duplicates, unknown names, wrong kinds, masses that do not sum to 1, …). Valid and invalid notes mix.
 */
import fc from 'fast-check';

const SETS: Record<string, readonly string[]> = {
    Coin: ['heads', 'tails'],
    X: ['a', 'b', 'c'],
    Die: ['1', '2', '3', '4', '5', '6'],
    Urn: ['R', 'G', 'Y', 'B']
};
const SET_NAMES = Object.keys(SETS);
const NAMES = ['p', 'q', 'K', 'L', 'M', 'f', 'g', 'A', 'B', 'D', 'N', 'eps', 'x', 'θ', 'K′'];
const RULES = ['maximin', 'maximax', 'hurwicz(1/2)', 'hurwicz(2)', 'intervalDominance', 'maximality', 'eAdmissibility', 'minimaxRegret',
    'admissibility'];
const RELATIONS = ['==', '!=', '<=', '>=', '<', '>', '≤', '≥', '≠', '\\le', '\\geq', 'in', '∈', '='];
const STRAY = ['\u0000', '\uFEFF', '\uD800', '\u202E', '𝔼', '∑', 'ﬁ', '😀', '\t', '\r', '\u00A0', 'Σ', '̃', '\\', '"', '`', '#', '@', '$',
    '%'];

const name = fc.constantFrom(...NAMES);
const setName = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...SET_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('Nope',
    'Coin × X', 'X * X', 'Coin × Coin') });
const element = (set: string) => fc.constantFrom(...(SETS[set] ?? ['a', 'zz']), 'zz', '7');

/** Exact numbers in every spelling, sometimes huge, negative or out of range. */
export const number: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.nat(12), fc.integer({ min: 1, max: 12 })).map(([n, d]) => `${n}/${d}`) },
    { weight: 3, arbitrary: fc.nat(10).map(String) },
    { weight: 2, arbitrary: fc.tuple(fc.nat(9), fc.nat(999)).map(([i, f]) => `${i}.${f}`) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(9), fc.integer({ min: -30, max: 30 })).map(([m, e]) => `${m}e${e}`) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 1200 }).map((digits) => '9'.repeat(digits)) },
    { weight: 1, arbitrary: fc.constantFrom('-1/3', '1/0', '0/0', '10^6', '2^64', '1e999999', '0.000001', '(1/3)^40') }
);

const numericExpression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        number,
        name,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '·', '−'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
        tie('e').map((e) => `(${e})`),
        tie('e').map((e) => `-${e}`)
    )
})).e;

function eventLiteral(set: string): fc.Arbitrary<string> {
    return fc.array(element(set), { maxLength: 5 }).map((items) => `{${items.join(', ')}}`);
}

function eventExpression(set: string): fc.Arbitrary<string> {
    return fc.oneof(
        eventLiteral(set),
        name,
        fc.constantFrom('all', 'none'),
        fc.tuple(eventLiteral(set), fc.constantFrom('∪', '∩', '∖', '\\cup', 'cap', 'minus'), fc.oneof(eventLiteral(set), name)).map(([a,
            op, b]) => `${a} ${op} ${b}`),
        fc.oneof(eventLiteral(set), name).map((e) => `compl(${e})`)
    );
}

function mapping(set: string, value: fc.Arbitrary<string>): fc.Arbitrary<string> {
    return fc.array(fc.tuple(element(set), value), { maxLength: 7 })
        .map((entries) => `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
}

function tuple(set: string, value: fc.Arbitrary<string>): fc.Arbitrary<string> {
    const size = SETS[set]?.length ?? 2;
    return fc.array(value, { minLength: Math.max(1, size - 1), maxLength: size + 1 }).map((items) => `(${items.join(', ')})`);
}

function distributionExpression(set: string): fc.Arbitrary<string> {
    return fc.oneof(
        mapping(set, fc.oneof(number, fc.constant('rest'))),
        tuple(set, number),
        fc.constant('uniform'),
        element(set).map((e) => `point(${e})`),
        fc.tuple(number, name, number, name).map(([w1, a, w2, b]) => `mix(${w1}: ${a}, ${w2}: ${b})`),
        name
    );
}

function gambleExpression(set: string): fc.Arbitrary<string> {
    return fc.oneof(
        mapping(set, numericExpression),
        mapping(set, number).map((m) => m.replace(/}$/, ', else: 0}')),
        tuple(set, number),
        fc.tuple(number, eventExpression(set), number).map(([a, e, b]) => `${a} * 1[${e}] - ${b}`),
        fc.tuple(name, fc.constantFrom('+', '-', '*'), fc.oneof(name, number)).map(([a, op, b]) => `${a} ${op} ${b}`),
        name
    );
}

function constraint(set: string): fc.Arbitrary<string> {
    const side = fc.oneof(
        eventExpression(set).map((e) => `P(${e})`),
        fc.oneof(name, tuple(set, number)).map((f) => `E[${f}]`),
        fc.tuple(number, eventExpression(set)).map(([k, e]) => `${k} * P(${e})`),
        number
    );
    return fc.oneof(
        fc.tuple(side, fc.constantFrom('>=', '<=', '=', '>', '<', '≥', '≤'), side).map(([a, op, b]) => `${a} ${op} ${b}`),
        fc.tuple(side, number, number, fc.constantFrom(']', ')')).map(([a, l, u, close]) => `${a} in [${l}, ${u}${close}`)
    );
}

function credalExpression(set: string): fc.Arbitrary<string> {
    const simple = fc.oneof(
        fc.array(constraint(set), { maxLength: 5 }).map((cs) => `{ ${cs.join(', ')} }`),
        fc.array(fc.oneof(name, mapping(set, number), tuple(set, number)), { maxLength: 5 }).map((gs) => `hull{${gs.join(', ')}}`),
        fc.constant('vacuous'),
        eventExpression(set).map((e) => `vacuous(${e})`),
        fc.tuple(name, number).map(([p, e]) => `contamination(${p}, ${e})`),
        fc.tuple(name, number).map(([p, d]) => `tvball(${p}, ${d})`),
        name
    );
    return fc.oneof(
        { weight: 4, arbitrary: simple },
        { weight: 1, arbitrary: fc.tuple(name, fc.constantFrom('∩', '∪', '|', '⊠', '\\boxtimes', '⋉'), fc.oneof(name,
            eventLiteral(set))).map(([a, op, b]) => `${a} ${op} ${b}`) },
        { weight: 1, arbitrary: fc.tuple(name, name).map(([a, b]) => `hull(${a} ∪ ${b})`) },
        { weight: 1, arbitrary: fc.tuple(name, setName).map(([k, s]) => `marginal(${k}, ${s})`) }
    );
}

const query: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(fc.constantFrom('lowerP', 'upperP', 'P', 'interval'), name, fc.oneof(name, eventLiteral('X'), eventLiteral('Coin'))).map(([f,
        k, e]) => `${f}(${k}, ${e})`),
    fc.tuple(fc.constantFrom('lowerE', 'upperE', 'E', 'interval'), name, fc.oneof(name, tuple('X', number), mapping('Coin',
        number))).map(([f, k, g]) => `${f}(${k}, ${g})`),
    fc.tuple(fc.constantFrom('vertices', 'isEmpty', 'isPrecise', 'isVacuous', 'dim', 'choose'), name).map(([f, k]) => `${f}(${k})`),
    fc.tuple(fc.constantFrom('tv', 'contains', 'subset'), name, name).map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc.tuple(name, fc.constantFrom(...RULES)).map(([d, r]) => `choose(${d}, ${r})`),
    fc.tuple(name, name, fc.constantFrom(...RULES)).map(([d, a, r]) => `value(${d}, ${a}, ${r})`),
    numericExpression
);

const claimLiteral: fc.Arbitrary<string> = fc.oneof(
    number,
    fc.tuple(number, number).map(([l, u]) => `[${l}, ${u}]`),
    fc.array(tuple('Coin', number), { maxLength: 3 }).map((ps) => `{${ps.join(', ')}}`),
    fc.array(fc.constantFrom('d1', 'd2', 'd3'), { maxLength: 3 }).map((ns) => `{${ns.join(', ')}}`),
    fc.constantFrom('true', 'false'),
    query
);

function declaration(): fc.Arbitrary<string> {
    const on = setName.chain((set) => fc.tuple(fc.constant(set), fc.boolean()));
    return fc.oneof(
        fc.tuple(name, numericExpression).map(([n, e]) => `let ${n} = ${e}`),
        fc.tuple(fc.constantFrom(...SET_NAMES, 'S', 'Pair'), fc.oneof(
            fc.array(fc.constantFrom('a', 'b', 'c', 'heads', 'x1', '1', '2', 'a'), { maxLength: 6 }).map((es) => `{${es.join(', ')}}`),
            fc.tuple(fc.integer({ min: -2, max: 9 }), fc.integer({ min: -2, max: 300 })).map(([a, b]) => `{${a} .. ${b}}`),
            fc.tuple(setName, setName).map(([a, b]) => `${a} × ${b}`)
        )).map(([n, body]) => `set ${n} = ${body}`),
        fc.tuple(name, on).chain(([n, [set, withOn]]) => eventExpression(set).map((e) => `event ${n}${withOn ? ` on ${set}` : ''} = ${e}`)),
        fc.tuple(name, on).chain(([n, [set,
            withOn]]) => distributionExpression(set).map((e) => `dist ${n}${withOn ? ` on ${set}` : ''} = ${e}`)),
        fc.tuple(name, on).chain(([n, [set,
            withOn]]) => gambleExpression(set).map((e) => `gamble ${n}${withOn ? ` on ${set}` : ''} = ${e}`)),
        fc.tuple(name, on).chain(([n, [set,
            withOn]]) => credalExpression(set).map((e) => `credal ${n}${withOn ? ` on ${set}` : ''} = ${e}`)),
        fc.tuple(name, setName, name, fc.constantFrom('acts', 'losses'), fc.array(gambleExpression('X'), { maxLength: 4 }))
            .map(([n, set, k, kind, acts]) => `decision ${n} on ${set} {\n  belief ${k}\n  ${kind} {\n${acts.map((a, i) => `    d${i + 1} = ${a}`).join('\n')}\n  }\n}`),
        fc.tuple(name, name, fc.array(eventLiteral('Die'), { maxLength: 3 }), tuple('Die', number), fc.constantFrom('strict',
            'nirvana0 top 10', 'nirvana0'), fc.constantFrom('error', 'exclude', 'nirvana', ''))
            .map(([n, k, policies, utility, semantics, inconsistent]) =>
                `ddt ${n} on Die {\n  belief ${k}\n  policies {\n${policies.map((e, i) => `    pi${i} consistent ${e}`).join('\n')}\n  }\n  utility ${utility}\n  semantics ${semantics}\n${inconsistent ? `  inconsistent ${inconsistent}\n` : ''}}`)
    );
}

/** TeX that defines macros (nested `\def`s expand exponentially), the commands a hostile export would smuggle, and noise. */
const macroTex: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 8 }))
        .map(([x, a, b, c]) => `\\def\\a{${'x'.repeat(x)}}\\def\\b{${'\\a'.repeat(a)}}\\def\\c{${'\\b'.repeat(b)}}${'\\c'.repeat(c)}`),
    fc.constantFrom(
        '\\newcommand{\\f}[1]{#1#1}\\f{\\f{\\f{x}}}', '\\gdef\\g{y}\\g', '\\let\\x\\frac\\x12', '\\edef\\e{z}\\e',
        '\\renewcommand{\\le}{<}', '\\DeclareMathOperator{\\op}{op}', 'x\\]\\input{/etc/passwd}\\[y', '\\immediate\\write18{id}',
        '\\csname input\\endcsname', 'x^^5c', 'x %', '\\href{javascript:alert(1)}{x}', '<script>', '\\\\def', '\\text{$x$}'
    ),
    fc.string({ unit: fc.constantFrom('\\', '{', '}', 'x', '^', '_', '#', '%', '&', '$', ' '), maxLength: 30 })
);

/** Prose with hostile math: macro definitions, runs of `$`, unclosed delimiters, raw HTML and bad links. */
export const hostileProse: fc.Arbitrary<string> = fc.array(fc.oneof(
    macroTex.map((tex) => `$${tex}$`),
    macroTex.map((tex) => `$$${tex}$$`),
    fc.integer({ min: 1, max: 3000 }).map((n) => '$a '.repeat(n)),
    fc.integer({ min: 1, max: 500 }).map((n) => '$'.repeat(n)),
    fc.string({ unit: fc.constantFrom('$', '\\', '`', ' ', 'a', '1', '\n', '<', '[', ']', '(', ')'), maxLength: 80 }),
    fc.constantFrom('<b onclick="x()">b</b>', '[x](javascript:alert(1))', '<javascript:alert(1)>', '![i](https://e.org/i.png)', '```\n<i>\n```')
), { minLength: 1, maxLength: 6 }).map((pieces) => `/*! # Hostile\n${pieces.join(' ').replace(/\*\//g, '* /')} */`);

function statement(): fc.Arbitrary<string> {
    return fc.oneof(
        { weight: 6, arbitrary: declaration() },
        { weight: 2, arbitrary: query.map((q) => `eval ${q}`) },
        { weight: 1, arbitrary: fc.tuple(name, query).map(([n, q]) => `eval ${n} = ${q}`) },
        { weight: 2, arbitrary: fc.tuple(query, fc.constantFrom(...RELATIONS), claimLiteral).map(([q, r, l]) => `assert ${q} ${r} ${l}`) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `/*! # Prose $\\frac{1}{3}$ ${s.replace(/\*\//g, '')} */`) },
        { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), declaration()).map(([s,
            d]) => `/** doc ${s.replace(/\*\//g, '')} $x^2$ */\n${d}`) },
        { weight: 1, arbitrary: fc.constantFrom(...STRAY).map((c) => `${c}`) },
        { weight: 1, arbitrary: hostileProse }
    );
}

/** A note: most of the pool's sets declared (so names resolve), then random statements. */
export const randomNote: fc.Arbitrary<string> = fc.tuple(
    fc.subarray(SET_NAMES.map((n) => `set ${n} = {${SETS[n]!.join(', ')}}`)),
    fc.array(statement(), { maxLength: 14 }),
    fc.constantFrom('\n', '\r\n', '\n\n', '  \n\t')
).map(([sets, statements, newline]) => [...sets, ...statements].join(newline));

export { STRAY };
