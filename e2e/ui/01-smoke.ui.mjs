// Smoke test: the extension activates on a sample, and a broken note shows its syntax error.
import { log } from '../lib/results.mjs';

const SAMPLE = process.env.CREDAL_E2E_SAMPLE;
const BROKEN = 'broken.cred';
const KEYWORD = /^(set|event|dist|gamble|credal|decision|ddt|let|eval|assert)$/;

export const tests = [
    {
        name: 'a sample opens as Credal with coloured keywords',
        async run(workbench) {
            if (!SAMPLE) throw new Error('CREDAL_E2E_SAMPLE is not set');
            await workbench.openFile(SAMPLE);
            const mode = workbench.statusBarItem('status.editor.mode');
            await mode.filter({ hasText: 'Credal' }).waitFor({ timeout: 15_000 });
            const keyword = workbench.editor().locator('.view-line span span', { hasText: KEYWORD }).first();
            await keyword.waitFor({ timeout: 15_000 });
            const tokenClass = await keyword.getAttribute('class');
            log(`keyword "${await keyword.innerText()}" has class "${tokenClass}"`);
            // mtk1 is the default foreground: a keyword with it was not coloured by the TextMate grammar.
            if (!/\bmtk(?!1\b)\d+\b/.test(tokenClass ?? '')) {
                throw new Error(`keyword is not coloured (class "${tokenClass}")`);
            }
            await workbench.screenshot('sample');
        }
    },
    {
        name: 'a broken note shows an E-SYNTAX squiggle and Problems entry',
        async run(workbench) {
            await workbench.openFile(BROKEN);
            await workbench.editor().locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
            const rows = await workbench.problems();
            const entry = rows.filter({ hasText: 'E-SYNTAX' }).first();
            await entry.waitFor({ timeout: 15_000 });
            log(`Problems: ${JSON.stringify(await entry.innerText())}`);
            await workbench.screenshot('broken-note');
        }
    }
];
