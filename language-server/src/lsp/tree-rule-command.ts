/**
 * The extension's `credal.preview.showTreeRule` (protocol.ts): shows a decision tree in the preview with one
 * rule's chosen branches highlighted (LANGUAGE §9.3). The tree's code lenses carry it as their command, its
 * hover as command links (which the extension trusts for this command only).
 */
import type { Command } from 'vscode-languageserver';
import { ShowTreeRuleCommand, type ShowTreeRuleArguments } from '../protocol.js';

/** Where a tree is: the note's URI, its 0-based line, its name. */
export interface TreeTarget {
    readonly uri: string;
    readonly line: number;
    readonly tree: string;
}

function showTreeRuleArguments(target: TreeTarget, rule: string): ShowTreeRuleArguments {
    return [target.uri, target.line, target.tree, rule];
}

/** A lens that shows `target` in the preview with `rule`'s chosen branches highlighted. */
export function showTreeRuleCommand(title: string, target: TreeTarget, rule: string): Command {
    return { title, command: ShowTreeRuleCommand, arguments: showTreeRuleArguments(target, rule) };
}

/** The same as a Markdown command link (hover). */
export function showTreeRuleLink(label: string, target: TreeTarget, rule: string): string {
    const query = encodeURIComponent(JSON.stringify(showTreeRuleArguments(target, rule)));
    return `[${label}](command:${ShowTreeRuleCommand}?${query} "Highlight in the preview")`;
}
