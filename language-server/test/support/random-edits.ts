/**
 * Seeded random edits of a note's text, the kind typing makes: characters typed or deleted anywhere,
 * a line duplicated or removed, a statement or a comment inserted, brackets opened and closed.
 */
export interface TextEdit { readonly offset: number; readonly length: number; readonly text: string }

/** A small seeded generator (mulberry32): the same seed gives the same edits. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const TYPED = ['1', '7', 'a', 'x', ' ', '\n', '(', ')', '{', '}', ',', '/', '*', '!', '=', '+', '-', ':', '.', 'P', '\u222a'];
const SNIPPETS = [
    '\nlet fresh = 2/3\n', '\n/** A doc comment. */\n', '\n/*! A paragraph of prose with $x^2$. */\n', ' // a line comment\n',
    '\neval 1 + 1\n', '\nassert 1/3 + 1/3 <= 1\n', 'let ', 'set T = {u, v}\n', '\n/* unclosed', '*/', '{', '}', '(', ')'
];

/** One random edit of `text`. */
export function randomEdit(text: string, random: () => number): TextEdit {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const offset = Math.floor(random() * (text.length + 1));
    const kind = random();
    if (kind < 0.35) return { offset, length: 0, text: pick(TYPED) };
    if (kind < 0.6) return { offset, length: Math.min(text.length - offset, 1 + Math.floor(random() * 4)), text: '' };
    if (kind < 0.75) return { offset, length: 0, text: pick(SNIPPETS) };
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = text.indexOf('\n', offset);
    const end = lineEnd < 0 ? text.length : lineEnd + 1;
    if (kind < 0.87) return { offset: lineStart, length: end - lineStart, text: '' };
    return { offset: end, length: 0, text: text.slice(lineStart, end) };
}

export function applyEdit(text: string, edit: TextEdit): string {
    return text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
}
