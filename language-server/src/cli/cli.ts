import manifest from '../../../package.json' with { type: 'json' };
import { ExitCode, UsageError, type CliIO } from './cli-io.js';
import type { CliCommand } from './command.js';
import { COMMANDS } from './commands/index.js';

const CLI_VERSION: string = manifest.version;

/** Runs `credal <args>` and returns the exit code; never throws. */
export async function runCli(args: readonly string[], io: CliIO, commands: readonly CliCommand[] = COMMANDS): Promise<ExitCode> {
    const [first, ...rest] = args;
    if (first === undefined) {
        io.err(usageText(commands));
        return ExitCode.usage;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
        const topic = first === 'help' ? rest[0] : undefined;
        const command = topic === undefined ? undefined : commands.find(c => c.name === topic);
        if (topic !== undefined && !command) {
            return reportUsageError(io, `unknown command '${topic}'`);
        }
        io.out(command ? commandHelp(command) : usageText(commands));
        return ExitCode.ok;
    }
    if (first === '--version' || first === '-V' || first === '-v') {
        io.out(`credal ${CLI_VERSION}`);
        return ExitCode.ok;
    }
    const command = commands.find(c => c.name === first);
    if (!command) {
        return reportUsageError(io, first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`);
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        io.out(commandHelp(command));
        return ExitCode.ok;
    }
    try {
        return await command.run(rest, io);
    } catch (error) {
        if (error instanceof UsageError) {
            return reportUsageError(io, error.message, command);
        }
        io.err(`credal: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return ExitCode.usage;
    }
}

function reportUsageError(io: CliIO, message: string, command?: CliCommand): ExitCode {
    io.err(`credal: ${message}`);
    io.err(command ? `usage: ${usageLine(command)}` : `Run 'credal --help' for usage.`);
    return ExitCode.usage;
}

function usageLine(command: CliCommand): string {
    return `credal ${command.name} ${command.synopsis}`;
}

function usageText(commands: readonly CliCommand[]): string {
    const width = Math.max(...commands.map(c => usageLine(c).length));
    return [
        `credal ${CLI_VERSION}: check Credal notes (.cred) from the command line`,
        '',
        'Usage:',
        ...commands.map(c => `  ${usageLine(c).padEnd(width)}   ${c.summary}`),
        '  credal --help | --version',
        '',
        `Run 'credal help <command>' or 'credal <command> --help' for details.`
    ].join('\n');
}

function commandHelp(command: CliCommand): string {
    return `usage: ${usageLine(command)}\n\n${command.help}`;
}
