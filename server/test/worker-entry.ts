// The worker spawnWorker starts when a test gives it runtime options: main.ts's start, with the
// options (JSON in ZYNTRA_TEST_RUNTIME_OPTIONS) an in-process test app takes, such as a shorter
// campaign or reply provider deadline and lock, so a killed worker's leases run out within the test.
import { loadConfigOrExit } from '../src/config/env';
import { startRuntime, type RuntimeOptions } from '../src/runtime';

const options = JSON.parse(process.env.ZYNTRA_TEST_RUNTIME_OPTIONS ?? '{}') as RuntimeOptions;
await startRuntime(loadConfigOrExit(), options).catch((err: Error) => {
  process.stderr.write(`test worker failed to start: ${err.message}\n`);
  process.exit(1);
});
