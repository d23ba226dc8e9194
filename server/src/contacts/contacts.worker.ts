// The `contacts` queue: CSV imports. A job carries ids only; the import row holds the file and the progress.
import type { Knex } from 'knex';
import type { ContactsJob } from '../queues/queue-names';
import { failImport, processImport } from './contact-imports.service';

export async function processContactsJob(db: Knex, job: ContactsJob, opts: { finalAttempt: boolean }): Promise<void> {
  try {
    await processImport(db, job.tenantId, job.importId);
  } catch (err) {
    if (opts.finalAttempt) await failImport(db, job.tenantId, job.importId, (err as Error).message);
    throw err;
  }
}
