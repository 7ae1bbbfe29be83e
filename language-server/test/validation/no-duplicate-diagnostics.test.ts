import { readdirSync, readFileSync } from 'node:fs';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { beforeAll, describe as group, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCredalServices } from '../../src/credal-module.js';
import type { ValidateOnSaveUpdateHandler } from '../../src/validation/validate-on-save.js';
import { credalTestKit, summarize } from '../grammar/credal-test-kit.js';
import { evaluationKit } from '../evaluation/evaluation-kit.js';
import { repeated } from './diagnostic-repeats.js';
import { validationKit } from './validation-kit.js';

// One diagnostic is published once. Checked for the reported case (a note diagnosed right after the
// workspace was cleared) and, as an invariant, for every sample and bad note through the editor's
// own sequence in process: open → save → edit elsewhere → save (the update handler, the workspace lock,
// Langium's builder and our save-aware validator, exactly as the server wires them).

const TYPO = 'set Coin = {heads, tails}\ndist fair on Coin = uniform\ncredal K = tvball(fiar, 1/10)';

group('the reported case: diagnose, clear, diagnose', () => {
    it('the validation kit reports `fiar` once, even when clear() is not awaited', async () => {
        const kit = validationKit();
        await kit.validate('set A = {a}\neval 1');
        void kit.clear();
        const { diagnostics } = await kit.validate(TYPO);
        expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['E-UNRESOLVED 3:19']);
    });

    it('the evaluation kit, likewise', async () => {
        const kit = evaluationKit();
        await kit.parse('set A = {a}\neval 1');
        void kit.clear();
        const document = await kit.parse(TYPO);
        await kit.services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(summarize(document.diagnostics ?? [])).toEqual(['E-UNRESOLVED 3:19 unknown name `fiar`; did you mean `fair`?']);
    });

    it('the grammar kit (validationHelper), likewise', async () => {
        const kit = credalTestKit();
        await kit.diagnose('set A = {a}\neval 1');
        void kit.clear();
        expect(summarize(await kit.diagnose(TYPO))).toEqual(['E-UNRESOLVED 3:19 unknown name `fiar`; did you mean `fair`?']);
    });
});

const SAMPLES = new URL('../../../samples/', import.meta.url);
const BAD = new URL('../fixtures/bad/', import.meta.url);
const notesIn = (folder: URL) => readdirSync(folder).filter((name) => name.endsWith('.cred')).sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));

/** The editor's sequence against in-process services wired as the server wires them. */
function editor() {
    const { shared } = createCredalServices(EmptyFileSystem);
    const { TextDocuments, WorkspaceLock, LangiumDocuments, WorkspaceManager } = shared.workspace;
    const handler = shared.lsp.DocumentUpdateHandler as ValidateOnSaveUpdateHandler;
    const versions = new Map<string, number>();
    const published = (uri: string): Diagnostic[] => [...(LangiumDocuments.getDocument(URI.parse(uri))?.diagnostics ?? [])];
    /** Resolves once the handler's queued writes have run (reads wait for every queued write). */
    const settled = async () => {
        await WorkspaceManager.ready;
        await new Promise((resolve) => setImmediate(resolve));
        await WorkspaceLock.read(async () => undefined);
    };
    return {
        ready: () => WorkspaceManager.initializeWorkspace([]),
        async change(uri: string, text: string): Promise<Diagnostic[]> {
            const version = (versions.get(uri) ?? 0) + 1;
            versions.set(uri, version);
            const document = TextDocument.create(uri, 'credal', version, text);
            (TextDocuments as unknown as { set(document: TextDocument): void }).set(document);
            handler.didChangeContent({ document });
            await settled();
            return published(uri);
        },
        async save(uri: string): Promise<Diagnostic[]> {
            const document = TextDocuments!.get(uri)!;
            handler.didSaveDocument({ document });
            await settled();
            return published(uri);
        },
        document: (uri: string): LangiumDocument | undefined => LangiumDocuments.getDocument(URI.parse(uri))
    };
}

group('no diagnostic is published twice: open → save → edit → save', () => {
    const session = editor();
    beforeAll(() => session.ready());

    const notes = [...notesIn(SAMPLES).map((n) => ({ ...n, name: `samples/${n.name}` })), ...notesIn(BAD).map((n) => ({ ...n,
        name: `bad/${n.name}` }))];
    it.each(notes)('$name', async ({ name, text }) => {
        const uri = `file:///invariant/${name}`;
        const steps: Array<[string, Diagnostic[]]> = [];
        steps.push(['open', await session.change(uri, text)]);
        steps.push(['save', await session.save(uri)]);
        steps.push(['edit', await session.change(uri, `${text}\n// a comment typed at the end\n`)]);
        steps.push(['save again', await session.save(uri)]);
        for (const [step, diagnostics] of steps) expect(repeated(diagnostics), `${name} after ${step}`).toEqual([]);
        // The save really ran the expensive checks, and the edit carried them (a test that can fail).
        const saved = steps[1]![1].length;
        expect(steps[3]![1].length, name).toBe(saved);
    }, 120_000);
});
