import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { CredalServices } from '../../credal-module.js';
import type { ExportFormat } from '../../protocol.js';
import { ExitCode, UsageError, type CliIO } from '../cli-io.js';
import type { CliCommand } from '../command.js';
import { collectInputs } from '../collect-inputs.js';
import { severityWord } from '../format-diagnostic.js';
import { loadNotes } from '../load-notes.js';
import { parseArgs } from '../parse-args.js';
import { CONVENTION_FLAGS, CONVENTION_HELP, conventionSettings } from '../convention-flags.js';
import type { EvaluationSettings } from '../../evaluation/settings.js';
import { FORCE_HELP, writeSafely } from '../safe-write.js';

export const renderCommand: CliCommand = {
    name: 'render',
    synopsis: '<file> [-o out.html]',
    summary: 'write the preview of a note as one standalone HTML page',
    help: [
        'Validates and evaluates the note and writes its preview (typeset definitions, values, pictures,',
        'decision tables) as one HTML file with KaTeX styles and fonts inlined: it opens offline and runs',
        'no script. Without -o the page is written next to the note, with the extension .html.',
        '',
        '-o, --output FILE   where to write the page',
        ...FORCE_HELP,
        '',
        ...CONVENTION_HELP,
        '',
        'Exit status: 0 written and the note has no errors, 1 written but the note has errors,',
        '2 bad usage, unreadable input or unwritable output.'
    ].join('\n'),
    async run(args: string[], io: CliIO): Promise<ExitCode> {
        const { positionals, flags } = parseArgs(args, { valueFlags: ['output', ...CONVENTION_FLAGS], booleanFlags: ['force'], aliases: { o: 'output' } });
        const output = flags.get('output');
        const rendered = await renderOneNote(positionals, io, 'render', 'html', conventionSettings(flags));
        if (typeof rendered === 'number') return rendered;
        const target = typeof output === 'string'
            ? path.resolve(io.cwd, output)
            : rendered.absolutePath.replace(/(\.cred|\.md|\.markdown)?$/i, '.html');
        return writeOutput(io, target, rendered, flags.get('force') === true);
    }
};

interface RenderedNote {
    absolutePath: string;
    text: string;
    /** 0 when the note has no errors, 1 otherwise. */
    exitCode: ExitCode;
}

/** Loads one note with full validation and renders it in `format`; an exit code on usage problems. */
export async function renderOneNote(positionals: string[], io: CliIO, command: string, format: ExportFormat,
    settings: Partial<EvaluationSettings> = {}): Promise<RenderedNote | ExitCode> {
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0 ? `${command} needs a file` : `${command} takes exactly one file`);
    }
    const inputs = await collectInputs(positionals, io.cwd);
    const problems = [...inputs.problems];
    if (problems.length === 0 && (inputs.notes.length !== 1 || await isDirectory(path.resolve(io.cwd, positionals[0])))) {
        problems.push({ displayPath: positionals[0], message: `${command} takes one .cred or Markdown file, not a directory` });
    }
    if (problems.length === 0) {
        const { createCliServices } = await import('../services.js');
        const shared = createCliServices(settings);
        const loaded = await loadNotes(shared, inputs.notes);
        problems.push(...loaded.problems);
        const note = loaded.notes[0];
        if (problems.length === 0 && note) {
            const services = shared.ServiceRegistry.getServices(note.document.uri) as CredalServices;
            const { exportNoteFile, noteModelOf } = await import('../../render/note-renderer.js');
            const text = exportNoteFile(note.absolutePath, note.source, noteModelOf(services, note.document), format);
            const errors = (note.document.diagnostics ?? []).filter(d => severityWord(d) === 'error').length;
            if (errors > 0) io.err(`credal: ${note.displayPath}: ${errors} error${errors === 1 ? '' : 's'} (run 'credal check' for details)`);
            return { absolutePath: note.absolutePath, text, exitCode: errors > 0 ? ExitCode.errors : ExitCode.ok };
        }
    }
    problems.forEach(problem => io.err(`credal: ${problem.displayPath}: ${problem.message}`));
    return ExitCode.usage;
}

/** Writes a rendered note to `target` (safe-write.ts) and says what it wrote; exit code 2 when it may not. */
export async function writeOutput(io: CliIO, target: string, rendered: RenderedNote, force: boolean): Promise<ExitCode> {
    const shown = (file: string) => path.relative(io.cwd, file) || file;
    try {
        const result = await writeSafely(target, rendered.text, { inputs: [rendered.absolutePath], force });
        if ('refused' in result) {
            io.err(`credal: will not write ${shown(target)}: it ${result.refused}`);
            return ExitCode.usage;
        }
        io.out(`wrote ${shown(result.written)}${result.replaced ? ' (replacing the previous file)' : ''}`);
    } catch (error) {
        io.err(`credal: cannot write ${shown(target)}: ${error instanceof Error ? error.message : String(error)}`);
        return ExitCode.usage;
    }
    return rendered.exitCode;
}

async function isDirectory(file: string): Promise<boolean> {
    try {
        return (await stat(file)).isDirectory();
    } catch {
        return false;
    }
}
