import { configDefaults, defineConfig } from 'vitest/config';

// The PostgreSQL tests are projects of their own: their globalSetup starts one real server for the
// run, and vitest runs a project's globalSetup only when the run holds one of its files, so a run
// of other tests (npm test: the main project) never starts it. npm run test:postgres runs both.
const POSTGRES_TESTS = 'tests/**/postgres.*.test.ts';

// The store and contract tests, run a second time with every store on the test server
// (tests/fixtures/databases.ts reads BOARD_PACK_TEST_BACKEND): the same files, not copies. A test
// of the SQLite file itself is skipped there with it.skipIf(onPostgres) and its reason.
// A demo load is some 450 statements (a month of updates in a few multi-row INSERTs), so
// demo.test.ts runs on both too.
const STORE_TESTS_ON_POSTGRES = [
  'tests/integration/contract.test.ts',
  'tests/integration/contract.*.test.ts',
  'tests/integration/chase.test.ts',
  'tests/integration/meetingActions.test.ts',
  'tests/integration/search.test.ts',
  'tests/integration/storeRows.test.ts',
  'tests/integration/storeRules.test.ts',
  'tests/integration/indicators.test.ts',
  'tests/integration/copyDatabase.test.ts',
  'tests/integration/editConflicts.test.ts',
  'tests/integration/pack.issueConflict.test.ts',
  'tests/integration/demo.test.ts',
];

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
      {
        extends: true,
        test: {
          name: 'store-postgres',
          include: STORE_TESTS_ON_POSTGRES,
          globalSetup: ['tests/support/postgresServer.ts'],
          env: { BOARD_PACK_TEST_BACKEND: 'postgres' },
          // A statement is a round trip to the server, not a call into a library: the few tests
          // that load demo months take tens of seconds there on busy cores.
          testTimeout: 180_000,
        },
      },
    ],
  },
});
