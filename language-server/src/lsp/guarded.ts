import type { LangiumSharedServices } from 'langium/lsp';

/** Where a failed request is reported: the server's console in the editor's output panel. */
export interface RequestLog {
    error(message: string): void;
}

/** The log of a running server: its connection's console; without a connection (tests, the CLI), stderr. */
export function requestLog(shared: LangiumSharedServices): RequestLog {
    return { error: (message) => (shared.lsp.Connection ? shared.lsp.Connection.console.error(message) : console.error(message)) };
}

/**
 * Runs the body of a request handler: a request never throws out of the server. A failure is logged
 * with what failed and its stack (so a regression shows up instead of a hint silently disappearing),
 * and the request gets its empty answer.
 */
export function guarded<T>(log: RequestLog, what: string, empty: T, body: () => T): T {
    try {
        return body();
    } catch (error) {
        log.error(failureText(what, error));
        return empty;
    }
}

/** `guarded` for handlers that wait (for settings, for a build). */
export async function guardedAsync<T>(log: RequestLog, what: string, empty: T, body: () => Promise<T>): Promise<T> {
    try {
        return await body();
    } catch (error) {
        log.error(failureText(what, error));
        return empty;
    }
}

function failureText(what: string, error: unknown): string {
    return `Credal server: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
}
