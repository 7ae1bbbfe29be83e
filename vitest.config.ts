import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['language-server/test/**/*.test.ts', 'extension/test/**/*.test.ts'],
        setupFiles: ['./scripts/node20-polyfills.mjs'],
        testTimeout: 30000
    }
});
