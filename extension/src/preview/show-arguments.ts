/**
 * What "Open Preview" and "Open Preview to the Side" were asked to show. Their arguments depend on
 * where they come from:
 * - the command palette and the keybindings: none (the note of the active editor);
 * - the editor-title and explorer menus: the note's Uri, then a context object or the selected Uris;
 * - the "Show in preview" code lens (the language server): the note's URI as a string and the 0-based
 *   line of the declaration to scroll to.
 * Free of vscode: the caller turns a first argument into its Uri type (or undefined when it is none).
 */
interface ShowTarget<U> {
    resource?: U;
    /** A source line (0-based): the preview scrolls to the block that holds it and highlights it. */
    line?: number;
}

export function showTarget<U>(args: readonly unknown[], toUri: (value: unknown) => U | undefined): ShowTarget<U> {
    const target: ShowTarget<U> = {};
    const resource = args.length > 0 && args[0] !== undefined && args[0] !== null ? toUri(args[0]) : undefined;
    if (resource !== undefined) target.resource = resource;
    const line = args[1];
    if (typeof line === 'number' && Number.isSafeInteger(line) && line >= 0) target.line = line;
    return target;
}
