/**
 * The preview as format-neutral parts. One model feeds the HTML preview, the standalone page, the
 * Markdown export and the LaTeX export, so they always say the same thing.
 */

/** One table cell: a formula, plain text, or both; `mark` highlights a chosen act, `muted` a side remark. */
export interface Cell {
    tex?: string;
    text?: string;
    mark?: boolean;
    muted?: boolean;
}

/** `compact`: a small side table; `decision`: improb's layout, narrow rule columns after act, E̲ and E̅. */
export type TableStyle = 'compact' | 'decision';

export type Part =
    /** Prose or a doc comment: Markdown with `$…$` / `$$…$$` math. */
    | { type: 'markdown'; text: string }
    /**
     * A display formula; `approx` is the decimal of a non-terminating value (shown as `≈ approx`),
     * `claim` the verdict of an assert, `remark` a short plain-text aside.
     */
    | { type: 'math'; tex: string; approx?: string; claim?: 'holds' | 'fails'; remark?: string }
    /** A sentence of plain text; `tone` colours it (errors, failed claims, muted remarks). */
    | { type: 'text'; text: string; tone?: 'error' | 'ok' | 'muted' }
    /**
     * A picture (inline SVG); the text exports use `text` (Markdown) in its place, or leave it out. A decision
     * tree's drawing says which rule it highlights (`highlight`), so that the preview can offer the others.
     */
    | { type: 'figure'; svg: string; caption: string; text?: string; highlight?: TreeHighlight }
    | { type: 'table'; caption: string; head: Cell[]; rows: Cell[][]; style?: TableStyle };

/** The rule whose chosen branches a tree's drawing highlights, and every rule the preview may highlight instead. */
export interface TreeHighlight {
    tree: string;
    /** The highlighted rule's kind (`maximality`) and title (`Maximality`). */
    rule: { kind: string; title: string };
    rules: { kind: string; title: string }[];
    /** The caption is `before` + the rule's title + `after`. */
    before: string;
    after: string;
}

export type BlockKind = 'prose' | 'declaration' | 'eval' | 'assert' | 'error';

export interface NoteBlock {
    id: string;
    kind: BlockKind;
    name?: string;
    /** 0-based source lines (LSP), including a doc comment. */
    startLine: number;
    endLine: number;
    parts: Part[];
}

export interface NoteModel {
    title: string;
    blocks: NoteBlock[];
}
