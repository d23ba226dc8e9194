// Server entry: `ROLE=api|worker|all node server/dist/main.js` (compiled by `npm run build`), or
// `tsx server/src/main.ts` in development. Reads the environment once and stops cleanly on
// SIGINT/SIGTERM.
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from './config/env';
import { startRuntime } from './runtime';

// server/src/main.ts and server/dist/main.js both sit two folders below the repository root.
const bundledClient = fileURLToPath(new URL('../../client/dist', import.meta.url));

const config = loadConfigOrExit();
const runtime = await startRuntime(config, { clientDistDir: config.CLIENT_DIST_DIR ?? bundledClient }).catch((err: Error) => {
  process.stderr.write(`Zyntra failed to start: ${err.message}\n`);
  process.exit(1);
});
if (runtime.url) process.stdout.write(`Zyntra (${config.ROLE}) listening on ${runtime.url}\n`);

let stopping = false;
// Log instead of crashing: one failed background command must not take the whole process down.
process.on('unhandledRejection', (err) => {
  if (!stopping) runtime.log.error({ err }, 'unhandled rejection');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    runtime.log.info({ signal }, 'shutting down');
    void runtime.close().then(() => process.exit(0));
  });
}
