// The manifest's Markdown, walkthrough and note contributions agree with the code and ship their files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_LAUNCHER, ensureFreshBundles, REPO_ROOT } from '../../language-server/test/support/bundle.js';
import { OPEN_REFERENCE_COMMAND } from '../../language-server/src/lsp/hover/keyword-reference.js';
import { NOTE_COMMANDS, REFERENCE_PATH, SAMPLE_PATH, WALKTHROUGH_ID } from '../src/notes/note-ids.js';
import { NEW_NOTE_TEMPLATE } from '../src/notes/note-template.js';

interface Step { id: string; description: string; media: { markdown?: string; image?: string } }
interface Manifest {
    activationEvents: string[];
    icon: string;
    contributes: Record<string, unknown> & {
        commands: { command: string; category?: string }[];
        grammars: { scopeName: string; path: string; injectTo?: string[]; embeddedLanguages?: Record<string, string> }[];
        walkthroughs: { id: string; steps: Step[] }[];
        snippets: { language: string; path: string }[];
    };
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n').map(line => line.trim());
const shipped = (file: string) => ignore.includes(`!${file}`);

describe('package.json for Markdown, the walkthrough and new notes', () => {
    it('declares the note commands in the Credal category, and the hover links use the reference command', () => {
        const declared = new Map(manifest.contributes.commands.map(c => [c.command, c]));
        for (const id of Object.values(NOTE_COMMANDS)) expect(declared.get(id)?.category, id).toBe('Credal');
        expect(OPEN_REFERENCE_COMMAND).toBe(NOTE_COMMANDS.openReference);
    });

    it('activates for Markdown, contributes the markdown-it plugin, and ships the preview styles', () => {
        expect(manifest.activationEvents).toContain('onLanguage:markdown');
        expect(manifest.contributes['markdown.markdownItPlugins']).toBe(true);
        const styles = manifest.contributes['markdown.previewStyles'] as string[];
        const bundler = readFileSync(path.join(REPO_ROOT, 'esbuild.mjs'), 'utf8');
        for (const style of styles) {
            expect(style).toMatch(/^\.\/out\/media\//);
            expect(bundler, style).toContain(`'${style.slice(2)}'`);
        }
    });

    it('injects the Credal grammar into Markdown fences whose info string starts with credal', () => {
        const injection = manifest.contributes.grammars.find(g => g.injectTo?.includes('text.html.markdown'))!;
        expect(injection.embeddedLanguages).toEqual({ 'meta.embedded.block.credal': 'credal' });
        expect(shipped(injection.path.slice(2))).toBe(true);
        const grammar = JSON.parse(readFileSync(path.join(REPO_ROOT, injection.path), 'utf8')) as {
            scopeName: string; repository: { 'credal-code-block': { begin: string; patterns: { patterns: { include: string }[] }[] } };
        };
        expect(grammar.scopeName).toBe(injection.scopeName);
        const block = grammar.repository['credal-code-block'];
        expect(block.patterns[0].patterns[0].include).toBe('source.credal');
        // Oniguruma's (?i:…) group, in JavaScript's spelling.
        const begin = new RegExp(block.begin.replace('(?i:(credal)', '((?:[Cc][Rr][Ee][Dd][Aa][Ll])'));
        for (const line of ['```credal', '~~~credal', '  ```Credal title', '````credal']) expect(begin.test(line), line).toBe(true);
        for (const line of ['```python', '```credalx', '    ```credal', 'text ```credal']) expect(begin.test(line), line).toBe(false);
    });

    it('has a walkthrough whose steps run declared commands and whose pages ship in the .vsix', () => {
        const walkthrough = manifest.contributes.walkthroughs.find(w => w.id === WALKTHROUGH_ID)!;
        const declared = new Set(manifest.contributes.commands.map(c => c.command));
        const steps = walkthrough.steps.map(step => step.id);
        expect(steps).toEqual(['openSample', 'hover', 'preview', 'export', 'reference']);
        for (const step of walkthrough.steps) {
            const media = step.media.markdown ?? step.media.image ?? '';
            expect(existsSync(path.join(REPO_ROOT, media)), media).toBe(true);
            expect(ignore).toContain('!media/walkthrough/*.md');
            for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
                if (command.startsWith('credal.')) expect(declared, command).toContain(command);
            }
        }
        for (const file of [REFERENCE_PATH, SAMPLE_PATH, manifest.icon, 'CHANGELOG.md']) {
            expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
            if (file !== 'CHANGELOG.md') expect(shipped(file), file).toBe(true);
        }
        for (const snippets of manifest.contributes.snippets) expect(snippets.path).toMatch(/^\.\/snippets\/[\w-]+\.json$/);
        expect(ignore).toContain('!snippets/*.json');
    });

    it('opens "Credal: New Note" on a template that checks clean and evaluates as its comments say', async () => {
        await ensureFreshBundles();
        const dir = mkdtempSync(path.join(tmpdir(), 'credal-template-'));
        writeFileSync(path.join(dir, 'note.cred'), NEW_NOTE_TEMPLATE);
        const run = spawnSync(process.execPath, [CLI_LAUNCHER, 'eval', 'note.cred'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        expect(run.status, run.stdout + run.stderr).toBe(0);
        const lines = NEW_NOTE_TEMPLATE.split('\n');
        for (const result of run.stdout.split('\n').filter(line => /^note\.cred:\d+: (?!✓)/.test(line))) {
            const line = Number(result.split(':')[1]);
            const value = result.slice(result.lastIndexOf(' = ') + 3).replace(/ ≈ .*$/, '');
            expect(/\/\/\s*(.*?)\s*$/.exec(lines[line - 1])?.[1], result).toBe(value);
        }
    }, 120_000);
});
