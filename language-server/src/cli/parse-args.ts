import { UsageError } from './cli-io.js';

interface ParsedArgs {
    positionals: string[];
    /** Flags by long name, without dashes; a flag given without a value is `true`. */
    flags: Map<string, string | true>;
}

/** What a subcommand accepts: flag names, and which of them take a value. */
interface ArgSpec {
    booleanFlags?: string[];
    valueFlags?: string[];
    /** Short spellings, e.g. `{ o: 'output' }`. */
    aliases?: Record<string, string>;
}

/**
 * Splits arguments into positionals and flags (`--name`, `--name=value`, `--name value`, `-x`).
 * `--` ends the flags, so a file called `--odd.cred` can still be named. Unknown flags are usage errors.
 */
export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
    const booleans = new Set(['help', ...(spec.booleanFlags ?? [])]);
    const values = new Set(spec.valueFlags ?? []);
    const aliases: Record<string, string> = { h: 'help', ...spec.aliases };
    const positionals: string[] = [];
    const flags = new Map<string, string | true>();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            positionals.push(...args.slice(i + 1));
            break;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        const [rawName, inlineValue] = splitOnce(arg.replace(/^--?/, ''), '=');
        const name = arg.startsWith('--') ? rawName : aliases[rawName] ?? rawName;
        if (booleans.has(name)) {
            if (inlineValue !== undefined) {
                throw new UsageError(`option --${name} takes no value`);
            }
            flags.set(name, true);
        } else if (values.has(name)) {
            const value = inlineValue ?? args[++i];
            if (value === undefined) {
                throw new UsageError(`option --${name} needs a value`);
            }
            flags.set(name, value);
        } else {
            throw new UsageError(`unknown option '${arg}'`);
        }
    }
    return { positionals, flags };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
    const at = text.indexOf(separator);
    return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
