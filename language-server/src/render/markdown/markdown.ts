import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';
import { commentMarkdown } from './comment-text.js';
import { mathPlugin } from './math-plugin.js';

/** Links may leave the page only for the web or mail; `javascript:`, `data:`, `file:` … stay text. */
const SAFE_LINK = /^(https?:\/\/|mailto:|#)/i;

/** Whether the preview keeps a link to `url` (as markdown-it reads it, entities decoded); the Markdown export asks the same. */
export function isSafeLink(url: string): boolean {
    return SAFE_LINK.test(url.trim());
}

/**
 * Markdown as prose blocks and doc comments are written: no raw HTML (it is shown as text), no images
 * (nothing is fetched), links checked, `$` math typeset by KaTeX.
 */
function createMarkdown(): Markdown {
    const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
    md.validateLink = isSafeLink;
    md.disable('image');
    md.use(mathPlugin);
    const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index,
        options));
    md.renderer.rules.link_open = (tokens, index, options, env, self) => {
        tokens[index].attrSet('rel', 'noopener noreferrer');
        return renderLinkOpen(tokens, index, options, env, self);
    };
    return md;
}

let shared: Markdown | undefined;

/** Markdown text → sanitized HTML with typeset math. Never throws. */
export function renderMarkdown(text: string): string {
    shared ??= createMarkdown();
    try {
        return shared.render(text);
    } catch {
        return `<pre>${shared.utils.escapeHtml(text)}</pre>`;
    }
}

/** A prose block or doc comment (with its delimiters) → HTML. */
export function renderComment(comment: string): string {
    return renderMarkdown(commentMarkdown(comment));
}
