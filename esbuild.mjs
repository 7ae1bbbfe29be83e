// Bundles the extension, the language server and the `credal` command into out/*.cjs.
// Usage: node esbuild.mjs [--minify] [--watch]
// Langium is ESM-only and the VS Code extension host loads CommonJS, so every Node bundle is CJS.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import * as path from 'node:path';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

/**
 * Langium imports vscode-languageserver-protocol (and -types) without declaring them, so it gets whichever
 * copy npm hoisted: with vscode-languageclient 11 that is protocol 3.18.5 / jsonrpc 10, while the server
 * connection (vscode-languageserver 10.1) uses its own 3.18.4 / jsonrpc 9. Two copies break `instanceof
 * ResponseError`, and a cancelled request is then answered with `{ code }` as its *result*. This resolves
 * those packages, for every importer, the way vscode-languageserver resolves them: one copy in the bundle.
 * @type {import('esbuild').Plugin}
 */
const oneProtocolCopy = {
    name: 'one-protocol-copy',
    setup(build) {
        const serverPackage = path.resolve('node_modules', 'vscode-languageserver');
        build.onResolve({ filter: /^vscode-(languageserver-protocol|languageserver-types|jsonrpc)(\/|$)/ }, args => {
            if (args.pluginData === oneProtocolCopy) return undefined;
            return build.resolve(args.path, { kind: args.kind, resolveDir: serverPackage, pluginData: oneProtocolCopy });
        });
    }
};

/** @type {import('esbuild').BuildOptions} */
const serverBundles = {
    entryPoints: {
        'language-server': 'language-server/src/main.ts',
        'cli': 'language-server/src/cli/main.ts',
        // The evaluation worker thread the server starts (language-server/src/worker/).
        'evaluation-worker': 'language-server/src/worker/evaluation-worker.ts'
    },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    // Langium's sources refer to import.meta.url only for paths the bundles never use.
    logOverride: { 'empty-import-meta': 'silent' },
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    plugins: [oneProtocolCopy]
};

/** The VS Code client: vscode-languageclient with its own protocol copy, no Langium. */
/** @type {import('esbuild').BuildOptions} */
const extensionBundle = {
    ...serverBundles,
    entryPoints: { 'extension': 'extension/src/extension.ts' },
    plugins: []
};

// The preview webview's script (issue 6). It goes to out/media/ with the CSS and fonts, so the webview's
// localResourceRoots can be that one folder.
/** @type {import('esbuild').BuildOptions[]} */
const browserBundles = [{
    entryPoints: { 'preview': 'extension/webview/preview.ts' },
    outdir: 'out/media',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    sourcemap: false,
    minify,
    logLevel: 'warning'
}];

// Files the webview loads as they are (KaTeX CSS and fonts, preview CSS), copied into out/media/ (issue 6).
// Only the woff2 fonts: every browser VS Code runs in reads them, and KaTeX's CSS lists woff2 first.
const katexDist = 'node_modules/katex/dist';
/** @type {{ from: string, to: string }[]} */
const assetCopies = [
    { from: `${katexDist}/katex.min.css`, to: 'out/media/katex/katex.min.css' },
    ...readdirSync(`${katexDist}/fonts`).filter(name => name.endsWith('.woff2'))
        .map(name => ({ from: `${katexDist}/fonts/${name}`, to: `out/media/katex/fonts/${name}` })),
    // The note's one stylesheet, shared with the standalone page (which inlines it), and the panel's own rules.
    { from: 'language-server/src/render/page/preview.css', to: 'out/media/preview.css' },
    { from: 'extension/media/preview-panel.css', to: 'out/media/preview-panel.css' },
    // Credal fences in VS Code's Markdown preview (contributes.markdown.previewStyles).
    { from: 'extension/media/markdown-preview.css', to: 'out/media/markdown-preview.css' }
];

async function copyAssets() {
    for (const { from, to } of assetCopies) {
        await mkdir(path.dirname(to), { recursive: true });
        await cp(from, to, { recursive: true });
    }
}

const configs = [serverBundles, extensionBundle, ...browserBundles];
if (watch) {
    await copyAssets();
    for (const config of configs) {
        const context = await esbuild.context(config);
        await context.watch();
    }
    console.log('esbuild: watching for changes');
} else {
    const started = Date.now();
    await Promise.all(configs.map(config => esbuild.build(config)));
    await copyAssets();
    const names = configs.flatMap(config => Object.keys(config.entryPoints));
    console.log(`esbuild: bundled ${names.join(', ')} into out/ in ${Date.now() - started} ms${minify ? ' (minified)' : ''}`);
}
