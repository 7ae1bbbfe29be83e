import { readFile, stat } from 'node:fs/promises';
import { URI, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { MAX_NOTE_CHARS, tooLargeMessage } from '../robustness/note-size.js';
import { isMarkdownPath, maskMarkdown } from '../markdown/credal-fences.js';
import type { InputProblem, NoteInput } from './collect-inputs.js';

interface LoadedNote extends NoteInput {
    document: LangiumDocument;
    /** The file as read; for a Markdown file the document holds its credal fences only (masked, same positions). */
    source: string;
}

interface LoadedNotes {
    notes: LoadedNote[];
    /** Files that could not be read; the command exits with code 2. */
    problems: InputProblem[];
}

/** Every subcommand wants the full picture: all validation categories, including the slow ones. */
const FULL_VALIDATION: BuildOptions = { validation: true };

/**
 * The one way subcommands get documents: read each note from disk, register it with the workspace and
 * build all of them together (parse, link, validate), so `check`, `eval`, `render` and `export` see the
 * same documents and the same diagnostics as the editor.
 */
export async function loadNotes(
    shared: LangiumSharedCoreServices,
    inputs: readonly NoteInput[],
    buildOptions: BuildOptions = FULL_VALIDATION
): Promise<LoadedNotes> {
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const notes: LoadedNote[] = [];
    const problems: InputProblem[] = [];
    for (const input of inputs) {
        let text: string;
        try {
            // A UTF-8 byte is at most one character: a file this large is refused before it is read.
            const size = (await stat(input.absolutePath)).size;
            text = size > 4 * MAX_NOTE_CHARS ? '' : await readFile(input.absolutePath, 'utf8');
            if (size > 4 * MAX_NOTE_CHARS || text.length > MAX_NOTE_CHARS) {
                problems.push({ displayPath: input.displayPath, message: `${tooLargeMessage(Math.max(text.length, size))} (E-TOO-LARGE)` });
                continue;
            }
        } catch (error) {
            problems.push({ displayPath: input.displayPath, message: `cannot read: ${describeFsError(error)}` });
            continue;
        }
        const uri = URI.file(input.absolutePath);
        const document = factory.fromString(isMarkdownPath(input.absolutePath) ? maskMarkdown(text) : text, uri);
        if (documents.hasDocument(uri)) {
            documents.deleteDocument(uri);
        }
        documents.addDocument(document);
        notes.push({ ...input, document, source: text });
    }
    await shared.workspace.DocumentBuilder.build(notes.map(note => note.document), buildOptions);
    return { notes, problems };
}

function describeFsError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'ENOENT': return 'no such file or directory';
        case 'EISDIR': return 'is a directory';
        default: return error instanceof Error ? error.message : String(error);
    }
}
