// Channel registration and lookup. Secrets are sealed before they reach the database and opened
// only inside the server; answers carry the webhook URL to paste into the provider.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { notFound } from '../http/app-error';
import type { Sealer } from '../security/seal';
import { SECRET_KEYS, type ChannelRecord, type ChannelType } from './channel-types';
import * as q from './channels.queries';
import type { ConnectionCheck, ConnectionResult } from './connection-check';
import { recordAudit } from '../audit/audit.queries';
import type { CreateChannelInput } from './channels.schemas';
import { precheckRoomFor, withRoomFor } from '../limits/workspace-caps';

/**
 * publicUrl is read per request: with PORT=0 the real port is known only once the server listens.
 * check: the provider's "test connection"; cache: the webhook path's channel cache, told of edits.
 */
export type ChannelsDeps = { db: Knex; sealer: Sealer; publicUrl: () => string; check: ConnectionCheck; cache: { forget(id: string): void } };

const WEBHOOK_PATHS: Record<ChannelType, string | null> = {
  whatsapp_cloud: 'whatsapp',
  evolution: 'evolution',
  webchat: null,
};

/** A provider cannot reach a loopback address: say so beside the URL (PUBLIC_URL is the fix). */
const isLoopback = (url: string) => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '::1' || host === '0.0.0.0';
};

export function toPublicChannel(row: q.ChannelRow, publicUrl: string) {
  const path = WEBHOOK_PATHS[row.type as ChannelType];
  return {
    ...(path && isLoopback(publicUrl) ? { warnings: ['webhook_url_loopback'] } : {}),
    id: row.id,
    type: row.type,
    name: row.name,
    config: row.config,
    status: row.status,
    webhookUrl: path ? `${publicUrl}/v1/webhooks/${path}/${row.id}` : null,
    /** The provider's latest word on the number itself (webhook errors, account and quality events), or null. */
    health: row.health ?? null,
    createdAt: row.created_at,
  };
}

export function split(type: ChannelType, config: Record<string, string>) {
  const secretKeys: readonly string[] = SECRET_KEYS[type];
  const visible = Object.fromEntries(Object.entries(config).filter(([k]) => !secretKeys.includes(k)));
  const secrets = Object.fromEntries(Object.entries(config).filter(([k]) => secretKeys.includes(k)));
  return { visible, secrets };
}

/** The messaging limit tier the provider told while checking, kept with the channel's settings. */
export const learnedTier = (connection: ConnectionResult): Record<string, string> =>
  connection.messagingLimitTier ? { messagingLimitTier: connection.messagingLimitTier } : {};

/** Created `active` when the provider answers for these settings, else `pending` until a test passes. */
export async function createChannel(deps: ChannelsDeps, actor: { tenantId: string; userId: string }, input: CreateChannelInput) {
  const { visible, secrets } = split(input.type, input.config as Record<string, string>);
  // A workspace at its cap gets its refusal before we call the provider it names, not after.
  await precheckRoomFor(forTenant(deps.db, actor.tenantId), 'channels');
  const connection = await deps.check({ type: input.type, config: visible as Record<string, string>, secrets });
  const row = await withRoomFor(forTenant(deps.db, actor.tenantId), 'channels', async (tx) => {
    const created = await q.insertChannel(tx, {
      type: input.type,
      name: input.name,
      config: { ...visible, ...learnedTier(connection) },
      secrets_enc: Object.keys(secrets).length ? deps.sealer.seal(JSON.stringify(secrets)) : null,
      status: connection.ok ? 'active' : 'pending',
    });
    await recordAudit(tx, { actorUserId: actor.userId, action: 'channel.created', targetType: 'channel', targetId: created.id, data: { type: input.type, name: input.name } });
    return created;
  });
  return { ...toPublicChannel(row, deps.publicUrl()), connection };
}

export async function listChannels(deps: ChannelsDeps, tenantId: string) {
  const rows = await q.listChannels(forTenant(deps.db, tenantId));
  return rows.map((r) => toPublicChannel(r, deps.publicUrl()));
}

export async function getChannel(deps: ChannelsDeps, tenantId: string, id: string) {
  const row = await q.findChannel(forTenant(deps.db, tenantId), id);
  if (!row) throw notFound('Channel');
  return toPublicChannel(row, deps.publicUrl());
}

export function openChannel(row: q.ChannelRow, sealer: Sealer): ChannelRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type as ChannelType,
    name: row.name,
    config: row.config,
    secrets: row.secrets_enc ? JSON.parse(sealer.open(row.secrets_enc)) : {},
  };
}
