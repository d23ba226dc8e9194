import { defineConfig } from 'vitest/config';

// Pure unit tests (no services), integration tests against real PostgreSQL/Redis/S3 started once
// by the global setup, and browser journeys in Chromium. Test files share one module graph per
// worker (isolate: false): loading it again for each file cost most of the unit files' time and
// minutes of the whole run. A test that replaces a module (vi.mock) needs a graph of its own: it is
// named *.isolated.test.ts (the lint says so) and runs in `unit-isolated`.
const UNIT = '{flows-schema,server,client,database,scripts,deploy}/**/*.test.{ts,tsx}';
const ISOLATED = '**/*.isolated.test.{ts,tsx}';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [UNIT],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts', ISOLATED],
          isolate: false,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          include: [ISOLATED],
          exclude: ['**/node_modules/**'],
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
