import type { LangiumDocument, ValidationOptions } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { CancellationToken, type Diagnostic, type Range } from 'vscode-languageserver';
import { IncrementalDocumentValidator } from './incremental-document-validator.js';
import { applyExpectations } from './expectations.js';
import { statementAt, statementPrints, type StatementPrint } from '../linking/statement-fingerprints.js';

/** The Langium validation category of the expensive checks (LP-based; LANGIUM-NOTES d16). */
const EXPENSIVE_CATEGORY = 'slow';

/** A position inside a statement: the statement's key and the offset from its start. */
interface Anchor { key: string; relative: number }

interface SavedDiagnostic {
    readonly diagnostic: Diagnostic;
    readonly owner: StatementPrint;
    /** Every range in the diagnostic (its own, related information, quick-fix data), by path. */
    readonly anchors: ReadonlyMap<Range, { start: Anchor; end: Anchor } | undefined>;
}

/**
 * Expensive diagnostics outlive the keystroke after a save, but never their truth.
 *
 * Typing validates only the cheap categories; the expensive ones (coherence, redundancy, emptiness,
 * eval/assert results) run on save and in the CLI. Without help, the first keystroke after a save would
 * wipe them (Langium rebuilds the document from scratch). So each run that includes the expensive
 * category remembers its expensive diagnostics with the statement they belong to; each cheap-only run
 * puts back those whose statement, and every declaration it depends on, is textually unchanged, moved
 * to where the statement now is. A diagnostic of a statement that was edited, or that depends on an
 * edited declaration, disappears until the next save: stale results are never shown.
 */
export class SaveAwareDocumentValidator extends IncrementalDocumentValidator {
    private readonly saved = new Map<string, SavedDiagnostic[]>();
    /** Diagnostics this validator put back; a later expensive run on the same version replaces them. */
    private readonly carried = new WeakSet<Diagnostic>();
    private readonly registry: LangiumServices['validation']['ValidationRegistry'];

    constructor(services: LangiumServices) {
        super(services);
        this.registry = services.validation.ValidationRegistry;
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) this.saved.delete(uri.toString());
        });
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {},
        token = CancellationToken.None): Promise<Diagnostic[]> {
        const requested = options.categories ?? [...this.registry.getAllValidationCategories(document)];
        if (!requested.includes(EXPENSIVE_CATEGORY)) {
            const cheap = await super.validateDocument(document, options, token);
            return withoutRepeats(document, applyExpectations(document, [...cheap, ...this.carryForward(document)], false));
        }
        // A fresh expensive run replaces whatever was carried into this version's diagnostics.
        if (document.diagnostics) {
            const kept = document.diagnostics.filter((d) => !this.carried.has(d));
            document.diagnostics.splice(0, document.diagnostics.length, ...kept);
        }
        const others = requested.filter((c) => c !== EXPENSIVE_CATEGORY);
        const cheap = others.length > 0 ? await super.validateDocument(document, { ...options, categories: others }, token) : [];
        const raw = await super.validateDocument(document, { ...options, categories: [EXPENSIVE_CATEGORY] }, token);
        // `expect` turns expected diagnostics into information and decides E-EXPECT now that every check ran.
        const all = applyExpectations(document, [...cheap, ...raw], true);
        const expensive = all.slice(cheap.length);
        if (!token.isCancellationRequested) this.remember(document, expensive);
        return withoutRepeats(document, all);
    }

    private remember(document: LangiumDocument, diagnostics: readonly Diagnostic[]): void {
        const prints = statementPrints(document);
        const uri = document.uri.toString();
        const anchorOf = (range: Range): { start: Anchor; end: Anchor } | undefined => {
            const start = document.textDocument.offsetAt(range.start);
            const end = document.textDocument.offsetAt(range.end);
            const owner = statementAt(prints, start);
            if (!owner || end > owner.end) return undefined;
            return { start: { key: owner.key, relative: start - owner.start }, end: { key: owner.key, relative: end - owner.start } };
        };
        const saved: SavedDiagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const owner = statementAt(prints, document.textDocument.offsetAt(diagnostic.range.start));
            if (!owner) continue;
            const anchors = new Map<Range, { start: Anchor; end: Anchor } | undefined>();
            for (const range of rangesIn(diagnostic, uri)) anchors.set(range, anchorOf(range));
            saved.push({ diagnostic, owner, anchors });
        }
        this.saved.set(uri, saved);
    }

    private carryForward(document: LangiumDocument): Diagnostic[] {
        const saved = this.saved.get(document.uri.toString());
        if (!saved || saved.length === 0) return [];
        const now = new Map(statementPrints(document).map((print) => [print.key, print]));
        const unchanged = (old: StatementPrint): StatementPrint | undefined => {
            const current = now.get(old.key);
            return current && current.fingerprint === old.fingerprint ? current : undefined;
        };
        const moved = (range: Range, anchors: SavedDiagnostic['anchors']): Range | undefined => {
            const anchor = anchors.get(range);
            const start = anchor && now.get(anchor.start.key);
            if (!anchor || !start) return undefined;
            return {
                start: document.textDocument.positionAt(start.start + anchor.start.relative),
                end: document.textDocument.positionAt(start.start + anchor.end.relative)
            };
        };
        const result: Diagnostic[] = [];
        for (const item of saved) {
            if (!unchanged(item.owner)) continue;
            const copy = relocate(item.diagnostic, document.uri.toString(), (range) => moved(range, item.anchors));
            if (!copy) continue;
            copy.data = { ...(copy.data as object | undefined), asOfSave: true };
            this.carried.add(copy);
            result.push(copy);
        }
        return result;
    }
}

/**
 * The diagnostics minus any that repeat one already in the list or already stored on the document.
 * Langium appends each run's diagnostics to the document's; two builds of one document that overlap
 * (a build started outside the workspace lock, e.g. while an unawaited clear rebuilds the workspace)
 * would otherwise publish the same diagnostic twice. Identical means same range, code and message.
 */
function withoutRepeats(document: LangiumDocument, diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const seen = new Set((document.diagnostics ?? []).map(identity));
    return diagnostics.filter((diagnostic) => {
        const key = identity(diagnostic);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

function identity(diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range;
    const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : JSON.stringify(diagnostic.message);
    return `${start.line}:${start.character}-${end.line}:${end.character}\u0000${String(code)}\u0000${message}`;
}

function isRange(value: unknown): value is Range {
    const r = value as Range | undefined;
    return !!r && typeof r === 'object' && typeof r.start?.line === 'number' && typeof r.end?.character === 'number';
}

/** The ranges of a diagnostic that lie in this document: its own, related information, and in `data`. */
function rangesIn(diagnostic: Diagnostic, uri: string): Range[] {
    const ranges: Range[] = [diagnostic.range];
    for (const related of diagnostic.relatedInformation ?? []) {
        if (related.location.uri === uri) ranges.push(related.location.range);
    }
    const visit = (value: unknown, depth: number): void => {
        if (depth > 6 || !value || typeof value !== 'object') return;
        if (isRange(value)) { ranges.push(value); return; }
        for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth + 1);
    };
    visit(diagnostic.data, 0);
    return ranges;
}

/**
 * A copy of the diagnostic with every in-document range moved; undefined when its own range cannot be
 * moved. Related information that cannot be moved is dropped; a data range that cannot is removed.
 */
function relocate(diagnostic: Diagnostic, uri: string, move: (range: Range) => Range | undefined): Diagnostic | undefined {
    const range = move(diagnostic.range);
    if (!range) return undefined;
    const relatedInformation = diagnostic.relatedInformation?.flatMap((related) => {
        if (related.location.uri !== uri) return [related];
        const moved = move(related.location.range);
        return moved ? [{ ...related, location: { uri, range: moved } }] : [];
    });
    const mapData = (value: unknown, depth: number): unknown => {
        if (depth > 6 || !value || typeof value !== 'object') return value;
        if (isRange(value)) return move(value);
        if (Array.isArray(value)) return value.map((child) => mapData(child, depth + 1));
        return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, mapData(child, depth + 1)]));
    };
    return { ...diagnostic, range, relatedInformation, data: mapData(diagnostic.data, 0) };
}
