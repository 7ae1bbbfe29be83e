/**
 * The largest note Credal reads. A real note is a few kilobytes (the largest sample is about 20 KB);
 * far beyond that, parsing and linking alone take minutes and gigabytes (a 7.3 MB note of 200,000
 * declarations ran `credal check` out of memory). A longer note is refused with E-TOO-LARGE, in the
 * editor and in the CLI (exit code 2), instead of being parsed.
 */
export const MAX_NOTE_CHARS = 2_000_000;

/** The sentence that refuses a note of `length` characters. */
export function tooLargeMessage(length: number): string {
    const mb = (n: number) => `${(n / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
    return `this note is ${mb(length)} long; Credal reads notes of up to ${mb(MAX_NOTE_CHARS)} (${MAX_NOTE_CHARS.toLocaleString('en-US')} characters): split it into several notes`;
}
