// The export formats as the editor commands offer them. Pure: no vscode import.
import type { ExportFormat } from '../../../language-server/src/protocol.js';

interface ExportChoice {
    format: ExportFormat;
    label: string;
    detail: string;
    extension: string;
    /** The save dialog's file-type filter. */
    filterName: string;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
    { format: 'markdown', label: 'Markdown (LessWrong)', detail: 'pandoc-style $ math that LessWrong and the Alignment Forum accept',
        extension: 'md', filterName: 'Markdown' },
    { format: 'latex', label: 'LaTeX', detail: 'the definitions and values as LaTeX, with a preamble of standard packages',
        extension: 'tex', filterName: 'LaTeX' },
    { format: 'html', label: 'HTML page', detail: 'the preview as one standalone page, fonts inlined, no script', extension: 'html',
        filterName: 'HTML' }
];

export function exportChoice(format: string): ExportChoice | undefined {
    return EXPORT_CHOICES.find(choice => choice.format === format);
}

/** `notes/coin.cred` → `notes/coin.md` (an untitled note keeps its name and gains the extension). */
export function exportPath(sourcePath: string, format: ExportFormat): string {
    const choice = exportChoice(format);
    if (!choice) return sourcePath;
    const slash = sourcePath.lastIndexOf('/');
    const directory = sourcePath.slice(0, slash + 1);
    const name = sourcePath.slice(slash + 1);
    const base = name.endsWith('.cred') ? name.slice(0, -'.cred'.length) : name;
    return `${directory}${base || 'note'}.${choice.extension}`;
}

/** A defensive check of the server's `credal/export` answer. */
export function exportText(result: unknown): string | undefined {
    if (typeof result !== 'object' || result === null) return undefined;
    const text = (result as { text?: unknown }).text;
    return typeof text === 'string' ? text : undefined;
}
