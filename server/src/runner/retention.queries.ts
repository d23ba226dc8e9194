// Retention purges. Maintenance across tenants (the policy is the installation's): each call
// deletes one bounded batch, found by age through a partial index, skipping rows another process
// holds. Only operational rows and the simulator's test runs; customer messages are never touched.
import type { Knex } from 'knex';

const AGE = "now() - (? * interval '1 day')";

async function deleteBatch(db: Knex, table: string, where: string, days: number, limit: number): Promise<number> {
  const res = await db.raw(
    `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT ? FOR UPDATE SKIP LOCKED)`,
    [days, limit],
  );
  return res.rowCount ?? 0;
}

/** Provider events already processed (or set aside); the messages they became stay. */
export const purgeInboundEvents = (db: Knex, days: number, limit: number) =>
  deleteBatch(db, 'inbound_events', `status IN ('processed', 'failed') AND received_at < ${AGE}`, days, limit);

/** Domain events already fanned out to every listener; undispatched ones, and ones a listener still retries, stay. */
export const purgeDomainEvents = (db: Knex, days: number, limit: number) =>
  deleteBatch(
    db, 'domain_events',
    `dispatched_at IS NOT NULL AND created_at < ${AGE} AND NOT EXISTS (SELECT 1 FROM domain_event_retries r WHERE r.event_id = domain_events.id)`,
    days, limit,
  );

/** Outbound-webhook messages that are finished (delivered or failed), with their attempt log. */
export const purgeWebhookMessages = (db: Knex, days: number, limit: number) =>
  deleteBatch(db, 'webhook_messages', `status <> 'pending' AND created_at < ${AGE}`, days, limit);

/** Payload items set aside at ingest: the excerpt may hold a customer's data, so it ages out too. */
export const purgeInboundRejections = (db: Knex, days: number, limit: number) =>
  deleteBatch(db, 'inbound_rejections', `last_seen_at < ${AGE}`, days, limit);

export const purgeRunLogs = (db: Knex, days: number, limit: number) => deleteBatch(db, 'run_logs', `at < ${AGE}`, days, limit);

/**
 * The builder's test runs: each is a test-only flow version with its own simulator contact and
 * conversation. A run still in use (a message since the cutoff) is kept.
 */
export async function purgeTestRuns(db: Knex, days: number, limit: number): Promise<number> {
  return db.transaction(async (tx): Promise<number> => {
    const versions: Array<{ id: string }> = await tx('flow_versions as v')
      .where('v.is_test', true)
      .whereRaw(`v.created_at < ${AGE}`, [days])
      .whereNotExists((q) =>
        q.select(tx.raw('1')).from('conversations as c').whereRaw('c.test_flow_version_id = v.id').whereRaw(`c.last_message_at >= ${AGE}`, [days]),
      )
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .select('v.id');
    if (!versions.length) return 0;
    const ids = versions.map((v) => v.id);
    // Messages, sessions and run logs of these conversations go with them (ON DELETE CASCADE).
    const gone: Array<{ contact_id: string }> = await tx('conversations').whereIn('test_flow_version_id', ids).delete().returning('contact_id');
    await tx('contacts')
      .whereIn('id', gone.map((c) => c.contact_id))
      .whereNotExists((q) => q.select(tx.raw('1')).from('conversations').whereRaw('conversations.contact_id = contacts.id'))
      .delete();
    const deleted: number = await tx('flow_versions').whereIn('id', ids).where('is_test', true).delete();
    return deleted;
  });
}
