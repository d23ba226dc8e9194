// Before a process serves or works, the schema must be the one this build expects. By default it
// migrates itself (npm start, small installs); with MIGRATE_ON_START=false a separate migrations
// step does it (compose's `migrate` service, the Helm hook Job) and processes only wait for it.
import type { Knex } from 'knex';
import { migrateLatest, migrationsUpToDate } from '@zyntra/database';
import type { Logger } from '../log/logger';

export async function ensureSchema(db: Knex, log: Logger, opts: { migrate: boolean; pollMs?: number }): Promise<void> {
  if (opts.migrate) {
    const applied = await migrateLatest(db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    return;
  }
  let told = false;
  while (!(await migrationsUpToDate(db))) {
    if (!told) log.warn('waiting for the migrations step: the database lacks migrations of this build');
    told = true;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 2_000));
  }
}
