import { DefaultServiceRegistry, DefaultWorkspaceManager, type FileSystemNode, type LangiumCoreServices, type URI } from 'langium';
import { isMarkdownPath } from './credal-fences.js';

/** The language id editors give Markdown documents. */
export const MARKDOWN_LANGUAGE_ID = 'markdown';

/**
 * Finds the Credal services for Markdown files too (their credal fences are one note per file), without
 * adding `.md` to the language's file extensions: the workspace is never scanned for Markdown files, only
 * those the editor opens or the command line names are notes.
 */
export class MarkdownAwareServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const isMarkdown = this.textDocuments?.get(uri.toString())?.languageId === MARKDOWN_LANGUAGE_ID || isMarkdownPath(uri.path);
        const credal = isMarkdown ? this.all[0] : undefined;
        return credal ?? super.getServices(uri);
    }
}

/**
 * The workspace scan loads every file the registry has services for, so it would now load each Markdown
 * file of the folder unmasked (prose parsed as Credal). Markdown notes come only from the editor, which
 * sends them masked, and from the command line, which masks them when it reads them.
 */
export class MarkdownSkippingWorkspaceManager extends DefaultWorkspaceManager {
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return !(entry.isFile && isMarkdownPath(entry.uri.path)) && super.shouldIncludeEntry(entry);
    }
}
