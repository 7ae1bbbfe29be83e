/**
 * The conditioning convention in force for a note (SEMANTICS §A.4.12): how to condition on an event of
 * lower probability 0. Read through this one function so that a note-level `conventions { conditioning … }`
 * (LANGUAGE §8.5) plugs in here; today it is the editor setting or the CLI flag.
 */
import type { ZeroConditioning } from '../math/credal-set.js';
import type { EvalContext } from './context.js';

export function conditioningConvention(ctx: EvalContext): ZeroConditioning {
    return ctx.settings.zeroConditioning;
}
