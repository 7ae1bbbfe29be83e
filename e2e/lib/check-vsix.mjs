// Lists a .vsix and checks that it holds what the extension needs and nothing else (see .vscodeignore).
// Usage: node e2e/lib/check-vsix.mjs FILE.vsix
import yauzl from 'yauzl';

const REQUIRED = [
    'extension/package.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/language-configuration.json',
    'extension/syntaxes/credal.tmLanguage.json',
    'extension/out/extension.cjs',
    'extension/out/language-server.cjs',
    'extension/out/evaluation-worker.cjs', // the evaluation worker thread the server starts
    'extension/syntaxes/credal-markdown-injection.tmLanguage.json', // ```credal fences in Markdown
    'extension/snippets/markdown.json',
    'extension/media/icon.png',
    'extension/docs/language.md',      // opened by hovers on keywords and the walkthrough
    'extension/docs/tutorial.md',
    'extension/docs/diagnostics.md',   // linked from the reference
    'extension/docs/language-notes.md',
    'extension/samples/knightian-coin.cred' // "Credal: Open Sample Note"
];
const ALLOWED = [
    /^extension\.vsixmanifest$/,
    /^\[Content_Types\]\.xml$/,
    /^extension\/changelog\.md$/,
    /^extension\/out\/webview\/[^/]+\.js$/, // the preview's script (issue 6)
    /^extension\/out\/media\//,             // preview CSS, KaTeX CSS and fonts (issue 6)
    /^extension\/media\/walkthrough\/[^/]+\.md$/ // the walkthrough's pages
];

const entries = await new Promise((resolve, reject) => {
    yauzl.open(process.argv[2], { lazyEntries: true }, (error, zip) => {
        if (error) return reject(error);
        const found = [];
        zip.on('entry', entry => { found.push({ name: entry.fileName, size: entry.uncompressedSize }); zip.readEntry(); });
        zip.on('end', () => resolve(found));
        zip.on('error', reject);
        zip.readEntry();
    });
});
for (const { name, size } of entries) console.log(`  vsix: ${name} (${size} bytes)`);
const names = new Set(entries.map(entry => entry.name));
const missing = REQUIRED.filter(name => !names.has(name));
const unexpected = [...names].filter(name => !REQUIRED.includes(name) && !ALLOWED.some(pattern => pattern.test(name)));
if (missing.length > 0) console.error(`missing from the .vsix: ${missing.join(', ')}`);
if (unexpected.length > 0) console.error(`not needed in the .vsix: ${unexpected.join(', ')}`);
process.exitCode = missing.length + unexpected.length === 0 ? 0 : 1;
