// The drain's closing statement: mark its events processed and pre-claim the replies it wrote,
// in one round trip (the usual case: one conversation per drain). Every row is named by its
// conversation as well as its id: whichever index the planner takes (a generic plan made while the
// tables were small took the workspace's), it reads one conversation's entries, not a workspace's.
import { prepared } from '../db/prepared';
import type { TenantDb } from '../db/tenant-db';
import { PRECLAIM_SQL, inOrder, preclaim } from '../outbox/outbox';
import { SEND_TIMING, sendLeaseMs } from '../outbox/send-timing';
import type { PendingSend } from '../outbox/outbox';

export async function finishDrain(tx: TenantDb, conversationKey: string, processedIds: number[], sends: PendingSend[], leaseMs = sendLeaseMs(SEND_TIMING)): Promise<void> {
  const [only, ...more] = sends;
  if (!only || more.length > 0) {
    for (const send of sends) send.claimed = await preclaim(tx, send.conversationId, send.messages.map((m) => m.id), leaseMs);
    if (processedIds.length) await tx.from('inbound_events').where({ conversation_key: conversationKey }).whereIn('id', processedIds).update({ status: 'processed', processed_at: new Date() });
    return;
  }
  const ids = only.messages.map((m) => m.id);
  const res = await tx.raw(
    `WITH done AS (
       UPDATE inbound_events SET status = 'processed', processed_at = now()
       WHERE tenant_id = :tenant AND conversation_key = :key AND id = ANY(:done::bigint[]) RETURNING 1),
     pre AS (${PRECLAIM_SQL} RETURNING id)
     SELECT id, (SELECT count(*) FROM done)::int AS processed FROM pre`,
    { tenant: tx.tenantId, key: conversationKey, done: processedIds, lease: leaseMs, ids, conv: only.conversationId },
  ).options(prepared('finish_drain'));
  only.claimed = inOrder(ids, res.rows);
}
