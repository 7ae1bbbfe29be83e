import { ExitCode, UsageError, type CliIO } from '../cli-io.js';
import type { CliCommand } from '../command.js';
import { collectInputs, type InputProblem } from '../collect-inputs.js';
import { compareByPosition, formatDiagnostic, severityWord } from '../format-diagnostic.js';
import { loadNotes } from '../load-notes.js';
import { parseArgs } from '../parse-args.js';
import { CONVENTION_FLAGS, CONVENTION_HELP, conventionSettings } from '../convention-flags.js';

export const checkCommand: CliCommand = {
    name: 'check',
    synopsis: '<file|dir>...',
    summary: 'validate notes; exit 0 = no errors, 1 = errors, 2 = usage / unreadable input',
    help: [
        'Parses, links and fully validates each note. A directory stands for every .cred file below it and',
        'every Markdown file with a ```credal fence (hidden directories and node_modules are skipped).',
        'In a Markdown file (.md, .markdown) the credal fences together are the note; positions are the file\'s.',
        '',
        'Output: one line per diagnostic, `path:line:col: severity CODE message` (1-based positions,',
        'paths as given), then `N files, N errors, N warnings`.',
        '',
        ...CONVENTION_HELP,
        '',
        'Exit status: 0 no errors (warnings allowed), 1 at least one error,',
        '2 bad usage or an input that does not exist or cannot be read.'
    ].join('\n'),
    async run(args: string[], io: CliIO): Promise<ExitCode> {
        const { positionals, flags } = parseArgs(args, { valueFlags: [...CONVENTION_FLAGS] });
        const settings = conventionSettings(flags);
        if (positionals.length === 0) {
            throw new UsageError('check needs at least one file or directory');
        }
        const inputs = await collectInputs(positionals, io.cwd);
        // Loaded on demand: building the language services is the slow part, and usage errors should not pay for it.
        const { createCliServices } = await import('../services.js');
        const loaded = inputs.notes.length > 0
            ? await loadNotes(createCliServices(settings), inputs.notes)
            : { notes: [], problems: [] };
        let errors = 0;
        let warnings = 0;
        for (const note of loaded.notes) {
            const diagnostics = [...(note.document.diagnostics ?? [])].sort(compareByPosition);
            for (const diagnostic of diagnostics) {
                const severity = severityWord(diagnostic);
                errors += severity === 'error' ? 1 : 0;
                warnings += severity === 'warning' ? 1 : 0;
                io.out(formatDiagnostic(note.displayPath, diagnostic));
            }
        }
        const problems = [...inputs.problems, ...loaded.problems];
        problems.forEach(problem => io.err(formatInputProblem(problem)));
        io.out(`${loaded.notes.length} files, ${errors} errors, ${warnings} warnings`);
        return problems.length > 0 ? ExitCode.usage : errors > 0 ? ExitCode.errors : ExitCode.ok;
    }
};

function formatInputProblem(problem: InputProblem): string {
    return `credal: ${problem.displayPath}: ${problem.message}`;
}
