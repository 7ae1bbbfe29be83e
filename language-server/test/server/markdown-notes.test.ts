import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CodeLensRequest, CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest,
    PrepareRenameRequest, RenameRequest, type Diagnostic, type MarkupContent, type Position
} from 'vscode-languageserver-protocol/node';
import { ExportRequestMethod, MarkdownFencesRequestMethod, type ExportParams, type ExportResult, type MarkdownFencesResult } from '../../src/protocol.js';
import { PublishedDiagnostics, startStdioServer, type StdioServer } from '../support/stdio-server.js';

// A Markdown file's credal fences are one note, served by the bundled server over stdio at Markdown-file
// positions; prose, fence markers and other languages' fences get nothing.

const URI = 'file:///notes/post.md';
const POST = [
    '# Betting on a coin',                                   // 0
    '',                                                      // 1
    'Prose that looks like Credal: set Coin = {heads}',      // 2
    '',                                                      // 3
    '```credal',                                             // 4
    'set Coin = {heads, tails}',                             // 5
    'credal K on Coin = { P({heads}) in [1/3, 2/3] }',       // 6
    '```',                                                   // 7
    '',                                                      // 8
    '```python',                                             // 9
    'credal broken = = =',                                   // 10
    '```',                                                   // 11
    '',                                                      // 12
    'More prose between the blocks.',                        // 13
    '',                                                      // 14
    '```credal',                                             // 15
    'gamble bet on Coin = {heads: 1, tails: -1}',            // 16
    'eval lowerE(K, bet)',                                   // 17
    'dist bad on Coin = {heads: 1/2, tails: 1/3}',           // 18
    '```',                                                   // 19
    ''
].join('\n');

let stdio: StdioServer;
const diagnostics = new PublishedDiagnostics(URI, () => stdio?.stderr() ?? '');

beforeAll(async () => {
    stdio = await startStdioServer({
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {},
            hover: { contentFormat: ['markdown'] } } },
        handlers: connection => diagnostics.listen(connection)
    });
    await stdio.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'markdown',
        version: 1, text: POST } });
}, 120_000);

afterAll(() => stdio?.stop());

const at = (line: number, character: number): { textDocument: { uri: string }; position: Position } => ({ textDocument: { uri: URI },
    position: { line, character } });
const hoverText = async (line: number, character: number) =>
    ((await stdio.connection.sendRequest(HoverRequest.type, at(line, character)))?.contents as MarkupContent | undefined)?.value;

describe('a Markdown file with credal fences, over stdio', () => {
    it('publishes diagnostics inside the fences only, at Markdown-file positions', async () => {
        const list: Diagnostic[] = await diagnostics.first(0, codes => codes.includes('E-DIST-SUM@19'));
        expect(list.map(d => d.range.start.line).every(line => (line > 4 && line < 7) || (line > 15 && line < 19))).toBe(true);
        const sum = list.find(d => d.code === 'E-DIST-SUM')!;
        expect(sum.range.start.line).toBe(18);
        expect(sum.message).toMatch(/1\/6/);
    });

    it('hovers inside a fence, across fences (one note), and nowhere in prose or markers', async () => {
        expect(await hoverText(17, 12)).toMatch(/K/);
        expect(await hoverText(16, 14)).toMatch(/Coin/);
        expect(await hoverText(2, 34)).toBeUndefined();
        expect(await hoverText(4, 4)).toBeUndefined();
        expect(await hoverText(10, 2)).toBeUndefined();
    });

    it('completes inside a fence and not in prose', async () => {
        const inside = await stdio.connection.sendRequest(CompletionRequest.type, at(17, 12));
        const items = Array.isArray(inside) ? inside : inside?.items ?? [];
        expect(items.map(item => item.label)).toContain('K');
        expect(await stdio.connection.sendRequest(CompletionRequest.type, at(13, 4))).toBeNull();
    });

    it('goes to a definition in another fence, and renames across fences at the right positions', async () => {
        const definition = await stdio.connection.sendRequest(DefinitionRequest.type, at(17, 12));
        const target = (Array.isArray(definition) ? definition[0]
            : definition) as { targetRange?: { start: Position }; range?: { start: Position } };
        expect((target.targetRange ?? target.range)?.start.line).toBe(6);
        expect(await stdio.connection.sendRequest(PrepareRenameRequest.type, at(2, 34))).toBeNull();
        const edit = await stdio.connection.sendRequest(RenameRequest.type, { ...at(17, 12), newName: 'Kappa' });
        const lines = (edit?.changes?.[URI] ?? []).map(e => `${e.range.start.line}:${e.range.start.character}`).sort();
        expect(lines).toEqual(['17:12', '6:7']);
    });

    it('leaves formatting, outline and folding of the Markdown file to Markdown', async () => {
        expect(await stdio.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2,
            insertSpaces: true } })).toBeNull();
        expect(await stdio.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })).toBeNull();
        expect(await stdio.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } })).toBeNull();
    });

    it('shows inlay hints and code lenses only inside fences', async () => {
        const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
        const hints = await stdio.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: URI }, range }) ?? [];
        expect(hints.every(hint => hint.position.line > 15 && hint.position.line < 19)).toBe(true);
        const lenses = await stdio.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } }) ?? [];
        expect(lenses.every(lens => (lens.range.start.line > 4 && lens.range.start.line < 7) || (lens.range.start.line > 15
            && lens.range.start.line < 19))).toBe(true);
    });

    it('renders each fence for the Markdown preview', async () => {
        const result = await stdio.connection.sendRequest<MarkdownFencesResult>(MarkdownFencesRequestMethod,
            { textDocument: { uri: URI } });
        expect(result.fences.map(f => [f.openLine, f.closeLine])).toEqual([[4, 7], [15, 19]]);
        expect(result.fences[0].html).toMatch(/class="katex/);
        expect(result.fences[0].html).toMatch(/<svg/);
        expect(result.fences[1].html).toMatch(/credal-block-eval/);
        expect(result.fences.map(f => f.html).join('')).not.toMatch(/<script/i);
    });

    it('exports the post by the render worker, with every value: its prose as written, each credal fence rendered, other fences kept', async () => {
        const ask = (format: ExportParams['format']) => stdio.connection.sendRequest<ExportResult>(ExportRequestMethod,
            { textDocument: { uri: URI }, format } satisfies ExportParams);
        const markdown = (await ask('markdown'))!.text;
        expect(markdown.startsWith('# Betting on a coin\n\nProse that looks like Credal: set Coin = {heads}\n')).toBe(true);
        expect(markdown).toContain('More prose between the blocks.');
        expect(markdown).toContain('```python\ncredal broken = = =\n```');
        expect(markdown).not.toContain('```credal');
        // An export is a finished document: it waits for the values the worker computes (the preview shows them as they come).
        expect(markdown).toContain('$$\\underline{E}_{\\mathcal{K}}[\\mathrm{bet}]=-\\tfrac{1}{3}\\approx -0.3333$$');
        expect(markdown).not.toContain('Being computed');
        const latex = (await ask('latex'))!.text;
        expect(latex).toContain('\\begin{document}');
        expect(latex).toContain('More prose between the blocks.');
    });

    it('follows incremental edits of the prose: positions shift with the Markdown file', async () => {
        const from = diagnostics.published.length;
        await stdio.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: URI, version: 2 },
            contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
                text: 'A new paragraph, eval 1/0.\n\n' }]
        });
        const list = await diagnostics.first(from, codes => codes.includes('E-DIST-SUM@21'));
        expect(list.map(d => d.code)).not.toContain('E-SYNTAX');
        expect(await hoverText(19, 12)).toMatch(/K/);
        expect(stdio.stderr()).not.toMatch(/uncaught|unhandled/i);
    });
});
