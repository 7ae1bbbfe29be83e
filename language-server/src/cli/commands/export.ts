import * as path from 'node:path';
import type { ExportFormat } from '../../protocol.js';
import { UsageError, type CliIO, type ExitCode } from '../cli-io.js';
import type { CliCommand } from '../command.js';
import { parseArgs } from '../parse-args.js';
import { CONVENTION_FLAGS, CONVENTION_HELP, conventionSettings } from '../convention-flags.js';
import { FORCE_HELP } from '../safe-write.js';
import { renderOneNote, writeOutput } from './render.js';

const FORMATS: readonly ExportFormat[] = ['markdown', 'latex', 'html'];

export const exportCommand: CliCommand = {
    name: 'export',
    synopsis: '<file> --to markdown|latex|html [-o out]',
    summary: 'export a note for pasting into a post or a paper',
    help: [
        'Validates and evaluates the note and prints it (or writes it with -o) as',
        '  markdown  Markdown for LessWrong / the Alignment Forum: pandoc `$` math, MathJax-2-safe LaTeX,',
        '            no blank line inside $$…$$, tables with \\mid for |; pictures are left out;',
        '  latex     a LaTeX document (article, amsmath, amssymb) with the prose, definitions and values;',
        '  html      the standalone page of `credal render`.',
        '',
        '--to FORMAT         markdown, latex or html (required)',
        '-o, --output FILE   write to FILE instead of standard output',
        ...FORCE_HELP,
        '',
        ...CONVENTION_HELP,
        '',
        'Exit status: 0 exported and the note has no errors, 1 exported but the note has errors,',
        '2 bad usage, unreadable input or unwritable output.'
    ].join('\n'),
    async run(args: string[], io: CliIO): Promise<ExitCode> {
        const { positionals, flags } = parseArgs(args, { valueFlags: ['to', 'output', ...CONVENTION_FLAGS], booleanFlags: ['force'], aliases: { o: 'output' } });
        const settings = conventionSettings(flags);
        const format = flags.get('to');
        if (typeof format !== 'string') throw new UsageError('export needs --to markdown|latex|html');
        if (!FORMATS.includes(format as ExportFormat)) throw new UsageError(`unknown format '${format}' (expected markdown, latex or html)`);
        const rendered = await renderOneNote(positionals, io, 'export', format as ExportFormat, settings);
        if (typeof rendered === 'number') return rendered;
        const output = flags.get('output');
        if (typeof output === 'string') return writeOutput(io, path.resolve(io.cwd, output), rendered, flags.get('force') === true);
        io.out(rendered.text.replace(/\n$/, ''));
        return rendered.exitCode;
    }
};
