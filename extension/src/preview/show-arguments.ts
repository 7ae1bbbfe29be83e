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

/** What `credal.preview.showTreeRule` was asked: the note, the tree's line, the tree and the rule (protocol.ts). */
interface TreeRuleTarget<U> extends ShowTarget<U> {
    tree: string;
    rule: string;
}

/**
 * The arguments of a tree's rule lens or hover link, `[uri, line, tree, rule]`; undefined when the tree or the
 * rule is missing or not a name (the command then does nothing).
 */
export function treeRuleTarget<U>(args: readonly unknown[], toUri: (value: unknown) => U | undefined): TreeRuleTarget<U> | undefined {
    const [tree, rule] = [args[2], args[3]];
    if (!isTreeRuleName(tree) || !isTreeRuleName(rule)) return undefined;
    return { ...showTarget(args, toUri), tree, rule };
}

/** A tree's or a rule's name as the webview may be told it: a short identifier-like string. */
export function isTreeRuleName(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0 && value.length <= 200 && [...value].every(ch => ch >= ' ');
}
