import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Unpacks the browser for the e2e and CSP tests once, before the workers start.
    globalSetup: ['tests/support/globalSetup.ts'],
    // Two cores here and in CI: integration tests open real SQLite files and build real PDFs.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
