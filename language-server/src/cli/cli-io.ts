/** Where the command writes, so tests and the process entry can differ only here. */
export interface CliIO {
    /** One line of regular output (stdout). */
    out(line: string): void;
    /** One line of problems and usage text (stderr). */
    err(line: string): void;
    /** The directory relative input paths are resolved against. */
    cwd: string;
}

/** Exit codes of LANGUAGE.md §6. */
export const ExitCode = {
    ok: 0,
    errors: 1,
    usage: 2
} as const;
export type ExitCode = typeof ExitCode[keyof typeof ExitCode];

/** Wrong arguments: reported with a hint at `--help`, exit code 2. */
export class UsageError extends Error {}
