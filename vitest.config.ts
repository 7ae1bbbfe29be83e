import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['language-server/test/**/*.test.ts', 'extension/test/**/*.test.ts'],
        setupFiles: ['./scripts/node20-polyfills.mjs'],
        testTimeout: 30000,
        // The JSON copy of the results lets CI print one plain `N passed, N failed` line for the whole run.
        reporters: ['default', 'json'],
        outputFile: { json: 'out/test-results/vitest.json' }
    }
});
