/**
 * A realistic generated note of `n` statements (declarations, evals and asserts): sets of three
 * elements, every 50 statements a new one, and around each the distributions, gambles, credal sets
 * (probability intervals, TV balls), events, constants, queries and claims a research note has.
 * It checks clean: every name resolves and every assert holds.
 */
export function generatedNote(n: number): string {
    const out: string[] = ['/*! # A generated note for the LSP benchmark */'];
    let set = 'S0';
    for (let i = 0; i < n; i++) {
        if (i % 50 === 0) {
            set = `S${i}`;
            out.push(`set ${set} = {a, b, c}`);
            continue;
        }
        const k = i % 10;
        const base = i - k;
        switch (k) {
            case 1: out.push(`dist p${i} on ${set} = {a: 1/3, b: 1/3, c: rest}`); break;
            case 2: out.push(`gamble g${i} on ${set} = (${i % 7}, 2, -1)`); break;
            case 3: out.push(`/** Our imprecise belief, number ${i}. */\ncredal K${i} on ${set} = { P({a}) in [1/10, 1/2], P({b}) >= 1/5 }`); break;
            case 4: out.push(`let x${i} = ${i}/7 + 1`); break;
            case 5: out.push(`event E${i} on ${set} = {a, b}`); break;
            case 6: out.push(`eval lowerE(K${base + 3}, g${base + 2})`); break;
            case 7: out.push(`credal T${i} = tvball(p${base + 1}, 1/10)`); break;
            case 8: out.push(`eval interval(T${base + 7}, E${base + 5})`); break;
            case 9: out.push(`assert upperP(K${base + 3}, E${base + 5}) <= 1`); break;
            default: out.push(`let y${i} = x${base - 6 >= 0 ? base - 6 : 4} * 2`);
        }
    }
    return `${out.join('\n')}\n`;
}
