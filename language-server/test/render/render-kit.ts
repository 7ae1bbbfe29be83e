import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCredalServices, type CredalServices } from '../../src/credal-module.js';
import { noteModelOf } from '../../src/render/note-renderer.js';
import type { NoteModel } from '../../src/render/model/parts.js';
import type { LangiumDocument } from 'langium';

export const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
export const SAMPLE_FILES = readdirSync(SAMPLES).filter(name => name.endsWith('.cred')).sort();
/** Gitignored; CI keeps it as an artifact. */
export const SCREENSHOTS = fileURLToPath(new URL('../../../e2e/screenshots/render/', import.meta.url));

const { shared, Credal } = createCredalServices({ ...NodeFileSystem });
let counter = 0;

/** Builds a note (full validation, as the CLI does) and returns its document and services. */
export async function buildNote(text: string,
    fileName = `note-${++counter}.cred`): Promise<{ document: LangiumDocument; services: CredalServices }> {
    const uri = URI.file(path.join(SAMPLES, '..', '.render-test', fileName));
    const documents = shared.workspace.LangiumDocuments;
    if (documents.hasDocument(uri)) documents.deleteDocument(uri);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    documents.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { document, services: Credal };
}

export async function sampleModel(file: string): Promise<NoteModel> {
    const { document, services } = await buildNote(readFileSync(path.join(SAMPLES, file), 'utf8'), file);
    return noteModelOf(services, document);
}

export async function noteModel(text: string): Promise<NoteModel> {
    const { document, services } = await buildNote(text);
    return noteModelOf(services, document);
}

/**
 * KaTeX markup collapsed to its TeX source (`<katex>…</katex>`), so golden HTML files stay readable
 * and change when our output changes, not when KaTeX's internals do.
 */
export function collapseKatex(html: string): string {
    let out = '';
    let i = 0;
    for (;;) {
        const start = html.indexOf('<span class="katex">', i);
        if (start < 0) return out + html.slice(i);
        out += html.slice(i, start);
        const end = matchingSpanEnd(html, start);
        const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(html.slice(start, end))?.[1] ?? '?';
        out += `<katex>${tex}</katex>`;
        i = end;
    }
}

function matchingSpanEnd(html: string, start: number): number {
    const tag = /<span\b[^>]*>|<\/span>/g;
    tag.lastIndex = start;
    let depth = 0;
    for (let match = tag.exec(html); match; match = tag.exec(html)) {
        depth += match[0] === '</span>' ? -1 : 1;
        if (depth === 0) return tag.lastIndex;
    }
    return html.length;
}

/**
 * An independent reader of pandoc's `$` rules (not the renderer's): `$$…$$` display; `$…$` inline when
 * the opening `$` has a non-space after it and the closing one a non-space before it and no digit
 * after it; `\$` is a literal dollar; code spans are skipped.
 */
export function pandocFormulas(markdown: string): string[] {
    const formulas: string[] = [];
    let i = 0;
    while (i < markdown.length) {
        const ch = markdown[i];
        if (ch === '\\') { i += 2; continue; }
        if (ch === '`') {
            const close = markdown.indexOf('`', i + 1);
            i = close < 0 ? i + 1 : close + 1;
            continue;
        }
        if (ch !== '$') { i++; continue; }
        if (markdown[i + 1] === '$') {
            let j = i + 2;
            while (j < markdown.length && !(markdown[j] === '$' && markdown[j + 1] === '$')) j += markdown[j] === '\\' ? 2 : 1;
            if (j >= markdown.length) { i += 2; continue; }
            formulas.push(markdown.slice(i + 2, j));
            i = j + 2;
            continue;
        }
        if (/\s/.test(markdown[i + 1] ?? ' ')) { i++; continue; }
        let j = i + 1;
        let found = -1;
        while (j < markdown.length) {
            if (markdown[j] === '\\') { j += 2; continue; }
            if (markdown[j] === '\n' && markdown[j + 1] === '\n') break;
            if (markdown[j] === '$' && !/\s/.test(markdown[j - 1]) && !/[0-9]/.test(markdown[j + 1] ?? '')) { found = j; break; }
            j++;
        }
        if (found < 0) { i++; continue; }
        formulas.push(markdown.slice(i + 1, found));
        i = found + 1;
    }
    return formulas;
}
