import { afterEach, describe, expect, it } from 'vitest';
import { describeIssues, evaluationKit } from '../evaluation/evaluation-kit.js';

const kit = evaluationKit();
afterEach(() => kit.clear());

const DECISION = 'set X = {x1, x2}\ncredal K on X = { P({x1}) in [1/4, 3/4] }\n'
    + 'decision D on X { belief K\n acts { d1 = (4, 0)\n d2 = (0, 4)\n d3 = d1 - 1 } }\n';

describe('§8.7 acts and DDT events as values', () => {
    it('D.d1 is the gamble of act d1: lowerE(K, D.d1 - D.d2) by hand', async () => {
        // d1 − d2 = (4, −4): lower expectation 8·(1/4) − 4 = −2; D.d3 is defined from d1 inside D.
        expect(await kit.values(DECISION
            + 'eval lowerE(K, D.d1)\neval lowerE(K, D.d1 - D.d2)\neval upperE(K, D.d3)\ngamble g on X = D.d2 * 2\neval E(uniform, g)'))
            .toEqual(['1', '-2', '2', '4']);
    });

    it('N.onebox is the event E_onebox: 1[N.onebox], inside another problem', async () => {
        const text = 'set W = {11, 12, 21, 22}\ncredal T on W = vacuous({11, 22})\n'
            + 'ddt N on W { belief T\n policies { onebox consistent {11, 21} twobox consistent {12, 22} }\n utility (1000000, 1001000, 0, 1000) }\n'
            + 'ddt M on W { belief T\n policies { one consistent N.onebox  two consistent compl(N.onebox) }\n utility (1000000, 1001000, 0, 1000) }\n'
            + 'eval E(uniform, 1[N.onebox])\neval choose(M)\neval lowerP(T, N.twobox)';
        expect(await kit.values(text)).toEqual(['1/2', '{one}', '0']);
    });

    it('an unknown member is one error at the member, with the acts as did-you-mean; no cascade', async () => {
        const issues = await kit.issues(DECISION + 'eval lowerE(K, D.d11)\neval lowerE(K, K.d1)');
        const text = DECISION + 'eval lowerE(K, D.d11)\neval lowerE(K, K.d1)';
        const document = await kit.parse(text);
        const linking = document.references.filter((r) => r.error
            && !(r.error as { silent?: boolean }).silent).map((r) => r.error!.message);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(linking).toEqual([
            '`d11` is not an act of D; did you mean `d1`?',
            '`K` is a credal set, which has no members: a dot selects an act of a decision (`D.d1`), a policy of a DDT problem (`N.onebox`)'
                + ' or a strategy of a tree (`T.s`)'
        ]);
        expect(describeIssues(issues)).toEqual([]);
    });

    it('inside an act its own name is not in scope: `ticket = ticket` is the file-level ticket', async () => {
        const text = 'set X = {win, lose}\ngamble ticket on X = (10, -1)\ncredal K on X = vacuous\n'
            + 'decision Lottery on X { belief K\n acts { ticket = ticket\n double = 2 * ticket\n none = 0 } }\neval lowerE(K, Lottery.double)\neval lowerE(K, Lottery.ticket)';
        const document = await kit.parse(text);
        expect(document.references.filter((r) => r.error && !(r.error as { silent?: boolean }).silent)).toEqual([]);
        expect(await kit.values(text)).toEqual(['-2', '-1']);
        expect(describeIssues(await kit.issues(text)).filter((l) => l.startsWith('E-'))).toEqual([]);
    });
});

describe('§8.8 policies generated from behaviour', () => {
    const NEWCOMB = 'set Outcome = {F1, F2, E1, E2}\nset Obs = {full, empty}\nset Act = {one, two}\n'
        + 'credal T on Outcome = { P({F1, E2}) = 1 }\n'
        + 'ddt TN on Outcome {\n belief T\n policies from Obs to Act\n'
        + ' behaviour { F1: {full: one}, F2: {full: two}, E1: {empty: one, full: one}, E2: {empty: two, full: two} }\n'
        + ' utility (1000000, 1000, 0, 1000)\n inconsistent exclude\n}\n';

    it('every map Obs → Act, named by its actions in the order of Obs; E_π from beh(e)', async () => {
        // one_two: full → one, empty → two. E_one_two = {F1, E2}: δ(F1) gives 10^6.
        const text = NEWCOMB + 'eval choose(TN)\nassert choose(TN) == {one_one, one_two}\neval value(TN, one_two)\neval value(TN, two_two)\n'
            + 'eval E(point(F1), 1[TN.one_two])\neval P(point(E1), TN.one_one)';
        expect(await kit.values(text)).toEqual(['{one_one, one_two}', '{one_one, one_two}', '1000000', '1000', '1', '1']);
        expect(describeIssues((await kit.issues(text)).filter((i) => i.severity === 'error'))).toEqual([]);
    });

    it('names must be declared elements (E-ELEM-UNKNOWN); a wrong policy name has a did-you-mean', async () => {
        const text = NEWCOMB.replace('E2: {empty: two, full: two}', 'E2: {empty: three, fill: two}') + 'eval value(TN, one_too)';
        const document = await kit.parse(text);
        const linking = document.references.filter((r) => r.error
            && !(r.error as { silent?: boolean }).silent).map((r) => r.error!.message);
        expect(linking).toEqual([
            '`three` is not an element of Act',
            '`fill` is not an element of Obs; did you mean `full`?',
            '`one_too` is not a policy of TN; did you mean `one_two`?'
        ]);
    });
});
