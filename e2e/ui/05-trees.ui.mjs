// A decision tree as a person meets it (LANGUAGE §9.3): a rule's code lens above the tree opens the preview
// with that rule's chosen branches drawn thick, and the rule buttons above the drawing move the highlight.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { log } from '../lib/results.mjs';
import { until } from '../lib/until.mjs';

// Γ-maximin and maximality choose different strategies here (the sample's asserts).
const NOTE = 'hedging-tree.cred';
const TREE = 'Hedge';

function preview(workbench) {
    return workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The drawing's highlighted rule, and which branches are drawn thick against which the rule's strategies take. */
function drawingState(workbench) {
    return preview(workbench).locator(`figure.credal-tree-figure[data-tree="${TREE}"]`).first().evaluate((figure) => {
        const rule = figure.dataset.shownRule ?? '';
        const branches = [...figure.querySelectorAll('.credal-tree-choice')];
        return {
            rule,
            thick: branches.filter(b => b.classList.contains('credal-tree-chosen')).length,
            taking: branches.filter(b => (b.getAttribute('data-rules') ?? '').split(' ').includes(rule)).length,
            caption: figure.querySelector('.credal-tree-rule-name')?.textContent ?? '',
            pressed: figure.querySelector('button[aria-pressed="true"]')?.dataset.rule ?? ''
        };
    });
}

async function shownRule(workbench, rule) {
    let last;
    return until(`the tree drawing to highlight ${rule}`, async () => {
        last = await drawingState(workbench);
        return last.rule === rule && last;
    }, 30_000).catch(error => { throw new Error(`${error.message}; last ${JSON.stringify(last)}`); });
}

export const tests = [
    {
        name: 'a tree\'s rule lens opens the preview at the tree with that rule\'s branches thick; the buttons switch rules',
        async run(workbench) {
            const page = workbench.page;
            // Opened from the explorer first: the walkthrough test leaves its page focused, which keeps keys from the workbench.
            await workbench.openFile(NOTE);
            if (await page.locator('[id="workbench.parts.panel"]').isVisible()) await workbench.runCommand('View: Hide Panel');
            const lines = readFileSync(path.join(workbench.folder, NOTE), 'utf8').split('\n');
            await page.keyboard.press('Control+G');
            await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
            await page.keyboard.type(String(lines.findIndex(line => line.startsWith(`tree ${TREE}`)) + 1));
            await page.keyboard.press('Enter');
            const lens = workbench.editor().locator('.codelens-decoration a', { hasText: 'Γ-maximin: {play_bet_bet}' }).first();
            await lens.waitFor({ timeout: 30_000 });
            await workbench.clickLensUntil(lens, 'preview of the tree', () => page.locator('.tabs-container .tab', { hasText: `Preview ${NOTE}` })
                .first().isVisible());

            // Γ-maximin bets after both tosses: the root's `play` and one `bet` per toss.
            const maximin = await shownRule(workbench, 'maximin');
            log(`after the lens: ${JSON.stringify(maximin)}`);
            if (maximin.thick !== 3 || maximin.taking !== 3) throw new Error(`three thick branches for Γ-maximin: ${JSON.stringify(maximin)}`);
            if (maximin.caption !== 'Γ-maximin' || maximin.pressed !== 'maximin') throw new Error(`caption and button: ${JSON.stringify(maximin)}`);
            await workbench.screenshot('tree-lens-maximin');

            // Maximality keeps three strategies: `play`, and both `bet` and `pass` after each toss.
            await preview(workbench).locator(`figure.credal-tree-figure[data-tree="${TREE}"] button[data-rule="maximality"]`).first().click();
            const maximality = await shownRule(workbench, 'maximality');
            log(`after the button: ${JSON.stringify(maximality)}`);
            if (maximality.thick !== 5 || maximality.taking !== 5) throw new Error(`five thick branches for maximality: ${JSON.stringify(maximality)}`);
            await workbench.screenshot('tree-button-maximality');
            await workbench.runCommand('View: Close All Editor Groups');
        }
    }
];
