import { defineConfig } from 'vitest/config';

// Pure unit tests (no services), integration tests against real PostgreSQL/Redis/S3 started once
// by the global setup, and browser journeys in Chromium. Integration and browser files share one
// module graph per worker (isolate: false): loading it again for each file cost minutes of the run.
// Unit files keep a fresh one each: some hold work to a time budget (validating large flows,
// tenant regexes) and some replace a module (vi.mock), which the lint allows only there.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{flows-schema,server,client,database,scripts,deploy}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['{server,database,scripts}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          isolate: false,
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['client/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**'],
          isolate: false,
          globalSetup: ['server/test/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
