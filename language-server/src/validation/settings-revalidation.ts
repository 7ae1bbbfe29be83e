/**
 * Settings that change values (budgets, DDT and conditioning conventions) invalidate every cached
 * evaluation: the evaluator drops its caches, and every loaded note is validated again with all
 * categories, as a save would, so no diagnostic computed under the old settings stays on screen.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { CredalEvaluator } from '../evaluation/evaluator.js';
import { readSettings } from '../evaluation/settings.js';

export function revalidateOnSettingsChange(shared: LangiumSharedServices, evaluator: CredalEvaluator): void {
    const { ConfigurationProvider, LangiumDocuments, DocumentBuilder, WorkspaceLock } = shared.workspace;
    ConfigurationProvider.onConfigurationSectionUpdate((update) => {
        if (update.section !== 'credal' || !evaluator.updateSettings(readSettings(update.configuration))) return;
        WorkspaceLock.write(async (token) => {
            const documents = LangiumDocuments.all.filter((d) => shared.ServiceRegistry.hasServices(d.uri)).toArray();
            if (documents.length > 0) await DocumentBuilder.build(documents, { validation: true }, token);
        }).catch((error) => console.error('Credal server: re-validation after a settings change failed:', error));
    });
}
