import type { LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { CredalServices } from '../../credal-module.js';
import type { PreviewBlock } from '../../protocol.js';
import { blockHtml } from '../html/blocks-html.js';
import { blockFrame, blockOf, namedDistributions, noteStatements, syntaxErrorBlocks, titleOf,
    type BlockFrame } from '../model/build-note.js';
import type { BlockKind, NoteBlock } from '../model/parts.js';
import { RenderEnv } from '../model/render-env.js';
import type { BlockHtmlCache } from './block-html-cache.js';
import { previewBlockKeys, withDocComment } from './preview-block-keys.js';
import { ValueProbe } from './value-probe.js';

interface PreviewBlocks {
    /** The note's own title (its first heading), if it has one. */
    title?: string;
    blocks: PreviewBlock[];
}

/** A block's HTML as the renderer (worker or in-process) made it; `complete` when every formula was typeset in time. */
export interface RenderedHtml {
    readonly html: string;
    readonly complete: boolean;
}

/**
 * The preview with its HTML still to make: blocks found in the cache are done, the others are built as
 * format-neutral blocks (values read from the evaluator on this thread) for a renderer to turn into
 * HTML, in the worker or here (KaTeX is the costly part, and a note decides how costly).
 */
export interface PreviewPlan {
    readonly title?: string;
    readonly done: PreviewBlock[];
    readonly toRender: ReadonlyArray<{ readonly frame: BlockFrame; readonly block: NoteBlock; readonly cacheKey?: string }>;
}

/**
 * The preview's blocks, each block's HTML taken from `cache` when its key (preview-block-keys.ts) was
 * rendered before, in this version or an earlier one: an edit re-renders (and re-typesets) only the
 * blocks it affects. Without a cache every block is rendered. Blocks that failed, that show a value
 * that may differ next time (value-probe.ts), or that ran out of rendering time, are not cached.
 */
export function planPreview(services: CredalServices, document: LangiumDocument, token?: CancellationToken,
    cache?: BlockHtmlCache): PreviewPlan {
    const evaluator = services.evaluation.Evaluator;
    const probe = new ValueProbe(evaluator);
    const env = new RenderEnv(probe, services.linking.SetInference, token);
    const statements = noteStatements(document);
    const keys = cache ? previewBlockKeys(document, statements, evaluator, env.queryTimeMs) : undefined;
    const dots = namedDistributions(statements, env);
    const done = syntaxErrorBlocks(document).map(block => previewBlock(block, block.kind, blockHtml(block)));
    const toRender: Array<PreviewPlan['toRender'][number]> = [];
    const used = new Set<string>();
    for (const statement of statements) {
        if (token?.isCancellationRequested) break;
        const frame = blockFrame(statement, used);
        const statementKey = keys?.get(statement);
        const key = statementKey === undefined ? undefined : withDocComment(statementKey, frame.docComment);
        const hit = key === undefined ? undefined : cache?.get(key);
        if (hit) {
            done.push(previewBlock(frame, hit.kind, hit.html));
            continue;
        }
        probe.reset();
        const block = blockOf(statement, frame, env, dots);
        const cacheable = key !== undefined && block.kind !== 'error' && !probe.unsettled;
        toRender.push({ frame, block, ...(cacheable ? { cacheKey: key } : {}) });
    }
    return { title: titleOf(statements), done, toRender };
}

/** The preview once the plan's blocks have their HTML (in the plan's order); complete blocks go into `cache`. */
export function finishPreview(plan: PreviewPlan, rendered: readonly RenderedHtml[],
    cache?: BlockHtmlCache, token?: CancellationToken): PreviewBlocks {
    const blocks = [...plan.done];
    plan.toRender.forEach(({ frame, block, cacheKey }, index) => {
        const { html, complete } = rendered[index] ?? { html: notRenderedHtml('the renderer stopped'), complete: false };
        if (cacheKey !== undefined && complete && !token?.isCancellationRequested) cache?.set(cacheKey, { kind: block.kind, html });
        blocks.push(previewBlock(frame, block.kind, html));
    });
    blocks.sort((a, b) => a.startLine - b.startLine);
    return { title: plan.title, blocks };
}

/** The placeholder of a block that was not rendered, saying why. */
export function notRenderedHtml(why: string): string {
    return `<p class="credal-text credal-muted credal-not-rendered">This block was not rendered: ${why.replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`)}.</p>`;
}

function previewBlock(frame: Pick<BlockFrame, 'id' | 'name' | 'startLine' | 'endLine'>, kind: BlockKind, html: string): PreviewBlock {
    const block: PreviewBlock = { id: frame.id, kind, startLine: frame.startLine, endLine: frame.endLine, html };
    if (frame.name !== undefined) block.name = frame.name;
    return block;
}
