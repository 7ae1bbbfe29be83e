import type { OperatorSpelling } from '../settings.js';

/** A snippet per declaration kind (LANGUAGE.md §3–§4), with the relation spelled as the formatter would. */
interface DeclarationSnippet {
    readonly label: string;
    readonly detail: string;
    readonly body: string;
}

export function declarationSnippets(spelling: OperatorSpelling): DeclarationSnippet[] {
    const member = spelling === 'latex' ? '\\in' : spelling === 'ascii' ? 'in' : '∈';
    return [
        { label: 'let', detail: 'constant', body: 'let ${1:name} = ${2:1/10}' },
        { label: 'set', detail: 'finite set', body: 'set ${1:X} = {${2:a}, ${3:b}}' },
        { label: 'event', detail: 'event (subset)', body: 'event ${1:A} on ${2:X} = {${3:a}}' },
        { label: 'dist', detail: 'distribution', body: 'dist ${1:p} on ${2:X} = {${3:a}: ${4:1/2}, ${5:b}: rest}' },
        { label: 'gamble', detail: 'gamble (payoff)', body: 'gamble ${1:f} on ${2:X} = {${3:a}: ${4:1}, else: ${5:0}}' },
        { label: 'credal', detail: 'credal set from constraints',
            body: `credal \${1:K} on \${2:X} = { P({\${3:a}}) ${member} [\${4:1/3}, \${5:2/3}] }` },
        { label: 'credal hull', detail: 'credal set as a convex hull', body: 'credal ${1:K} on ${2:X} = hull{${3:p}, ${4:q}}' },
        { label: 'credal contamination', detail: 'ε-contamination of a distribution',
            body: 'credal ${1:K} = contamination(${2:p}, ${3:1/10})' },
        { label: 'credal tvball', detail: 'total-variation ball', body: 'credal ${1:K} = tvball(${2:p}, ${3:1/10})' },
        { label: 'decision', detail: 'decision problem',
            body: 'decision ${1:D} on ${2:X} {\n  belief ${3:K}\n  acts {\n    ${4:a1} = ${5:(1, 0)}\n    ${6:a2} = ${7:(0, 1)}\n  }\n}' },
        { label: 'tree', detail: 'decision tree (sequential decision)', body: 'tree ${1:T} on ${2:Ω} {\n  belief ${3:K}\n  decide {\n    ${4:look} = observe ${5:F} {\n      ${6:a}: decide { ${7:act} = ${8:f}, ${9:pass} = 0 }\n      else: decide { ${7:act} = ${8:f}, ${9:pass} = 0 }\n    } - ${10:cost}\n    ${11:leap} = decide { ${7:act} = ${8:f}, ${9:pass} = 0 }\n  }\n}' },
        { label: 'ddt', detail: 'disambiguative decision problem',
            body: 'ddt ${1:N} on ${2:E} {\n  belief ${3:Θ}\n  policies {\n    ${4:π1} consistent {${5}}\n    ${6:π2} consistent {${7}}\n  }\n  utility ${8:u}\n  semantics ${9|strict,nirvana0|}\n}' },
        { label: 'infra', detail: 'infradistribution from a-measures', body: 'infra ${1:H} on ${2:X} = hull{ (m: ${3:(1/2, 1/2)}, b: ${4:0}), (m: ${5:(1, 0)}, b: ${6:1/4}) }' },
        { label: 'infra ibupdate', detail: 'infra-Bayesian update', body: 'infra ${1:U} = ibupdate(${2:H}, ${3:{a\\}}, ${4:0})' },
        { label: 'kernel', detail: 'infrakernel: a credal set per element', body: 'kernel ${1:k} from ${2:X} to ${3:Y} = { ${4:a}: ${5:vacuous}, else: ${6:vacuous} }' },
        { label: 'credal belief', detail: 'belief function by Möbius masses (v1.1)', body: 'credal ${1:Bel} on ${2:X} = belief{ {${3:a}}: ${4:1/2}, all: ${5:1/2} }' },
        { label: 'credal mix', detail: 'mixture of credal sets (v1.1)', body: 'credal ${1:M} = mix(${2:1/2}: ${3:K1}, ${4:1/2}: ${5:K2})' },
        { label: 'credal dempster', detail: "Dempster's rule of combination (v1.1)", body: 'credal ${1:D} = dempster(${2:Bel1}, ${3:Bel2})' },
        { label: 'ddt from behaviour', detail: 'DDT with policies generated from behaviour (v1.1)',
            body: 'ddt ${1:N} on ${2:E} {\n  belief ${3:Θ}\n  policies from ${4:Obs} to ${5:Act}\n  behaviour { ${6:e1}: {${7:o}: ${8:a}} }\n  utility ${9:u}\n}' },
        { label: 'conventions', detail: "the note's own conventions (v1.1)",
            body: 'conventions { conditioning ${1|regular,natural|}, ddt ${2|strict,nirvana0|}, inconsistent ${3|error,exclude,nirvana|} }' },
        { label: 'expect', detail: 'a declaration meant to raise a diagnostic (v1.1)', body: 'expect ${1:E-EMPTY} in ${2:K}' },
        { label: 'eval', detail: 'evaluate a query', body: 'eval ${1:lowerE}(${2:K}, ${3:f})' },
        { label: 'assert', detail: 'a claim checked on save', body: 'assert ${1:lowerP(K, {a})} == ${2:1/3}' },
        { label: '/*!', detail: 'prose block (Markdown with $math$)', body: '/*! ${1:# Title}\n\n    ${2:Text with $math$.} */' }
    ];
}
