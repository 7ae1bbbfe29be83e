import { randomBytes } from 'node:crypto';
import { chmod, lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';

/** Files the CLI never writes over, input or not: notes. (Any input, whatever its extension, is refused too.) */
const NOTE_EXTENSIONS = new Set(['.cred']);

/** Help lines for the flag that allows writing through a symbolic link. */
export const FORCE_HELP = [
    '--force             write through a symbolic link at the output path (never over a .cred file or',
    '                    over the input note)'
];

export interface SafeWriteOptions {
    /** The files the command read: never written over, whatever the output is called. */
    readonly inputs: readonly string[];
    /** Write through a symbolic link at the output path (to the file it points to). */
    readonly force: boolean;
}

export type SafeWriteResult =
    | { readonly written: string; readonly replaced: boolean }
    | { readonly refused: string };

/**
 * Writes `text` to `target` only if that cannot destroy a note: never over an input (however it is
 * named: the same file through a link or another path counts) nor over any `.cred` file, never through
 * a symbolic link unless `force`, and always through a temporary file in the same folder renamed into
 * place, so a failed write leaves the old file whole.
 */
export async function writeSafely(target: string, text: string, options: SafeWriteOptions): Promise<SafeWriteResult> {
    let destination = target;
    const link = await lstat(target).catch(() => undefined);
    if (link?.isSymbolicLink()) {
        if (!options.force) return { refused: 'is a symbolic link; pass --force to write to the file it points to' };
        destination = await realpath(target).catch(() => path.resolve(path.dirname(target), target));
    }
    if (NOTE_EXTENSIONS.has(path.extname(destination).toLowerCase())) {
        return { refused: 'is a Credal note (.cred); choose an output name with another extension' };
    }
    const existing = await stat(destination).catch(() => undefined);
    if (existing && !existing.isFile()) return { refused: 'exists and is not a regular file' };
    for (const input of options.inputs) {
        const read = await stat(input).catch(() => undefined);
        const same = existing && read ? existing.dev === read.dev && existing.ino === read.ino
            : path.resolve(input) === path.resolve(destination);
        if (same) return { refused: 'is the input note; choose another output name' };
    }
    const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        const handle = await open(temporary, 'wx', existing ? existing.mode & 0o777 : 0o644);
        try {
            await handle.writeFile(text, 'utf8');
        } finally {
            await handle.close();
        }
        if (existing) await chmod(temporary, existing.mode & 0o777);
        await rename(temporary, destination);
    } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
    }
    return { written: destination, replaced: existing !== undefined };
}
