// The `contacts` queue: CSV imports. A job carries ids only; the import row holds the file and the progress.
// A job applies batches for a slice of time, then hands the rest back to the queue behind the jobs
// waiting there: one workspace's 50,000-line import no longer keeps the others' imports waiting.
import type { Knex } from 'knex';
import type { ContactsJob } from '../queues/queue-names';
import { failImport, processImport } from './contact-imports.service';

/** How long one job applies batches before the import goes back to the queue. */
export const IMPORT_SLICE_MS = 2_000;

export async function processContactsJob(db: Knex, job: ContactsJob, opts: { finalAttempt: boolean; sliceMs?: number }): Promise<'done' | 'more'> {
  try {
    return await processImport(db, job.tenantId, job.importId, { until: Date.now() + (opts.sliceMs ?? IMPORT_SLICE_MS) });
  } catch (err) {
    if (opts.finalAttempt) await failImport(db, job.tenantId, job.importId, (err as Error).message);
    throw err;
  }
}
