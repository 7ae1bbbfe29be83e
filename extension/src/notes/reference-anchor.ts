/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The 0-based line of the heading whose anchor is `anchor`, if the Markdown text has one. */
export function headingLine(markdown: string, anchor: string): number | undefined {
    const lines = markdown.split(/\r?\n/);
    const index = lines.findIndex(line => {
        const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        return heading !== null && headingAnchor(heading[1]) === anchor;
    });
    return index < 0 ? undefined : index;
}
