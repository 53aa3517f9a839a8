import { configDefaults, defineConfig } from 'vitest/config';

// The PostgreSQL tests are a project of their own: its globalSetup starts one real server for the
// run, and vitest runs a project's globalSetup only when the run holds one of its files, so a run
// of other tests never starts it.
const POSTGRES_TESTS = 'tests/**/postgres.*.test.ts';

export default defineConfig({
  test: {
    // Unpacks the browser for the e2e and CSP tests once, before the workers start.
    globalSetup: ['tests/support/globalSetup.ts'],
    // Two cores here and in CI: integration tests open real SQLite files and build real PDFs.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, POSTGRES_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [POSTGRES_TESTS],
          globalSetup: ['tests/support/postgresServer.ts'],
        },
      },
    ],
  },
});
