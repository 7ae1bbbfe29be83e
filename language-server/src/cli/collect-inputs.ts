import { readFile, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { credalFences, isMarkdownPath } from '../markdown/credal-fences.js';

const NOTE_EXTENSION = '.cred';

/** A note to check: where it is, and how to name it in output (relative as the user wrote it). */
export interface NoteInput {
    absolutePath: string;
    displayPath: string;
}

/** An argument that could not be turned into notes; the command exits with code 2. */
export interface InputProblem {
    displayPath: string;
    message: string;
}

interface CollectedInputs {
    notes: NoteInput[];
    problems: InputProblem[];
}

/** Directories never walked into: tool caches and dependencies, not notes. */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/**
 * Turns `<file|dir>...` arguments into the list of notes, in argument order; a directory contributes
 * every `.cred` file below it and every Markdown file with a credal fence, sorted by path, skipping hidden
 * directories and node_modules. A file named twice is checked once. A Markdown file named as an argument
 * is a note even without fences (an empty one).
 */
export async function collectInputs(args: readonly string[], cwd: string): Promise<CollectedInputs> {
    const notes: NoteInput[] = [];
    const problems: InputProblem[] = [];
    const seen = new Set<string>();
    const addNote = (note: NoteInput) => {
        if (!seen.has(note.absolutePath)) {
            seen.add(note.absolutePath);
            notes.push(note);
        }
    };
    for (const arg of args) {
        const displayPath = path.normalize(arg);
        const absolutePath = path.resolve(cwd, arg);
        const kind = await pathKind(absolutePath);
        if (kind === 'missing') {
            problems.push({ displayPath, message: 'no such file or directory' });
        } else if (kind === 'directory') {
            const found = await findNotes(absolutePath, displayPath);
            if (found.length === 0) {
                problems.push({ displayPath, message: `no ${NOTE_EXTENSION} files in this directory` });
            }
            found.forEach(addNote);
        } else if (kind === 'file' && path.extname(absolutePath) !== NOTE_EXTENSION && !isMarkdownPath(absolutePath)) {
            problems.push({ displayPath, message: `not a Credal note (expected a ${NOTE_EXTENSION} or Markdown file)` });
        } else if (kind === 'file') {
            addNote({ absolutePath, displayPath });
        } else {
            problems.push({ displayPath, message: 'not a regular file or directory' });
        }
    }
    return { notes, problems };
}

type PathKind = 'file' | 'directory' | 'other' | 'missing';

async function pathKind(absolutePath: string): Promise<PathKind> {
    try {
        const stats = await stat(absolutePath);
        return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
    } catch {
        return 'missing';
    }
}

async function findNotes(directory: string, displayDirectory: string): Promise<NoteInput[]> {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const notes: NoteInput[] = [];
    for (const entry of entries) {
        const absolutePath = path.join(directory, entry.name);
        const displayPath = path.join(displayDirectory, entry.name);
        // Symbolic links to directories are not followed, so a link cycle cannot make the walk endless.
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
            notes.push(...await findNotes(absolutePath, displayPath));
        } else if (path.extname(entry.name) === NOTE_EXTENSION && await pathKind(absolutePath) === 'file') {
            notes.push({ absolutePath, displayPath });
        } else if (isMarkdownPath(entry.name) && await pathKind(absolutePath) === 'file' && await hasCredalFence(absolutePath)) {
            notes.push({ absolutePath, displayPath });
        }
    }
    return notes;
}

/** Whether a Markdown file found in a directory holds a credal fence (other Markdown files are not notes). */
async function hasCredalFence(absolutePath: string): Promise<boolean> {
    const text = await readFile(absolutePath, 'utf8').catch(() => '');
    return credalFences(text).length > 0;
}
