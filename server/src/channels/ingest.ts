// The inbound pipeline's first half, shared by every provider: store the parsed items (dedupe on
// the provider's id), then enqueue one drain job per conversation touched. Storing comes first and
// is the only step the 2xx waits on; if Redis is down the rows wait for the sweeper.
import type { Knex } from 'knex';
import type { Logger } from '../log/logger';
import { withTimeout, type Queues } from '../queues/queues';
import type { InboundItem } from './channel-adapter';
import type { ChannelRecord } from './channel-types';
import { forTenant } from '../db/tenant-db';
import { applyDeliveryStatus } from '../messages/message.queries';
import { rejection, type Rejection } from './inbound-rejection';
import { recordRejections } from './rejections.queries';
import { traceFields } from '../log/trace';
import { addDrains } from '../queues/drain-jobs';

export type IngestDeps = { db: Knex; queues: Queues; log: Logger };

/**
 * Messages are ordered per contact (on the phone when there is one, so the same person seen with
 * and without a business-scoped id is one queue); statuses need no order, so each is its own key.
 */
export const conversationKeyOf = (channelId: string, item: InboundItem) =>
  item.kind === 'status' ? `status:${channelId}:${item.providerMessageId}` : `${channelId}:${item.contact.phone ?? item.contact.externalId}`;

type StatusItem = Extract<InboundItem, { kind: 'status' }>;

/**
 * PostgreSQL refused the values themselves (data exception, or a key too big to index), not the
 * connection or the schema: that item is set aside and the others go on. Anything else is thrown,
 * so the provider retries the whole payload later.
 */
const isDataError = (err: unknown) => /^(22|54)/.test(String((err as { code?: unknown }).code ?? ''));

const unstorable = (item: InboundItem, err: unknown) =>
  rejection(`The item could not be stored (PostgreSQL ${String((err as { code?: unknown }).code)})`, item);

/**
 * Statuses are applied as they arrive, one statement each: applying them is storing them. Only
 * a status whose message we do not know yet is kept as an inbound event, to be retried in order.
 */
async function applyStatuses(deps: IngestDeps, channel: ChannelRecord, statuses: StatusItem[], failed: Rejection[]) {
  const tdb = forTenant(deps.db, channel.tenantId);
  const unknown: StatusItem[] = [];
  let applied = 0;
  for (const item of statuses) {
    try {
      const { found } = await applyDeliveryStatus(tdb, {
        channelId: channel.id, providerMessageId: item.providerMessageId, callbackData: item.callbackData, status: item.status, error: item.error,
      });
      if (found) applied++;
      else unknown.push(item);
    } catch (err) {
      if (!isDataError(err)) throw err;
      failed.push(unstorable(item, err));
    }
  }
  return { unknown, applied };
}

type EventRow = { tenant_id: string; channel_id: string; provider_event_id: string; kind: string; conversation_key: string; payload: string };

const insertEvents = (deps: IngestDeps, rows: EventRow[]): Promise<Array<{ conversation_key: string }>> =>
  deps.db('inbound_events').insert(rows).onConflict(['channel_id', 'provider_event_id']).ignore().returning(['conversation_key']);

/** One statement for the whole batch; if PostgreSQL refuses a value, each item on its own. */
async function storeEvents(deps: IngestDeps, items: InboundItem[], rows: EventRow[], failed: Rejection[]) {
  try {
    return await insertEvents(deps, rows);
  } catch (err) {
    if (!isDataError(err)) throw err;
  }
  const inserted: Array<{ conversation_key: string }> = [];
  for (const [i, row] of rows.entries()) {
    try {
      inserted.push(...(await insertEvents(deps, [row])));
    } catch (err) {
      if (!isDataError(err)) throw err;
      failed.push(unstorable(items[i]!, err));
    }
  }
  return inserted;
}

export type IngestResult = { stored: number; rejected: number };

/**
 * Stores what the parsers made of a payload. `rejected` are the items they could not use; they are
 * recorded for the workspace together with any item the database refused.
 */
export async function ingest(deps: IngestDeps, channel: ChannelRecord, all: InboundItem[], rejected: Rejection[] = []): Promise<IngestResult> {
  const failed = [...rejected];
  const statuses = all.filter((i): i is StatusItem => i.kind === 'status');
  const { unknown, applied } = statuses.length ? await applyStatuses(deps, channel, statuses, failed) : { unknown: [], applied: 0 };
  const items = [...all.filter((i) => i.kind !== 'status'), ...unknown];
  const rows = items.map((item) => ({
    tenant_id: channel.tenantId,
    channel_id: channel.id,
    provider_event_id: item.eventId,
    kind: item.kind,
    conversation_key: conversationKeyOf(channel.id, item),
    payload: JSON.stringify(item),
  }));
  const inserted = rows.length ? await storeEvents(deps, items, rows, failed) : [];
  const keys = [...new Set(inserted.map((r) => r.conversation_key))];
  if (keys.length) await enqueueDrains(deps, channel, keys);
  if (failed.length) {
    deps.log.warn({ channelId: channel.id, rejected: failed.length, reasons: [...new Set(failed.map((f) => f.reason))] }, 'inbound items set aside');
    await recordRejections(forTenant(deps.db, channel.tenantId), channel.id, failed);
  }
  return { stored: applied + inserted.length, rejected: failed.length };
}

export async function enqueueDrains(deps: Pick<IngestDeps, 'queues' | 'log'>, channel: Pick<ChannelRecord, 'id' | 'tenantId'>, keys: string[]) {
  try {
    const jobs = keys.map((conversationKey) => ({ tenantId: channel.tenantId, channelId: channel.id, conversationKey, ...traceFields() }));
    await withTimeout(addDrains(deps.queues, jobs, { dedupe: true }), 1_000);
  } catch (err) {
    deps.log.warn({ err: (err as Error).message, keys: keys.length }, 'inbound stored but not enqueued; the sweeper will pick it up');
  }
}
