import type { CliCommand } from '../command.js';
import { checkCommand } from './check.js';
import { evalCommand } from './eval.js';
import { exportCommand } from './export.js';
import { renderCommand } from './render.js';

/** Every `credal` subcommand, in the order the usage text lists them. Add eval, render and export here. */
export const COMMANDS: readonly CliCommand[] = [
    checkCommand,
    evalCommand,
    renderCommand,
    exportCommand
];
