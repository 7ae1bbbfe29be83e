/** Where a failed request is reported: the server's console (the editor's output panel). */
interface RequestLog {
    error(message: string): void;
}

let serverLog: RequestLog = { error: (message) => console.error(message) };

/** Called once by the server with its connection's console; until then (tests, the CLI) failures go to stderr. */
export function logRequestFailuresTo(log: RequestLog): void {
    serverLog = log;
}

/**
 * The one way a request handler in lsp/ handles a failure: log what failed, with the stack, and answer
 * with the empty result. A request never throws out of the server, and a regression shows up in the log
 * instead of as a hint or hover that silently disappears.
 */
export function failed<T>(what: string, error: unknown, empty: T): T {
    serverLog.error(`Credal server: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return empty;
}
