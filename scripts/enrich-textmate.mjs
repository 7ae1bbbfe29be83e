// Run by `npm run langium:generate` right after Langium writes syntaxes/credal.tmLanguage.json.
// Langium's TextMate output colours word keywords and comments only (LANGIUM-NOTES d10); this adds
// what a reader of a note needs: prose and doc blocks, numbers, Unicode/ASCII operators, builtin
// functions and the names being declared. Deterministic, so CI's regenerate-and-diff stays meaningful.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../syntaxes/credal.tmLanguage.json', import.meta.url));
const grammar = JSON.parse(readFileSync(file, 'utf8'));

const BUILTINS = ['P', 'E', 'lowerP', 'upperP', 'lowerE', 'upperE', 'interval', 'vertices', 'tv', 'isEmpty', 'isPrecise',
    'isVacuous', 'contains', 'subset', 'dim', 'choose', 'value', 'tvball', 'contamination', 'compl', 'point', 'mix',
    'marginal', 'strong'];
const NAME = "[A-Za-z_\\x{0370}-\\x{03FF}\\x{1F00}-\\x{1FFF}][A-Za-z0-9_'\\x{2032}\\x{2033}\\x{0370}-\\x{03FF}\\x{1F00}-\\x{1FFF}]*";

const added = [
    { include: '#prose' },
    { include: '#doc-comment' },
    {
        name: 'meta.declaration.credal',
        match: `\\b(let|set|event|dist|gamble|credal|decision|ddt|infra|kernel)\\s+(${NAME})`,
        captures: { 1: { name: 'keyword.control.credal' }, 2: { name: 'entity.name.type.credal' } }
    },
    { name: 'support.function.credal', match: `\\b(${BUILTINS.join('|')})(?=\\s*[\\(\\[])` },
    { name: 'constant.language.boolean.credal', match: '\\b(true|false)\\b' },
    { name: 'constant.numeric.credal', match: '\\b[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\b' },
    { name: 'keyword.operator.credal', match: '[∪∩∖×·⊠⋉∈≠≤≥−|^]|==|!=|<=|>=|<|>|=|\\.\\.|[+\\-*/:]' }
];

const generated = grammar.patterns.filter(pattern => !added.some(extra => JSON.stringify(extra) === JSON.stringify(pattern)));
// Comments first (prose and doc blocks before plain block comments), then declarations before keywords.
const [comments, ...rest] = generated;
grammar.patterns = [added[0], added[1], comments, added[2], ...rest, ...added.slice(3)];
grammar.repository.prose = {
    name: 'comment.block.documentation.prose.credal',
    begin: '/\\*!',
    end: '\\*/',
    beginCaptures: { 0: { name: 'punctuation.definition.comment.credal' } },
    endCaptures: { 0: { name: 'punctuation.definition.comment.credal' } }
};
grammar.repository['doc-comment'] = {
    name: 'comment.block.documentation.credal',
    begin: '/\\*\\*(?!/)',
    end: '\\*/',
    beginCaptures: { 0: { name: 'punctuation.definition.comment.credal' } },
    endCaptures: { 0: { name: 'punctuation.definition.comment.credal' } }
};
writeFileSync(file, JSON.stringify(grammar, null, 2) + '\n');
