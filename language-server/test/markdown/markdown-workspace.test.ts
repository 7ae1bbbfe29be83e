import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { createCredalServices } from '../../src/credal-module.js';

// Markdown files are notes when the editor opens them (masked) or the CLI names them, never because they
// lie in the workspace folder: the scan would read them unmasked and report their prose as Credal.

describe('the workspace scan', () => {
    it('loads .cred notes and leaves Markdown files alone, though Markdown URIs have Credal services', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'credal-md-workspace-'));
        writeFileSync(path.join(dir, 'note.cred'), 'set Coin = {heads, tails}\n');
        writeFileSync(path.join(dir, 'README.md'), '# Knightian prose, not Credal {{{\n\n```credal\neval 1/3\n```\n');
        const { shared } = createCredalServices({ ...NodeFileSystem });
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'notes', uri: URI.file(dir).toString() }]);
        const loaded = shared.workspace.LangiumDocuments.all.map(document => path.basename(document.uri.path)).toArray();
        expect(loaded).toEqual(['note.cred']);
        expect(shared.ServiceRegistry.hasServices(URI.file(path.join(dir, 'README.md')))).toBe(true);
    });
});
