/**
 * Runs one note through everything the language server does with it, the way LSP requests reach the
 * services: the full build with every validation category (cheap and expensive), then hover and
 * completion at given offsets, definition, inlay hints, code lenses, document symbols, folding,
 * semantic tokens, formatting, code actions and the `credal/preview` request, each under a time budget.
 * A problem is an exception, an E-INTERNAL diagnostic, an internal error logged to the console, a
 * preview error block, or a request over its budget.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { CancellationToken, type Diagnostic, type Position } from 'vscode-languageserver';
import { createCredalServices, type CredalServices } from '../../src/credal-module.js';
import { controlSequences } from '../../src/render/formula-guard.js';
import { exportNote, noteModelOf, previewOf } from '../../src/render/note-renderer.js';

export interface Problem {
    readonly request: string;
    readonly kind: 'exception' | 'over-budget' | 'internal-error' | 'console-error' | 'unsafe-export';
    readonly detail: string;
}

/** Milliseconds each step may take. Generous: the machine is shared; a hang or a runaway LP is far above. */
export const BUDGETS_MS: Readonly<Record<string, number>> = {
    build: 20_000, hover: 4_000, completion: 4_000, definition: 2_000, inlayHints: 8_000, codeLenses: 8_000,
    symbols: 2_000, folding: 2_000, semanticTokens: 3_000, formatting: 3_000, codeActions: 4_000, preview: 12_000,
    export: 12_000
};

/** Evaluation budget inside the fuzzer: every computation stops (E-BUDGET) well within the step budgets. */
const EVALUATION_SETTINGS = { evaluation: { timeoutMs: 1_500, maxSteps: 200_000 } };

export interface Harness {
    readonly services: { shared: ReturnType<typeof createCredalServices>['shared']; Credal: CredalServices };
    exercise(text: string, offsets: readonly number[], timings?: Map<string, number>): Promise<Problem[]>;
}

export function createHarness(): Harness {
    const services = createCredalServices(EmptyFileSystem);
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { credal: EVALUATION_SETTINGS } });
    let counter = 0;
    return {
        services,
        exercise: (text, offsets, timings) => exerciseNote(services, text, offsets, `file:///fuzz/case${++counter}.cred`, timings)
    };
}

async function exerciseNote(services: Harness['services'], text: string, offsets: readonly number[], uri: string, timings?: Map<string,
    number>): Promise<Problem[]> {
    const problems: Problem[] = [];
    const consoleErrors: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => { consoleErrors.push(args.map(String).join(' ').slice(0, 2000)); };
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const credal = services.Credal;
    const documentUri = URI.parse(uri);
    try {
        const document = LangiumDocumentFactory.fromString(text, documentUri);
        LangiumDocuments.addDocument(document);
        const step = async (request: string, run: () => unknown): Promise<unknown> => {
            const started = performance.now();
            try {
                return await run();
            } catch (error) {
                problems.push({ request, kind: 'exception', detail: describe(error) });
                return undefined;
            } finally {
                const elapsed = performance.now() - started;
                timings?.set(request, (timings.get(request) ?? 0) + elapsed);
                if (elapsed > (BUDGETS_MS[request] ?? 2_000)) {
                    problems.push({ request, kind: 'over-budget', detail: `${Math.round(elapsed)} ms > ${BUDGETS_MS[request]} ms` });
                }
            }
        };
        const token = CancellationToken.None;
        const id = { uri };
        const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };

        await step('build', () => DocumentBuilder.build([document], { validation: true }));
        for (const diagnostic of document.diagnostics ?? []) {
            if (codeOf(diagnostic) === 'E-INTERNAL') problems.push({ request: 'build', kind: 'internal-error',
                detail: String(diagnostic.message) });
        }
        const positions: Position[] = offsets.map((fraction) => document.textDocument.positionAt(Math.floor(fraction * (text.length + 1))));
        const lsp = credal.lsp;
        for (const position of positions) {
            await step('hover', () => lsp.HoverProvider?.getHoverContent(document, { textDocument: id, position }, token));
            await step('completion', () => lsp.CompletionProvider?.getCompletion(document, { textDocument: id, position }, token));
            await step('definition', () => lsp.DefinitionProvider?.getDefinition(document, { textDocument: id, position }, token));
        }
        await step('inlayHints', () => lsp.InlayHintProvider?.getInlayHints(document, { textDocument: id, range: whole }, token));
        await step('codeLenses', () => lsp.CodeLensProvider?.provideCodeLens(document, { textDocument: id }, token));
        await step('symbols', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument: id }, token));
        await step('folding', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument: id }, token));
        await step('semanticTokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument: id }, token));
        await step('formatting', () => lsp.Formatter?.formatDocument(document, { textDocument: id, options: { tabSize: 4,
            insertSpaces: true } }, token));
        await step('codeActions', () => lsp.CodeActionProvider?.getCodeActions(document, {
            textDocument: id, range: whole, context: { diagnostics: document.diagnostics ?? [] }
        }, token));
        const preview = await step('preview', () => previewOf(credal, document, token)) as { blocks?: { id: string }[] } | undefined;
        if (preview?.blocks?.some((block) => block.id === 'error-internal')) {
            problems.push({ request: 'preview', kind: 'internal-error', detail: 'the preview rendered its internal-error block' });
        }
        const exported = await step('export', () => {
            const model = noteModelOf(credal, document, token);
            return (['markdown', 'latex', 'html'] as const).map((format) => exportNote(model, format));
        }) as string[] | undefined;
        const unsafe = exported?.[1] === undefined ? undefined : unsafeLatex(exported[1]);
        if (unsafe) problems.push({ request: 'export', kind: 'unsafe-export', detail: `the LaTeX export contains ${unsafe}` });
    } catch (error) {
        problems.push({ request: 'harness', kind: 'exception', detail: describe(error) });
    } finally {
        console.error = originalError;
        try {
            await DocumentBuilder.update([], [documentUri]);
        } catch (error) {
            problems.push({ request: 'close', kind: 'exception', detail: describe(error) });
        }
    }
    for (const message of consoleErrors) problems.push({ request: 'console', kind: 'console-error', detail: message });
    return problems;
}

/** Commands that read or write files, run programs or define macros: never in an export (outside verbatim code). */
const UNSAFE_COMMANDS = new Set(['input', 'include', 'write', 'openin', 'openout', 'read', 'csname', 'immediate', 'def', 'gdef', 'edef', 'xdef', 'let', 'catcode']);

/** The first unsafe command of a LaTeX export as TeX reads it (`\\def` is a line break and letters), or undefined. */
function unsafeLatex(tex: string): string | undefined {
    const outsideVerbatim = tex.replace(/\\begin\{verbatim\}[\s\S]*?\\end\{verbatim\}/g, '');
    for (const command of controlSequences(outsideVerbatim)) if (UNSAFE_COMMANDS.has(command.name)) return `\\${command.name}`;
    return outsideVerbatim.includes('^^') ? '^^' : undefined;
}

function codeOf(diagnostic: Diagnostic): unknown {
    return (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
}

function describe(error: unknown): string {
    return error instanceof Error ? (error.stack ?? error.message).slice(0, 2000) : String(error);
}

export type { LangiumDocument };
