import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { CredalServices } from '../../credal-module.js';
import { diagnosticCode } from '../../diagnostics/diagnostic-code.js';
import { formatValue, valueToJson, type JsonValue } from '../../evaluation/format-value.js';
import type { StatementResult } from '../../evaluation/evaluator.js';
import { isAssert, isEval, type Assert, type Eval, type Model } from '../../generated/ast.js';
import { ExitCode, UsageError, type CliIO } from '../cli-io.js';
import type { CliCommand } from '../command.js';
import { collectInputs } from '../collect-inputs.js';
import { compareByPosition, formatDiagnostic, severityWord } from '../format-diagnostic.js';
import { loadNotes } from '../load-notes.js';
import { parseArgs } from '../parse-args.js';
import { CONVENTION_FLAGS, CONVENTION_HELP, conventionSettings } from '../convention-flags.js';
import { IssueCodes } from '../../diagnostics/codes.js';

/** One entry of `results` (LANGUAGE.md §6). */
interface JsonResult {
    line: number;
    kind: 'eval' | 'assert';
    source: string;
    name?: string | null;
    ok?: boolean;
    value: JsonValue;
}

interface JsonDiagnostic {
    severity: string;
    code: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

export const evalCommand: CliCommand = {
    name: 'eval',
    synopsis: '<file> [--json]',
    summary: 'validate a note and print every eval and assert result',
    help: [
        'Fully validates the note (including the expensive checks), then prints the result of every',
        '`eval` and `assert` in file order: `path:line: source = value` for evals, `path:line: ✓ source`',
        'or `path:line: ✗ source  (actual: …)` for asserts, then the error and warning diagnostics and a summary.',
        '',
        '--json   print one JSON object { file, diagnostics, results } as in LANGUAGE.md §6',
        '',
        ...CONVENTION_HELP,
        '',
        'Exit status: 0 no errors and every assert holds, 1 otherwise, 2 bad usage or unreadable input.'
    ].join('\n'),
    async run(args: string[], io: CliIO): Promise<ExitCode> {
        const { positionals, flags } = parseArgs(args, { booleanFlags: ['json'], valueFlags: [...CONVENTION_FLAGS] });
        const settings = conventionSettings(flags);
        if (positionals.length !== 1) {
            throw new UsageError(positionals.length === 0 ? 'eval needs a file' : 'eval takes exactly one file');
        }
        const inputs = await collectInputs(positionals, io.cwd);
        const problems = [...inputs.problems];
        if (problems.length === 0 && inputs.notes.length !== 1) {
            problems.push({ displayPath: positionals[0]!, message: 'eval takes one .cred or Markdown file, not a directory' });
        }
        if (problems.length > 0) {
            problems.forEach(problem => io.err(`credal: ${problem.displayPath}: ${problem.message}`));
            return ExitCode.usage;
        }
        const { createCliServices } = await import('../services.js');
        const shared = createCliServices(settings);
        const loaded = await loadNotes(shared, inputs.notes);
        if (loaded.problems.length > 0 || loaded.notes.length !== 1) {
            loaded.problems.forEach(problem => io.err(`credal: ${problem.displayPath}: ${problem.message}`));
            return ExitCode.usage;
        }
        const note = loaded.notes[0]!;
        const services = shared.ServiceRegistry.getServices(note.document.uri) as CredalServices;
        const results = statementResults(note.document as LangiumDocument<Model>, services);
        const diagnostics = [...(note.document.diagnostics ?? [])].sort(compareByPosition);
        const errors = diagnostics.filter(d => severityWord(d) === 'error').length;
        const failed = results.filter(r => r.statement.$type === 'Assert' && r.result.ok !== true).length;
        if (flags.has('json')) {
            io.out(JSON.stringify({
                file: note.displayPath,
                diagnostics: diagnostics.map(toJsonDiagnostic),
                results: results.map(({ statement, result }) => toJsonResult(statement, result))
            }, null, 2));
        } else {
            for (const { statement, result } of results) io.out(humanLine(note.displayPath, statement, result));
            for (const diagnostic of diagnostics.filter(d => ['error', 'warning'].includes(severityWord(d)))) {
                io.out(formatDiagnostic(note.displayPath, diagnostic));
            }
            const asserts = results.filter(r => r.statement.$type === 'Assert').length;
            const warnings = diagnostics.filter(d => severityWord(d) === 'warning').length;
            io.out(`${results.length - asserts} evals, ${asserts} asserts (${failed} failed), ${errors} errors, ${warnings} warnings`);
        }
        return errors > 0 || failed > 0 ? ExitCode.errors : ExitCode.ok;
    }
};

function statementResults(document: LangiumDocument<Model>,
    services: CredalServices): Array<{ statement: Eval | Assert; result: StatementResult }> {
    const evaluator = services.evaluation.Evaluator;
    return document.parseResult.value.statements
        .filter((s): s is Eval | Assert => isEval(s) || isAssert(s))
        .map(statement => ({ statement, result: evaluator.resultOf(statement) }));
}

function sourceOf(statement: Eval | Assert): string {
    return statement.value?.$cstNode?.text ?? '';
}

function lineOf(statement: Eval | Assert): number {
    return (statement.$cstNode?.range.start.line ?? 0) + 1;
}

function toJsonResult(statement: Eval | Assert, result: StatementResult): JsonResult {
    const base = { line: lineOf(statement), kind: result.kind, source: sourceOf(statement) };
    return isEval(statement)
        ? { ...base, name: statement.name ?? null, value: valueToJson(result.value) }
        : { ...base, ok: result.ok === true, value: valueToJson(result.value) };
}

function toJsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
    const { start, end } = diagnostic.range;
    return {
        severity: severityWord(diagnostic),
        code: diagnosticCode(diagnostic) ?? IssueCodes.Unknown,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message),
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1
    };
}

function humanLine(path: string, statement: Eval | Assert, result: StatementResult): string {
    const source = sourceOf(statement).replace(/\s*\r?\n\s*/g, ' ');
    const at = `${path}:${lineOf(statement)}:`;
    if (isEval(statement)) {
        return `${at} ${statement.name ? `${statement.name} = ` : ''}${source} = ${formatValue(result.value)}`;
    }
    if (result.ok) return `${at} ✓ ${source}`;
    if (result.value.kind === 'error') return `${at} ✗ ${source}  (${formatValue(result.value)})`;
    const actual = result.right
        ? `left side ${formatValue(result.left ?? result.value)}, right side ${formatValue(result.right)}`
        : `actual: ${formatValue(result.value)}`;
    return `${at} ✗ ${source}  (${actual})`;
}
