import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code they test. Integration tests start the twins on
// loopback, a real SQLite file and the real keychain, so they run in forked processes.
export default defineConfig({
  test: {
    include: ['{main,shared,renderer,scripts}/**/*.test.{ts,tsx}', 'eslint-fixtures/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
