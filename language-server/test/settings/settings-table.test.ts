import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS, settingValue } from '../../src/settings/settings-table.js';

interface Declared { type: string; default: unknown; enum?: unknown[]; enumDescriptions?: string[]; minimum?: number; maximum?: number }

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Declared> } };
};
const declared = manifest.contributes.configuration.properties;
/** Read by the extension or by VS Code itself, never by the server. */
const clientOnly = (name: string): boolean => name === 'credal.trace.server' || name.startsWith('credal.preview.');

describe('one table of settings', () => {
    it('package.json declares every setting of the table with its type, default and accepted values', () => {
        for (const [name, spec] of Object.entries(SETTINGS)) {
            const entry = declared[name];
            expect(entry, name).toBeDefined();
            expect(entry!.type, name).toBe(spec.type);
            expect(entry!.default, name).toEqual(spec.default);
            expect(entry!.enum, name).toEqual('enum' in spec ? spec.enum : undefined);
            // Hover and completion explain a convention word with its description here.
            expect(entry!.enumDescriptions, name).toEqual('enumDescriptions' in spec ? spec.enumDescriptions : undefined);
            expect(entry!.minimum, name).toBe('minimum' in spec ? spec.minimum : undefined);
            expect(entry!.maximum, name).toBe('maximum' in spec ? spec.maximum : undefined);
        }
    });

    it('every server setting in package.json is in the table', () => {
        const names = Object.keys(declared).filter((name) => !clientOnly(name));
        expect(names.filter((name) => !(name in SETTINGS))).toEqual([]);
    });

    it('a value the table does not accept reads as the default', () => {
        expect(settingValue('credal.hover.maxVertices', 1001)).toBe(20);
        expect(settingValue('credal.hover.maxVertices', 2.5)).toBe(20);
        expect(settingValue('credal.hover.maxVertices', 1000)).toBe(1000);
        expect(settingValue('credal.ddt.defaultSemantics', 'nirvana0')).toBe('nirvana0');
        expect(settingValue('credal.ddt.defaultSemantics', 'lenient')).toBe('strict');
        expect(settingValue('credal.evaluation.timeoutMs', Infinity)).toBe(10_000);
        expect(settingValue('credal.codeLens.enabled', 'yes')).toBe(true);
    });
});
