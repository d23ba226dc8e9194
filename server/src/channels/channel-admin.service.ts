// An owner managing a channel after creating it: rename or change its settings (secrets may be left
// out to keep them), test the connection, disable, enable and delete. Settings changes are tested
// with the provider again and audited; the webhook path's cache forgets the channel at once.
import { withoutStatementTimeout } from '../db/knex';
import { forTenant } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import { issueViews } from '../http/validation-issues';
import type { Caller } from '../http/auth';
import { recordAudit, type AuditAction } from '../audit/audit.queries';
import { WORDING_KEYS, channelConfigSchemas, type ChannelType } from './channel-types';
import type { ConnectionResult } from './connection-check';
import * as q from './channels.queries';
import { learnedTier, openChannel, split, toPublicChannel, type ChannelsDeps } from './channels.service';

async function load(deps: ChannelsDeps, tenantId: string, id: string) {
  const row = await q.findChannel(forTenant(deps.db, tenantId), id);
  if (!row || row.config?.simulator === 'true') throw notFound('Channel');
  return row;
}

async function save(deps: ChannelsDeps, caller: Caller, id: string, patch: Parameters<typeof q.updateChannel>[2], action: AuditAction, data: Record<string, unknown> = {}) {
  const row = await forTenant(deps.db, caller.tenantId).transaction(async (tx) => {
    const updated = await q.updateChannel(tx, id, patch);
    if (!updated) throw notFound('Channel');
    // The name as it is now, so the log reads "Site da Loja", not an id, even after a rename or delete.
    await recordAudit(tx, { actorUserId: caller.userId, action, targetType: 'channel', targetId: id, data: { name: updated.name, ...data } });
    return updated;
  });
  deps.cache.forget(id);
  return row;
}

export async function updateChannel(deps: ChannelsDeps, caller: Caller, id: string, input: { name?: string; config?: Record<string, unknown> }) {
  const row = await load(deps, caller.tenantId, id);
  if (!input.config) {
    const saved = await save(deps, caller, id, { name: input.name ?? row.name }, 'channel.updated', { name: input.name });
    return toPublicChannel(saved, deps.publicUrl());
  }
  const type = row.type as ChannelType;
  const current = openChannel(row, deps.sealer);
  // An empty value clears the setting (an optional one falls back to its default; a required one is then missing).
  const merged: Record<string, unknown> = { ...current.config, ...current.secrets, ...input.config };
  for (const [key, value] of Object.entries(input.config)) if (value === '') delete merged[key];
  const parsed = channelConfigSchemas[type].safeParse(merged);
  if (!parsed.success) throw new AppError('validation_failed', 'The channel settings are not valid', { issues: issueViews(parsed.error.issues) });
  const { visible, secrets } = split(type, parsed.data as Record<string, string>);
  // Only the customers' language changed: the provider is not asked, and a number that works keeps working
  // (an outage at Meta must not turn it pending for a change of wording).
  const wordingOnly = Object.keys(input.config).every((key) => WORDING_KEYS.includes(key));
  const connection = wordingOnly ? null : await deps.check({ type, config: visible as Record<string, string>, secrets });
  const status = row.status === 'disabled' ? 'disabled' : !connection ? row.status : connection.ok ? 'active' : 'pending';
  // The tier learned for this number (from Meta's updates) stays unless the number itself changed.
  const kept: Record<string, string> = row.config.messagingLimitTier && row.config.phoneNumberId === visible.phoneNumberId ? { messagingLimitTier: row.config.messagingLimitTier } : {};
  const saved = await save(deps, caller, id, {
    name: input.name ?? row.name, config: { ...(visible as Record<string, string>), ...kept, ...(connection ? learnedTier(connection) : {}) },
    secrets_enc: Object.keys(secrets).length ? deps.sealer.seal(JSON.stringify(secrets)) : null, status,
  }, 'channel.credentials_changed', { keys: Object.keys(input.config).sort() });
  return { ...toPublicChannel(saved, deps.publicUrl()), ...(connection ? { connection } : {}) };
}

/** A check that told the number's messaging limit tier keeps it (campaigns stay under it). */
async function rememberTier(deps: ChannelsDeps, caller: Caller, row: q.ChannelRow, connection: ConnectionResult): Promise<q.ChannelRow> {
  const tier = connection.messagingLimitTier;
  if (!tier || row.config.messagingLimitTier === tier) return row;
  await q.setMessagingTier(forTenant(deps.db, caller.tenantId), row.id, tier);
  deps.cache.forget(row.id);
  return { ...row, config: { ...row.config, messagingLimitTier: tier } };
}

/** Asks the provider; a pending channel whose settings now work becomes active. */
export async function testChannel(deps: ChannelsDeps, caller: Caller, id: string) {
  const row = await load(deps, caller.tenantId, id);
  const connection = await deps.check(openChannel(row, deps.sealer));
  let saved = await rememberTier(deps, caller, row, connection);
  if (row.status === 'pending' && connection.ok) saved = await save(deps, caller, id, { status: 'active' }, 'channel.enabled', { tested: true });
  return { ...toPublicChannel(saved, deps.publicUrl()), connection };
}

export async function setChannelEnabled(deps: ChannelsDeps, caller: Caller, id: string, enabled: boolean) {
  const row = await load(deps, caller.tenantId, id);
  if (!enabled) return toPublicChannel(await save(deps, caller, id, { status: 'disabled' }, 'channel.disabled'), deps.publicUrl());
  const connection = await deps.check(openChannel(row, deps.sealer));
  await rememberTier(deps, caller, row, connection);
  const saved = await save(deps, caller, id, { status: connection.ok ? 'active' : 'pending' }, 'channel.enabled');
  return { ...toPublicChannel(saved, deps.publicUrl()), connection };
}

/** Deletes the channel and, with it, its conversations and messages. */
export async function deleteChannel(deps: ChannelsDeps, caller: Caller, id: string): Promise<void> {
  const row = await load(deps, caller.tenantId, id);
  await forTenant(deps.db, caller.tenantId).transaction(async (tx) => {
    // Years of conversations and messages go with the channel: more than one statement's usual budget.
    await withoutStatementTimeout(tx);
    await q.deleteChannel(tx, id);
    await recordAudit(tx, { actorUserId: caller.userId, action: 'channel.deleted', targetType: 'channel', targetId: id, data: { name: row.name, type: row.type } });
  });
  deps.cache.forget(id);
}
