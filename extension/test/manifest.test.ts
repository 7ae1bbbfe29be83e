// The manifest and the code must agree on every name: a command missing from package.json is invisible,
// and a viewType that differs from the activation event leaves restored previews blank (LANGIUM-NOTES d14).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ShowTreeRuleCommand } from '../../language-server/src/protocol.js';
import { EXPORT_COMMANDS, PREVIEW_COMMANDS, PREVIEW_FOCUS_CONTEXT, PREVIEW_VIEW_TYPE } from '../src/preview/preview-ids.js';
import { SHOW_ANALYSIS_STATUS_COMMAND } from '../src/status/status-ids.js';

interface Manifest {
    activationEvents: string[];
    contributes: {
        commands: { command: string; title: string; category?: string }[];
        menus: Record<string, { command: string; when?: string; alt?: string }[]>;
        keybindings: { command: string; key: string; when?: string }[];
        configuration: { properties: Record<string, { type: string; default: unknown }> };
    };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;
const ignore = readFileSync(new URL('../../.vscodeignore', import.meta.url), 'utf8').split('\n').map(line => line.trim());
const webviewSource = readFileSync(new URL('../src/preview/preview-settings.ts', import.meta.url), 'utf8');

describe('package.json for the preview and export', () => {
    it('activates on the preview viewType so that VS Code can restore previews after a reload', () => {
        expect(manifest.activationEvents).toContain(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`);
    });

    it('declares every command the extension registers, in the Credal category', () => {
        const declared = new Map(manifest.contributes.commands.map(c => [c.command, c]));
        for (const id of [...Object.values(PREVIEW_COMMANDS), ...Object.values(EXPORT_COMMANDS), SHOW_ANALYSIS_STATUS_COMMAND]) {
            expect(declared.get(id)?.category, id).toBe('Credal');
        }
        expect(declared.get(EXPORT_COMMANDS.copyForLessWrong)?.title).toBe('Copy for LessWrong');
    });

    it('declares the tree-rule command the lenses and hovers run, keeps it off the palette, and trusts it in hovers', () => {
        expect(PREVIEW_COMMANDS.showTreeRule).toBe(ShowTreeRuleCommand);
        expect(manifest.contributes.menus.commandPalette).toContainEqual({ command: ShowTreeRuleCommand, when: 'false' });
        const extension = readFileSync(new URL('../src/extension.ts', import.meta.url), 'utf8');
        expect(extension).toMatch(/TRUSTED_HOVER_COMMANDS[^=]*= \[NOTE_COMMANDS\.openReference, PREVIEW_COMMANDS\.showTreeRule\]/);
        expect(extension).toContain('isTrusted: { enabledCommands: [...TRUSTED_HOVER_COMMANDS] }');
    });

    it('binds ctrl+shift+v and ctrl+k v in Credal editors, like Markdown', () => {
        const bindings = manifest.contributes.keybindings.map(b => `${b.command} ${b.key} ${b.when}`);
        expect(bindings).toContain(`${PREVIEW_COMMANDS.showPreview} shift+ctrl+v editorLangId == credal`);
        expect(bindings).toContain(`${PREVIEW_COMMANDS.showPreviewToSide} ctrl+k v editorLangId == credal`);
    });

    it('puts "Open Preview to the Side" on the editor title and "Show Source" on a focused preview', () => {
        const title = manifest.contributes.menus['editor/title'];
        expect(title).toContainEqual(expect.objectContaining({ command: PREVIEW_COMMANDS.showPreviewToSide,
            alt: PREVIEW_COMMANDS.showPreview }));
        expect(title).toContainEqual(expect.objectContaining({ command: PREVIEW_COMMANDS.showSource, when: PREVIEW_FOCUS_CONTEXT }));
    });

    it('declares the credal.preview.* settings the extension reads', () => {
        const properties = manifest.contributes.configuration.properties;
        for (const name of ['scrollPreviewWithEditor', 'scrollEditorWithPreview', 'doubleClickToSwitchToEditor']) {
            expect(properties[`credal.preview.${name}`], name).toMatchObject({ type: 'boolean', default: true });
            expect(webviewSource).toContain(`'${name}'`);
        }
    });

    it('ships the webview folder (script, CSS, KaTeX) in the .vsix', () => {
        expect(ignore).toContain('!out/media/**');
    });
});
