import type { CliIO, ExitCode } from './cli-io.js';

/** One `credal <name> …` subcommand. New subcommands (eval, render, export) are entries of this shape. */
export interface CliCommand {
    name: string;
    /** The argument pattern shown in the usage line, e.g. `<file|dir>...`. */
    synopsis: string;
    /** One line for the command list. */
    summary: string;
    /** The full text of `credal <name> --help`, after the usage line. */
    help: string;
    /** Runs with the arguments after the command name; throws UsageError for bad arguments. */
    run(args: string[], io: CliIO): Promise<ExitCode>;
}
