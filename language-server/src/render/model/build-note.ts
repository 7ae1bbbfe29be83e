import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import {
    isAssert, isConventions, isDeclaration, isDistDeclaration, isEval, isExpect, isModel, isProse,
    type Declaration, type Model, type Statement
} from '../../generated/ast.js';
import { sameFiniteSet, type FiniteSet, type Value } from '../../evaluation/values.js';
import { commentMarkdown } from '../markdown/comment-text.js';
import type { NamedDistribution } from './figures.js';
import { declarationParts } from './declaration-parts.js';
import type { BlockKind, NoteBlock, NoteModel, Part } from './parts.js';
import type { RenderEnv } from './render-env.js';
import { assertParts, evalParts } from './statement-parts.js';
import { codeText } from '../../validation/expectations.js';

/** Syntax errors shown at the top of the preview (the editor lists all of them). */
const MAX_SYNTAX_BLOCKS = 5;

/**
 * The note as blocks in document order: prose, declarations (with their doc comments), evals and
 * asserts, each with its source lines. One broken block never hides the others.
 */
export function buildNoteModel(document: LangiumDocument, env: RenderEnv, fallbackTitle: string): NoteModel {
    const statements = noteStatements(document);
    const dots = namedDistributions(statements, env);
    const blocks: NoteBlock[] = [...syntaxErrorBlocks(document)];
    const used = new Set<string>();
    for (const statement of statements) {
        if (env.token?.isCancellationRequested) break;
        blocks.push(blockOf(statement, blockFrame(statement, used), env, dots));
    }
    blocks.sort((a, b) => a.startLine - b.startLine);
    return { title: titleOf(statements) ?? fallbackTitle, blocks };
}

/** The top-level statements of a note (none when the parse produced no note at all). */
export function noteStatements(document: LangiumDocument): Statement[] {
    const root = document.parseResult.value as AstNode;
    return isModel(root) ? (root as Model).statements : [];
}

/** Where a statement's block sits and what it is called, known without rendering it. */
export interface BlockFrame {
    id: string;
    kind: BlockKind;
    name?: string;
    startLine: number;
    endLine: number;
    /** The `/** … *\/` comment shown on top of a declaration, as written. */
    docComment?: string;
}

/** `used`: the ids given so far in this note, so that each block's id is unique. */
export function blockFrame(statement: Statement, used: Set<string>): BlockFrame {
    const kind: BlockKind = isProse(statement) ? 'prose' : isEval(statement) ? 'eval' : isAssert(statement) ? 'assert' : 'declaration';
    const name = isDeclaration(statement) ? statement.name : isEval(statement) ? statement.name : undefined;
    const docComment = isDeclaration(statement) ? docCommentOf(statement) : undefined;
    const range = statement.$cstNode?.range;
    const startLine = docComment?.range.start.line ?? range?.start.line ?? 0;
    const endLine = range?.end.line ?? startLine;
    const id = uniqueId(`${kind}-${name ?? ''}-L${startLine + 1}`, used);
    return { id, kind, name, startLine, endLine, ...(docComment ? { docComment: docComment.text } : {}) };
}

/** The block of one statement; a failure becomes an error block. */
export function blockOf(statement: Statement, frame: BlockFrame, env: RenderEnv, dots: (value: Value) => NamedDistribution[]): NoteBlock {
    const { id, kind, name, startLine, endLine, docComment } = frame;
    let parts: Part[];
    try {
        parts = [
            ...(docComment !== undefined ? [{ type: 'markdown' as const, text: commentMarkdown(docComment) }] : []),
            ...partsOf(statement, env, dots)
        ];
    } catch (error) {
        return { id, kind: 'error', name, startLine, endLine, parts: [{ type: 'text', tone: 'error',
            text: `This block could not be rendered: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    return { id, kind, name, startLine, endLine, parts };
}

function partsOf(statement: Statement, env: RenderEnv, dots: (value: Value) => NamedDistribution[]): Part[] {
    if (isProse(statement)) return [{ type: 'markdown', text: commentMarkdown(statement.text) }];
    if (isEval(statement)) return evalParts(statement, env);
    if (isAssert(statement)) return assertParts(statement, env);
    if (isExpect(statement)) {
        // §8.6: shown as information, never hidden: the note demonstrates this error on purpose.
        return [{ type: 'text', tone: 'muted', text: `ℹ expected: ${statement.target?.$refText ?? '?'} raises ${codeText(statement)} (shown as information, so the note passes credal check)` }];
    }
    if (isConventions(statement)) {
        return [{ type: 'text', tone: 'muted', text: `Conventions of this note: ${statement.entries.map((e) => `${e.key} ${e.value}`).join(', ') || 'none'}` }];
    }
    return declarationParts(statement as Declaration, env, dots);
}

/** The `/** … *\/` comment right before a declaration, if any. */
function docCommentOf(node: AstNode): { text: string; range: { start: { line: number } } } | undefined {
    const comment = CstUtils.findCommentNode(node.$cstNode, ['ML_COMMENT']);
    return comment && comment.text.startsWith('/**') && !comment.text.startsWith('/**/') ? comment : undefined;
}

/** The distributions declared in the note, to mark as dots in pictures of sets on the same set. */
export function namedDistributions(statements: readonly Statement[], env: RenderEnv): (value: Value) => NamedDistribution[] {
    let all: NamedDistribution[] | undefined;
    return value => {
        if (!('set' in value) || value.kind === 'set') return [];
        all ??= statements.filter(isDistDeclaration).flatMap(declaration => {
            const result = env.values.declarationResult(declaration, env.token).value;
            return result.kind === 'distribution' ? [{ name: declaration.name, value: result }] : [];
        });
        const set = (value as { set?: FiniteSet }).set;
        if (!set) return [];
        return all.filter(d => sameFiniteSet(d.value.set, set));
    };
}

export function syntaxErrorBlocks(document: LangiumDocument): NoteBlock[] {
    const errors = [
        ...document.parseResult.lexerErrors.map(e => ({ line: (e.line ?? 1) - 1, message: e.message })),
        ...document.parseResult.parserErrors.map(e => ({ line: Number.isFinite(e.token.startLine) ? (e.token.startLine ?? 1) - 1 : 0,
        message: e.message }))
    ];
    return errors.slice(0, MAX_SYNTAX_BLOCKS).map((error, i) => ({
        id: `error-L${error.line + 1}-${i}`,
        kind: 'error',
        startLine: Math.max(0, error.line),
        endLine: Math.max(0, error.line),
        parts: [{ type: 'text', tone: 'error', text: `Syntax error on line ${error.line + 1}: ${error.message}` }]
    }));
}

/** The first heading of the first prose block. */
export function titleOf(statements: readonly Statement[]): string | undefined {
    for (const statement of statements) {
        if (!isProse(statement)) continue;
        const heading = /^#{1,6}\s+(.+)$/m.exec(commentMarkdown(statement.text));
        if (heading) return heading[1].replace(/\$([^$]*)\$/g, '$1').replace(/[*_`\\]/g, '').trim();
    }
    return undefined;
}

function uniqueId(base: string, used: Set<string>): string {
    const clean = base.replace(/[^\p{L}\p{N}_-]/gu, '_');
    let id = clean;
    for (let i = 2; used.has(id); i++) id = `${clean}-${i}`;
    used.add(id);
    return id;
}
