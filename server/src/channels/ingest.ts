// The inbound pipeline's first half, shared by every provider: store the parsed items (dedupe on
// the provider's id), then enqueue one drain job per conversation touched. Storing comes first and
// is the only step the 2xx waits on; if Redis is down the rows wait for the sweeper.
import type { Knex } from 'knex';
import type { Logger } from '../log/logger';
import { withTimeout, type Queues } from '../queues/queues';
import type { InboundItem } from './channel-adapter';
import type { ChannelRecord } from './channel-types';
import { forTenant } from '../db/tenant-db';
import { applyDeliveryStatus } from '../runner/message.queries';

export type IngestDeps = { db: Knex; queues: Queues; log: Logger };

/** Messages are ordered per contact; statuses need no order, so each is its own key. */
export const conversationKeyOf = (channelId: string, item: InboundItem) =>
  item.kind === 'status' ? `status:${channelId}:${item.providerMessageId}` : `${channelId}:${item.contact.externalId}`;

type StatusItem = Extract<InboundItem, { kind: 'status' }>;

/**
 * Statuses are applied as they arrive, one statement each: applying them is storing them. Only
 * a status whose message we do not know yet is kept as an inbound event, to be retried in order.
 */
async function applyStatuses(deps: IngestDeps, channel: ChannelRecord, statuses: StatusItem[]): Promise<StatusItem[]> {
  const tdb = forTenant(deps.db, channel.tenantId);
  const unknown: StatusItem[] = [];
  for (const item of statuses) {
    const { found } = await applyDeliveryStatus(tdb, {
      channelId: channel.id, providerMessageId: item.providerMessageId, callbackData: item.callbackData, status: item.status, error: item.error,
    });
    if (!found) unknown.push(item);
  }
  return unknown;
}

export async function ingest(deps: IngestDeps, channel: ChannelRecord, all: InboundItem[]): Promise<{ stored: number }> {
  const statuses = all.filter((i): i is StatusItem => i.kind === 'status');
  const items = [...all.filter((i) => i.kind !== 'status'), ...(statuses.length ? await applyStatuses(deps, channel, statuses) : [])];
  if (items.length === 0) return { stored: statuses.length };
  const rows = items.map((item) => ({
    tenant_id: channel.tenantId,
    channel_id: channel.id,
    provider_event_id: item.eventId,
    kind: item.kind,
    conversation_key: conversationKeyOf(channel.id, item),
    payload: JSON.stringify(item),
  }));
  const inserted: Array<{ conversation_key: string }> = await deps
    .db('inbound_events')
    .insert(rows)
    .onConflict(['channel_id', 'provider_event_id'])
    .ignore()
    .returning(['conversation_key']);
  const keys = [...new Set(inserted.map((r) => r.conversation_key))];
  if (keys.length) await enqueueDrains(deps, channel, keys);
  return { stored: inserted.length };
}

export async function enqueueDrains(deps: Pick<IngestDeps, 'queues' | 'log'>, channel: Pick<ChannelRecord, 'id' | 'tenantId'>, keys: string[]) {
  try {
    await withTimeout(
      deps.queues.inbound.addBulk(keys.map((conversationKey) => ({ name: 'drain', data: { tenantId: channel.tenantId, channelId: channel.id, conversationKey } }))),
      1_000,
    );
  } catch (err) {
    deps.log.warn({ err: (err as Error).message, keys: keys.length }, 'inbound stored but not enqueued; the sweeper will pick it up');
  }
}
