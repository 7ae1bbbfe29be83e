/**
 * The Markdown inside a prose block `/*! … *\/` or a doc comment `/** … *\/`: the delimiters removed and
 * the lines dedented. Notes indent continuation lines to line up with the text after the opener; left
 * as they are, four spaces would make every paragraph a Markdown code block.
 */
export function commentMarkdown(comment: string): string {
    const body = comment.replace(/^\/\*[*!]?/, '').replace(/\*\/$/, '');
    const lines = body.replace(/\r\n?/g, '\n').split('\n');
    const [first, ...rest] = lines;
    const starred = rest.length > 0 && rest.every(line => line.trim() === '' || /^\s*\*/.test(line));
    const continuation = starred
        ? rest.map(line => line.replace(/^\s*\* ?/, ''))
        : dedent(rest);
    const result = [first.trim(), ...continuation].map(line => line.trimEnd());
    while (result.length > 0 && result[0] === '') result.shift();
    while (result.length > 0 && result[result.length - 1] === '') result.pop();
    return result.join('\n');
}

function dedent(lines: string[]): string[] {
    const indents = lines.filter(line => line.trim() !== '').map(line => /^[ \t]*/.exec(line)![0].length);
    const common = indents.length > 0 ? Math.min(...indents) : 0;
    return lines.map(line => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length)));
}
