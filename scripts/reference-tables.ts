// The lists of docs/language.md that come from the code's single tables: builtin functions, decision
// rules, settings (package.json) and diagnostic codes. Each sits between BEGIN/END GENERATED markers;
// a test fails when one is out of date, and `npm run docs:tables` rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FUNCTIONS, shownSignature } from '../language-server/src/evaluation/builtins.js';
import { genericTitle, RULES } from '../language-server/src/evaluation/rule-text.js';
import { DIAGNOSTIC_TABLE, type CodeSeverity } from '../language-server/src/diagnostics/codes.js';

// Paths from the repository root, where npm scripts and the tests run (the script itself is run bundled).
export const REFERENCE_FILE = path.resolve('docs', 'language.md');
const MANIFEST_FILE = path.resolve('package.json');

interface SettingSchema {
    type: string;
    default: unknown;
    enum?: string[];
    description?: string;
    markdownDescription?: string;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function functionsTable(): string {
    const order = { query: 0, decision: 1, constructor: 2, rule: 3 } as const;
    const rows = [...FUNCTIONS].sort((a, b) => order[a.category] - order[b.category]).map(builtin =>
        `| \`${cell(shownSignature(builtin))}\` | ${builtin.returns} | ${cell(builtin.doc)} |`);
    return ['| call | value | meaning |', '|---|---|---|', ...rows].join('\n');
}

function rulesTable(): string {
    const rows = RULES.map(rule => `| \`${rule.name}\` | ${genericTitle(rule)} | ${rule.scored ? 'yes' : 'no'} | ${cell(rule.doc)} |`);
    return ['| rule | name | has a score | chooses |', '|---|---|---|---|', ...rows].join('\n');
}

function settingsTable(): string {
    type Manifest = { contributes: { configuration: { properties: Record<string, SettingSchema> } } };
    const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;
    const rows = Object.entries(manifest.contributes.configuration.properties).map(([name, schema]) => {
        const values = schema.enum ? schema.enum.map(value => `\`${value}\``).join(', ') : schema.type;
        const description = cell(schema.description ?? schema.markdownDescription ?? '');
        return `| \`${name}\` | ${values} | \`${JSON.stringify(schema.default)}\` | ${description} |`;
    });
    return ['| setting | values | default | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

function codesList(): string {
    const entries: ReadonlyArray<{ code: string; severity: CodeSeverity }> = Object.values(DIAGNOSTIC_TABLE);
    const group = (severity: CodeSeverity) =>
        entries.filter(entry => entry.severity === severity).map(entry => `\`${entry.code}\``).join(', ');
    return [`- **Errors:** ${group('error')}`, `- **Warnings:** ${group('warning')}`, `- **Information:** ${group('info')}`].join('\n');
}

/** Each generated section by name, as it should read. */
function generatedSections(): Map<string, string> {
    return new Map([
        ['functions', functionsTable()],
        ['rules', rulesTable()],
        ['settings', settingsTable()],
        ['codes', codesList()]
    ]);
}

const SECTION = /(<!-- BEGIN GENERATED: (\w+)[^>]*-->\n)([\s\S]*?\n)?(<!-- END GENERATED: \2 -->)/g;

/** The reference with every generated section replaced by its current text; the names found. */
export function withGeneratedSections(reference: string): { text: string; found: string[] } {
    const sections = generatedSections();
    const found: string[] = [];
    const text = reference.replace(SECTION, (whole: string, begin: string, name: string, _body: string | undefined, end: string) => {
        const fresh = sections.get(name);
        if (fresh === undefined) return whole;
        found.push(name);
        return `${begin}${fresh}\n${end}`;
    });
    return { text, found };
}

if (process.argv.includes('--write')) {
    const { text, found } = withGeneratedSections(readFileSync(REFERENCE_FILE, 'utf8'));
    writeFileSync(REFERENCE_FILE, text);
    console.log(`docs/language.md: rewrote ${found.join(', ')}`);
}
