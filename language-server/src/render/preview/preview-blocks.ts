import type { LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { CredalServices } from '../../credal-module.js';
import type { PreviewBlock } from '../../protocol.js';
import { blockHtml } from '../html/blocks-html.js';
import { blockFrame, blockOf, namedDistributions, noteStatements, syntaxErrorBlocks, titleOf,
    type BlockFrame } from '../model/build-note.js';
import type { BlockKind } from '../model/parts.js';
import { RenderEnv } from '../model/render-env.js';
import type { BlockHtmlCache } from './block-html-cache.js';
import { previewBlockKeys, withDocComment } from './preview-block-keys.js';
import { ValueProbe } from './value-probe.js';

export interface PreviewBlocks {
    /** The note's own title (its first heading), if it has one. */
    title?: string;
    blocks: PreviewBlock[];
}

/**
 * The preview's blocks, each block's HTML taken from `cache` when its key (preview-block-keys.ts) was
 * rendered before, in this version or an earlier one: an edit re-renders (and re-typesets) only the
 * blocks it affects. Without a cache every block is rendered. Blocks that failed, or that show a value
 * that may differ next time (value-probe.ts), are not cached.
 */
export function previewBlocks(services: CredalServices, document: LangiumDocument, token?: CancellationToken,
    cache?: BlockHtmlCache): PreviewBlocks {
    const evaluator = services.evaluation.Evaluator;
    const probe = new ValueProbe(evaluator);
    const env = new RenderEnv(probe, services.linking.SetInference, token);
    const statements = noteStatements(document);
    const keys = cache ? previewBlockKeys(document, statements, evaluator, env.queryTimeMs) : undefined;
    const dots = namedDistributions(statements, env);
    const blocks = syntaxErrorBlocks(document).map(block => previewBlock(block, block.kind, blockHtml(block)));
    const used = new Set<string>();
    for (const statement of statements) {
        if (token?.isCancellationRequested) break;
        const frame = blockFrame(statement, used);
        const statementKey = keys?.get(statement);
        const key = statementKey === undefined ? undefined : withDocComment(statementKey, frame.docComment);
        const hit = key === undefined ? undefined : cache?.get(key);
        if (hit) {
            blocks.push(previewBlock(frame, hit.kind, hit.html));
            continue;
        }
        probe.reset();
        const block = blockOf(statement, frame, env, dots);
        const html = blockHtml(block);
        if (key !== undefined && block.kind !== 'error' && !probe.unsettled && !token?.isCancellationRequested) {
            cache?.set(key, { kind: block.kind, html });
        }
        blocks.push(previewBlock(frame, block.kind, html));
    }
    blocks.sort((a, b) => a.startLine - b.startLine);
    return { title: titleOf(statements), blocks };
}

function previewBlock(frame: Pick<BlockFrame, 'id' | 'name' | 'startLine' | 'endLine'>, kind: BlockKind, html: string): PreviewBlock {
    const block: PreviewBlock = { id: frame.id, kind, startLine: frame.startLine, endLine: frame.endLine, html };
    if (frame.name !== undefined) block.name = frame.name;
    return block;
}
