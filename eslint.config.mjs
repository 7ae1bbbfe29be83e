// Lint for the whole repository (`npm run lint`, part of `npm test`): typescript-eslint without `any` or
// empty blocks, lines of at most 140 characters, and the import direction of docs/architecture.md:
//   diagnostics, settings (leaves) → math (engine) → linking → evaluation → validation → lsp / render / worker / cli
// A back-edge (a lower layer importing a higher one) fails here, so the layering stays true.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SERVER = 'language-server/src';
const UPPER = ['lsp', 'render', 'worker', 'cli'];

/** Relative import patterns that reach `folder` from up to three levels deep, plus the composition root. */
function reaching(...folders) {
    const prefixes = ['../', '../../', '../../../'];
    return folders.flatMap(folder => prefixes.map(prefix => `${prefix}${folder}`));
}

/** `no-restricted-imports` for the files of one layer. */
function layer(files, forbidden, message, extra = []) {
    return {
        files,
        rules: {
            'no-restricted-imports': ['error', {
                patterns: [{ group: [...forbidden, ...extra], message }]
            }]
        }
    };
}

const ENGINE_MESSAGE =
    'the engine (math/) imports only the diagnostics/ leaf: nothing from other layers, langium or vscode (docs/architecture.md)';

const ROOT_FILES = reaching('credal-module.js', 'main.js', 'connection-filters.js', 'editor-only-notes.js');
const ENGINE_OUTSIDE = ['langium', 'langium/*', 'vscode', 'vscode-*', 'chevrotain'];

export default tseslint.config(
    {
        ignores: [
            'out/**', 'node_modules/**', '.e2e/**', `${SERVER}/generated/**`, 'e2e/workspace/**', 'e2e/host/**/node_modules/**',
            '**/*.cjs', 'credal.vsix'
        ]
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            globals: {
                console: 'readonly', process: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
                setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', queueMicrotask: 'readonly',
                structuredClone: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', SharedArrayBuffer: 'readonly',
                    Atomics: 'readonly',
                document: 'readonly', window: 'readonly', acquireVsCodeApi: 'readonly', getComputedStyle: 'readonly',
                requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly', MutationObserver: 'readonly',
                    ResizeObserver: 'readonly',
                HTMLElement: 'readonly', Element: 'readonly', Node: 'readonly', Event: 'readonly', MouseEvent: 'readonly',
                    KeyboardEvent: 'readonly',
                AbortController: 'readonly', setImmediate: 'readonly', global: 'readonly', globalThis: 'readonly', fetch: 'readonly'
            }
        },
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            'no-empty': ['error', { allowEmptyCatch: false }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
            // Code and comments wrap at 140; a line made long by one message or note text inside quotes may stay whole.
            'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }]
        }
    },
    layer([`${SERVER}/diagnostics/**`, `${SERVER}/settings/**`], ['../*', ...ENGINE_OUTSIDE],
        'diagnostics/ and settings/ are leaves: they import nothing (docs/architecture.md)'),
    layer([`${SERVER}/math/*.ts`], ['../*', '!../diagnostics', '../../*', ...ENGINE_OUTSIDE], ENGINE_MESSAGE),
    // A subfolder of the engine (math/infra, math/tree) reaches its siblings in math/ through `../`.
    layer([`${SERVER}/math/*/**`], ['../../*', '!../../diagnostics', '../../../*', ...ENGINE_OUTSIDE], ENGINE_MESSAGE),
    layer([`${SERVER}/linking/**`], reaching('evaluation', 'validation', ...UPPER),
        'linking/ may not import a higher layer (docs/architecture.md)',
        ROOT_FILES),
    layer([`${SERVER}/evaluation/**`], reaching('validation', ...UPPER),
        'evaluation/ may not import validation/ or a higher layer (docs/architecture.md)',
        ROOT_FILES),
    layer([`${SERVER}/validation/**`], reaching(...UPPER),
        'validation/ may not import lsp/, render/, worker/ or cli/ (docs/architecture.md)',
        ROOT_FILES),
    layer(['extension/**'], ['**/language-server/src/*', '!**/language-server/src/protocol.js', '**/language-server/src/*/**',
        '**/language-server/test/**'],
        'the extension is thin: from the server it imports only the protocol (docs/architecture.md)')
);
