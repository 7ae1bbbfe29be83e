import { ExitCode, UsageError, type CliIO } from '../cli-io.js';
import type { CliCommand } from '../command.js';
import { collectInputs, type InputProblem } from '../collect-inputs.js';
import { checkNotes, jobCount } from '../check-notes.js';
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
        '--jobs N   check with N worker threads (default: one per core); the output is the same for any N.',
        '',
        ...CONVENTION_HELP,
        '',
        'Exit status: 0 no errors (warnings allowed), 1 at least one error,',
        '2 bad usage or an input that does not exist or cannot be read.'
    ].join('\n'),
    async run(args: string[], io: CliIO): Promise<ExitCode> {
        const { positionals, flags } = parseArgs(args, { valueFlags: [...CONVENTION_FLAGS, 'jobs'] });
        const settings = conventionSettings(flags);
        if (positionals.length === 0) {
            throw new UsageError('check needs at least one file or directory');
        }
        const jobsFlag = flags.get('jobs');
        const jobs = jobsFlag === undefined ? undefined : Number(jobsFlag);
        if (jobs !== undefined && !(Number.isSafeInteger(jobs) && jobs >= 1)) {
            throw new UsageError('--jobs needs a whole number of at least 1');
        }
        const inputs = await collectInputs(positionals, io.cwd);
        const reports = await checkNotes(inputs.notes, settings, jobCount(jobs, inputs.notes.length));
        let errors = 0;
        let warnings = 0;
        let files = 0;
        const unreadable: InputProblem[] = [];
        reports.forEach((report, index) => {
            if (report.problem !== undefined) {
                unreadable.push({ displayPath: inputs.notes[index]!.displayPath, message: report.problem });
                return;
            }
            files++;
            errors += report.errors;
            warnings += report.warnings;
            report.lines.forEach((line) => io.out(line));
        });
        const problems = [...inputs.problems, ...unreadable];
        problems.forEach(problem => io.err(formatInputProblem(problem)));
        io.out(`${files} files, ${errors} errors, ${warnings} warnings`);
        return problems.length > 0 ? ExitCode.usage : errors > 0 ? ExitCode.errors : ExitCode.ok;
    }
};

function formatInputProblem(problem: InputProblem): string {
    return `credal: ${problem.displayPath}: ${problem.message}`;
}
