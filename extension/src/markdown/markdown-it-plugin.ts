/**
 * The markdown-it plugin VS Code's built-in Markdown preview loads (`markdown.markdownItPlugins`, returned
 * from `activate` as `extendMarkdownIt`): each ```credal fence is shown as the Credal preview shows it, with
 * HTML the language server rendered (KaTeX, SVG; no script). Other fences are left to the previous renderer.
 */
import type { MarkdownIt } from 'markdown-it';
import { isCredalInfo } from '../../../language-server/src/markdown/credal-fences.js';
import type { FencePreviews } from './fence-previews.js';

type FenceRule = NonNullable<MarkdownIt['renderer']['rules']['fence']>;

/** The document the Markdown preview renders: it passes its Uri in markdown-it's `env.currentDocument`. */
function currentDocument(env: unknown): string | undefined {
    const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    return typeof document === 'object' && document !== null ? String(document) : undefined;
}

export function credalFencePlugin(previews: FencePreviews): (md: MarkdownIt) => MarkdownIt {
    return md => {
        const previous: FenceRule = md.renderer.rules.fence
            ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
        md.renderer.rules.fence = (tokens, idx, options, env, self) => {
            const token = tokens[idx];
            const uri = currentDocument(env);
            if (!isCredalInfo(token.info) || uri === undefined) return previous(tokens, idx, options, env, self);
            const index = tokens.slice(0, idx).filter(t => t.type === 'fence' && isCredalInfo(t.info)).length;
            const html = previews.fenceHtml(uri, { openLine: token.map?.[0], index });
            if (html === undefined) return previous(tokens, idx, options, env, self);
            // The preview's scroll sync finds blocks by class code-line and data-line.
            const line = token.map ? ` class="code-line" data-line="${token.map[0]}"` : '';
            return `<div${line}>${html}</div>\n`;
        };
        return md;
    };
}
