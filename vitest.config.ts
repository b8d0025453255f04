import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One throwaway PostgreSQL server for the run (or DUEDESK_TEST_PG); each test file makes its own database.
    globalSetup: ['test/helpers/pg-cluster.ts'],
  },
});
