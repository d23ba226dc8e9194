// Retention (LGPD asks for a policy): operational rows older than RETENTION_DAYS are purged by the
// housekeeping job, a few bounded batches per run so no statement holds locks for long and a
// backlog drains over successive runs. RETENTION_DAYS=0 keeps everything. Customer messages,
// contacts and conversations are not operational rows and are never purged here.
import type { Knex } from 'knex';
import * as q from './retention.queries';

export type RetentionDeps = { db: Knex; retentionDays: number };

type Purge = { batch: number; run(db: Knex, days: number, limit: number): Promise<number> };

const PURGES = {
  inboundEvents: { batch: 1000, run: q.purgeInboundEvents },
  domainEvents: { batch: 1000, run: q.purgeDomainEvents },
  inboundRejections: { batch: 1000, run: q.purgeInboundRejections },
  runLogs: { batch: 2000, run: q.purgeRunLogs },
  testRuns: { batch: 50, run: q.purgeTestRuns },
  webhookMessages: { batch: 1000, run: q.purgeWebhookMessages },
} satisfies Record<string, Purge>;

export type PurgeCounts = Record<keyof typeof PURGES, number>;

/** Batches per purge per housekeeping run: bounds one run's work; the next run continues. */
const MAX_BATCHES = 10;

async function drain(db: Knex, days: number, purge: Purge): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const n = await purge.run(db, days, purge.batch);
    total += n;
    if (n < purge.batch) break;
  }
  return total;
}

export async function purgeExpired(deps: RetentionDeps): Promise<PurgeCounts | null> {
  if (deps.retentionDays <= 0) return null;
  const counts = {} as PurgeCounts;
  for (const [name, purge] of Object.entries(PURGES)) counts[name as keyof PurgeCounts] = await drain(deps.db, deps.retentionDays, purge);
  return counts;
}
