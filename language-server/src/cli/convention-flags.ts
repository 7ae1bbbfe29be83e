import {
    DDT_INCONSISTENT, DDT_SEMANTICS, ZERO_CONDITIONING, type EvaluationSettings
} from '../evaluation/settings.js';
import { UsageError } from './cli-io.js';

/**
 * The conventions a note may leave open, as flags of every command that evaluates (check, eval, render,
 * export). They mirror the editor settings `credal.ddt.*` and `credal.conditioning.*`, with the same
 * defaults; an explicit clause in the note wins over both.
 */
const FLAGS = [
    { flag: 'ddt-semantics', key: 'ddtSemantics', allowed: DDT_SEMANTICS },
    { flag: 'ddt-inconsistent', key: 'ddtInconsistent', allowed: DDT_INCONSISTENT },
    { flag: 'zero-conditioning', key: 'zeroConditioning', allowed: ZERO_CONDITIONING }
] as const;

export const CONVENTION_FLAGS: readonly string[] = FLAGS.map((f) => f.flag);

export const CONVENTION_HELP: readonly string[] = [
    'Conventions for what a note leaves open (a clause in the note always wins):',
    '--ddt-semantics strict|nirvana0            a ddt without `semantics` (default strict)',
    '--ddt-inconsistent error|exclude|nirvana   a ddt without `inconsistent` (default error)',
    '--zero-conditioning regular|natural        K | B when lower P(B) = 0 < upper P(B) (default regular)'
];

/** The settings chosen by the flags; a value that is not one of the choices is a usage error (exit 2). */
export function conventionSettings(flags: ReadonlyMap<string, string | true>): Partial<EvaluationSettings> {
    const settings: Record<string, string> = {};
    for (const { flag, key, allowed } of FLAGS) {
        const value = flags.get(flag);
        if (value === undefined) continue;
        if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
            throw new UsageError(`--${flag} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}${typeof value === 'string' ? `, not '${value}'` : ''}`);
        }
        settings[key] = value;
    }
    return settings as Partial<EvaluationSettings>;
}
