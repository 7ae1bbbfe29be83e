/**
 * What the extension accepts from its webview and from a saved panel state: both come from a page that
 * shows a note's content, so they are checked like any outside input. Pure functions (tested without VS Code).
 */

/** A source line from the webview: a finite number, floored and never negative; anything else is ignored. */
export function sourceLine(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined;
}

/** Where notes live: on disk, unsaved, in a remote or virtual workspace. */
const NOTE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** The note a saved panel showed, when its state names one in a place notes live (`file:`…), else undefined. */
export function restorableResource(state: unknown): { resource: string; line?: number } | undefined {
    if (typeof state !== 'object' || state === null) return undefined;
    const { resource, line } = state as { resource?: unknown; line?: unknown };
    if (typeof resource !== 'string') return undefined;
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(resource)?.[1]?.toLowerCase();
    if (scheme === undefined || !NOTE_SCHEMES.has(scheme)) return undefined;
    const restoredLine = sourceLine(line);
    return restoredLine === undefined ? { resource } : { resource, line: restoredLine };
}
