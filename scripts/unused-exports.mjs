// Lists exports of the project's sources that no other file imports (part of `npm run lint`).
// Usage: node scripts/unused-exports.mjs   (exit 1 when there are any)
// Uses the TypeScript compiler API on the projects of tsconfig.json and extension/webview/tsconfig.json;
// a file counts as a user wherever it is (tests and benchmarks too). Entry points export to the runtime.
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CHECKED = ['language-server/src/', 'extension/src/', 'extension/webview/'];
const ENTRY_POINTS = new Set([
    'language-server/src/main.ts', 'language-server/src/cli/main.ts', 'language-server/src/worker/evaluation-worker.ts',
    'extension/src/extension.ts', 'extension/webview/preview.ts'
]);
const GENERATED = 'language-server/src/generated/';

function program(configFile) {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, configFile), {}, { ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {} });
    return ts.createProgram({ rootNames: config.fileNames, options: config.options });
}

const programs = [program('tsconfig.json'), program('extension/webview/tsconfig.json')];
/** file → names imported from it ('*' for every name). */
const used = new Map();
const use = (file, name) => {
    if (!used.has(file)) used.set(file, new Set());
    used.get(file).add(name);
};
const exported = new Map();

for (const prog of programs) {
    const checker = prog.getTypeChecker();
    for (const source of prog.getSourceFiles()) {
        if (source.isDeclarationFile || source.fileName.includes('/node_modules/')) continue;
        const resolve = (specifier) =>
            ts.resolveModuleName(specifier, source.fileName, prog.getCompilerOptions(), ts.sys).resolvedModule?.resolvedFileName;
        const visit = (node) => {
            if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
                && ts.isStringLiteral(node.moduleSpecifier)) {
                const target = resolve(node.moduleSpecifier.text);
                if (target) recordImport(node, target);
            } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
                && ts.isStringLiteral(node.arguments[0])) {
                const target = resolve(node.arguments[0].text);
                if (target) use(target, '*');
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
        const relative = path.relative(ROOT, source.fileName);
        if (CHECKED.some((prefix) => relative.startsWith(prefix)) && !relative.startsWith(GENERATED) && !ENTRY_POINTS.has(relative)) {
            const symbol = checker.getSymbolAtLocation(source);
            if (symbol) exported.set(source.fileName, checker.getExportsOfModule(symbol).map((s) => s.getName()));
        }
    }
}

function recordImport(node, target) {
    if (ts.isExportDeclaration(node)) {
        if (!node.exportClause || !ts.isNamedExports(node.exportClause)) return use(target, '*');
        for (const element of node.exportClause.elements) use(target, (element.propertyName ?? element.name).text);
        return;
    }
    const clause = node.importClause;
    if (!clause) return;
    if (clause.name) use(target, 'default');
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
    if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) use(target, (element.propertyName ?? element.name).text);
    }
}

const unused = [];
for (const [file, names] of exported) {
    const users = used.get(file) ?? new Set();
    if (users.has('*')) continue;
    for (const name of names) if (!users.has(name)) unused.push(`${path.relative(ROOT, file)}: ${name}`);
}
unused.sort();
for (const line of unused) console.log(line);
if (unused.length > 0) {
    console.error(`${unused.length} unused export${unused.length === 1 ? '' : 's'}: use them, or stop exporting them`);
    process.exit(1);
}
