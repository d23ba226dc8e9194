// Rejected inbound items, kept per channel for the workspace to inspect: one row per distinct item
// (a provider's retries raise `times`), and only the newest few hundred per channel.
import { createHash } from 'node:crypto';
import type { TenantDb } from '../db/tenant-db';
import type { Rejection } from './inbound-rejection';

export const MAX_REJECTIONS_PER_CHANNEL = 500;

export type RejectionRow = { id: string; reason: string; sample: unknown; times: number; first_seen_at: Date; last_seen_at: Date };

const fingerprintOf = (r: Rejection) => createHash('sha256').update(r.reason).update('\n').update(JSON.stringify(r.sample)).digest('hex');

export async function recordRejections(tdb: TenantDb, channelId: string, rejected: Rejection[]): Promise<void> {
  // One statement cannot update the same row twice: an item repeated in one payload is one row.
  const rows = new Map(rejected.map((r) => [fingerprintOf(r), r]));
  const now = new Date();
  await tdb
    .insert(
      'inbound_rejections',
      [...rows].map(([fingerprint, r]) => ({ channel_id: channelId, fingerprint, reason: r.reason, sample: JSON.stringify(r.sample) })),
    )
    .onConflict(['channel_id', 'fingerprint'])
    .merge({ times: tdb.raw('inbound_rejections.times + 1'), last_seen_at: now });
  const oldestKept = tdb.from('inbound_rejections').where({ channel_id: channelId }).orderBy('id', 'desc').offset(MAX_REJECTIONS_PER_CHANNEL).limit(1).select('id');
  await tdb.from('inbound_rejections').where({ channel_id: channelId }).where('id', '<=', oldestKept).delete();
}

/** Newest first; `before` is the last id of the previous page. */
export function listRejections(tdb: TenantDb, channelId: string, limit: number, before?: string): Promise<RejectionRow[]> {
  const q = tdb.from('inbound_rejections').where({ channel_id: channelId });
  if (before) q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).select('id', 'reason', 'sample', 'times', 'first_seen_at', 'last_seen_at');
}

export async function countRejections(tdb: TenantDb, channelId: string): Promise<number> {
  const row = await tdb.from('inbound_rejections').where({ channel_id: channelId }).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
