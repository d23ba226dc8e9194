import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Pure unit tests (no services), integration tests against real PostgreSQL/Redis/S3 started once
// by the global setup, and browser journeys in Chromium. Integration and browser files share one
// module graph per worker (isolate: false): loading it again for each file cost minutes of the run.
// Unit files keep a fresh one each: some hold work to a time budget (validating large flows,
// tenant regexes) and some replace a module (vi.mock), which the lint allows only there.
//
// The groups run one after another (sequence.groupOrder): browser journeys two at a time (each has
// its own app, database, queue prefix and Chromium; a journey spends most of its time waiting on
// the page, the server and their timers: one at a time they kept about half a core of the two busy,
// and took 15 of the run's 20 minutes); then the integration files three at a time (each has its own
// database, queue prefix and, where it stops one, its own Redis; most of their time is spent waiting
// on leases, timers and retries, not CPU); then, one at a time, the browser and integration files
// that compare latencies, measure frames or hold work to a deadline, so another file's load cannot
// decide them; then the unit files.
const TIMED_FILES = [
  'server/src/outbox/hanging-provider.int.test.ts',
  'server/src/queues/fair-share.int.test.ts',
  'server/src/http/workspace-share.int.test.ts',
  'server/src/runner/call-isolation.int.test.ts',
  'server/src/flows/flows-limits.int.test.ts',
  'server/src/db/statement-timeout.int.test.ts',
  // Frame and CPU figures of a 300-node flow, written for the performance notes.
  'client/e2e/builder-perf.e2e.test.ts',
  // A template's review shows on the open page within 2 s.
  'client/e2e/templates-live.e2e.test.ts',
];

// The longest integration files (30 to 90 s alone), mostly spent waiting out leases, back-offs and
// a killed worker's restart, and the longest browser files (45 to 70 s), longest first. With no timings from an earlier run (a fresh clone, as in CI)
// vitest starts the largest files first; these are small and started last, so one ran alone for the
// last minute of the group. Started first, the short files fill the other workers meanwhile.
const LONG_FILES = [
  'server/src/campaigns/campaigns.int.test.ts',
  'server/src/runner/resilience.int.test.ts',
  'server/src/outbox/send-isolation.int.test.ts',
  'scripts/start.int.test.ts',
  'server/src/inbox/no-agent.int.test.ts',
  'client/e2e/members.e2e.test.ts',
  'client/e2e/inbox.e2e.test.ts',
  'client/e2e/inbox-reconnect.e2e.test.ts',
  'client/e2e/inbox-alerts.e2e.test.ts',
  'client/e2e/campaigns.e2e.test.ts',
];

/** vitest's order, with LONG_FILES moved to the front of their project (the rest keep their order). */
class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONG_FILES.findIndex((path) => f.moduleId.endsWith(`/${path}`));
      return i === -1 ? LONG_FILES.length : i;
    };
    const projectAt = new Map<string, number>();
    sorted.forEach((f, i) => projectAt.has(f.project.name) || projectAt.set(f.project.name, i));
    const key = (f: TestSpecification, i: number) => [projectAt.get(f.project.name)!, rank(f), i];
    const keyed = sorted.map((f, i) => ({ f, k: key(f, i) }));
    keyed.sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.k[2]! - b.k[2]!);
    return keyed.map(({ f }) => f);
  }
}

const browserTimeouts = { testTimeout: 120_000, hookTimeout: 180_000 };
const services = { globalSetup: ['server/test/global-setup.ts'], isolate: false, testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    sequence: { sequencer: LongFilesFirst },
    projects: [
      {
        test: {
          name: 'e2e',
          include: ['client/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**', ...TIMED_FILES],
          ...services,
          ...browserTimeouts,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'int',
          include: ['{server,database,scripts}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', ...TIMED_FILES],
          ...services,
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'timed',
          include: TIMED_FILES,
          ...services,
          ...browserTimeouts,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'unit',
          include: ['{flows-schema,server,client,database,scripts,deploy}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
          // At least two: vitest's default (cores - 1) is one worker on a 2-core CI machine, loading
          // each file's modules in turn (about 90 of the group's 115 s there were loading, 28 tests).
          // The time-bounded files measure CPU time or have wide bounds, and the group runs alone.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
