// WhatsApp templates of a channel: listed from our copy, synced from Meta, created (checked against
// Meta's rules first, then submitted for review), edited (at Meta first, then reviewed again) and
// deleted (at Meta first). Status, quality and category then follow Meta's webhooks
// (template-events.ts). Every change is announced as `template.updated`, which the workspace's
// marketing roles receive live.
import type { Knex } from 'knex';
import { EDITABLE_TEMPLATE_STATUSES, type TemplateDefinition, type TemplateEdit } from '@zyntra/flows-schema';
import type { ChannelCache } from '../channels/channel-cache';
import type { ChannelRecord } from '../channels/channel-types';
import { TemplateApiError, type MetaTemplate, type TemplatesClient } from '../channels/whatsapp/whatsapp.templates.client';
import { recordAudit } from '../audit/audit.queries';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError, notFound } from '../http/app-error';
import * as q from './templates.queries';
import { syncChanges } from './template-changes';

export type TemplatesDeps = { db: Knex; channels: ChannelCache; client: TemplatesClient };

export const templateView = (t: q.TemplateRow) => ({
  id: t.id, channelId: t.channel_id, providerId: t.provider_id, name: t.name, language: t.language, category: t.category,
  previousCategory: t.previous_category, status: t.status, reason: t.status_reason, qualityScore: t.quality_score, components: t.components,
  updatedAt: new Date(t.updated_at).toISOString(),
});

async function whatsappChannel(deps: TemplatesDeps, tenantId: string, channelId: string): Promise<ChannelRecord> {
  const channel = await deps.channels.get(channelId);
  if (!channel || channel.tenantId !== tenantId) throw notFound('Channel');
  if (channel.type !== 'whatsapp_cloud') throw new AppError('validation_failed', 'Message templates belong to WhatsApp Cloud API channels');
  return channel;
}

/** Meta's refusal in words a person can act on; Meta being unreachable is ours to report as unavailable. */
function providerError(err: unknown): never {
  if (!(err instanceof TemplateApiError)) throw err;
  if (err.subcode === 2388024) throw new AppError('conflict', 'WhatsApp already has a template with this name and language', { providerCode: err.code });
  if (err.httpStatus === 0 || err.httpStatus >= 500) throw new AppError('unavailable', `WhatsApp did not answer: ${err.message}`);
  throw new AppError('validation_failed', `WhatsApp refused the template: ${err.message}`, { providerCode: err.code });
}

export async function listChannelTemplates(deps: TemplatesDeps, tenantId: string, channelId: string) {
  await whatsappChannel(deps, tenantId, channelId);
  return { items: (await q.listTemplates(forTenant(deps.db, tenantId), channelId)).map(templateView) };
}

const fromMeta = (t: MetaTemplate): q.TemplateUpsert => ({
  provider_id: String(t.id), name: t.name, language: t.language, category: t.category, status: t.status,
  quality_score: t.quality_score?.score ?? null, status_reason: t.rejected_reason && t.rejected_reason !== 'NONE' ? t.rejected_reason : null,
  components: Array.isArray(t.components) ? t.components : [],
});

export async function syncTemplates(deps: TemplatesDeps, tenantId: string, channelId: string) {
  const channel = await whatsappChannel(deps, tenantId, channelId);
  const remote = await deps.client.list(channel).catch(providerError);
  const at = new Date();
  await forTenant(deps.db, tenantId).transaction(async (tx) => {
    const before = await q.listTemplates(tx, channelId);
    const after: q.TemplateRow[] = [];
    for (const t of remote) if (typeof t.name === 'string' && typeof t.language === 'string') after.push(await q.upsertTemplate(tx, channelId, fromMeta(t), at));
    await publishEvents(tx, syncChanges(before, after, await q.removeUnsynced(tx, channelId, at)));
  });
  return listChannelTemplates(deps, tenantId, channelId);
}

/**
 * A template known only from its review webhook has no components yet (the webhook carries none):
 * the channel's templates are synced so its text is there before a marketer picks it. Nothing is
 * asked of Meta when it already has them (a second webhook, a sync that came first).
 */
export async function completeTemplate(deps: TemplatesDeps, tenantId: string, channelId: string, templateId: string): Promise<void> {
  const row = await forTenant(deps.db, tenantId).from('whatsapp_templates').where({ id: templateId, channel_id: channelId }).first('components');
  if (!row || (Array.isArray(row.components) && row.components.length > 0)) return;
  await syncTemplates(deps, tenantId, channelId);
}

export async function createTemplate(deps: TemplatesDeps, tenantId: string, channelId: string, def: TemplateDefinition) {
  const channel = await whatsappChannel(deps, tenantId, channelId);
  const tdb = forTenant(deps.db, tenantId);
  if (await q.findByNameLanguage(tdb, channelId, def.name, def.language)) throw new AppError('conflict', 'A template with this name and language exists');
  const created = await deps.client.create(channel, def).catch(providerError);
  const row = await tdb.transaction(async (tx) => {
    const saved = await q.upsertTemplate(tx, channelId, { provider_id: created.id || null, name: def.name, language: def.language, category: created.category, status: created.status, components: def.components }, null);
    await publishEvents(tx, [{ type: 'template.updated', payload: { templateId: saved.id, channelId, name: saved.name, language: saved.language, status: saved.status } }]);
    return saved;
  });
  return templateView(row);
}

/**
 * New components (and category) for a template Meta refused or paused: sent to Meta first, then our
 * copy takes them and waits for the new review (PENDING, the old reason gone). Audited and announced.
 */
export async function editTemplate(deps: TemplatesDeps, actor: { tenantId: string; userId: string }, channelId: string, templateId: string, edit: TemplateEdit) {
  const channel = await whatsappChannel(deps, actor.tenantId, channelId);
  const tdb = forTenant(deps.db, actor.tenantId);
  const row = await q.findTemplate(tdb, channelId, templateId);
  if (!row) throw notFound('Template');
  // Why approved ones are left out: beside EDITABLE_TEMPLATE_STATUSES in flows-schema.
  if (!EDITABLE_TEMPLATE_STATUSES.includes(row.status)) {
    throw new AppError('template_not_editable', `Only rejected or paused templates can be edited; this one is ${row.status}`, { status: row.status, editable: EDITABLE_TEMPLATE_STATUSES });
  }
  if (!row.provider_id) throw new AppError('conflict', 'WhatsApp\'s id of this template is not known yet: sync the templates first', { reason: 'not_synced' });
  await deps.client.edit(channel, row.provider_id, edit).catch(providerError);
  const saved = await tdb.transaction(async (tx) => {
    const updated = await q.markEdited(tx, row.id, edit);
    if (!updated) throw notFound('Template'); // deleted (by a webhook) while Meta answered
    await recordAudit(tx, {
      actorUserId: actor.userId, action: 'template.edited', targetType: 'template', targetId: row.id,
      data: { channelId, name: row.name, language: row.language, status: row.status, ...(edit.category && edit.category !== row.category ? { category: edit.category } : {}) },
    });
    await publishEvents(tx, [{ type: 'template.updated', payload: { templateId: row.id, channelId, name: row.name, language: row.language, status: updated.status, category: updated.category, change: 'edited' } }]);
    return updated;
  });
  return templateView(saved);
}

/** Meta's refusal to delete, with its words for whoever reads the details; Meta away is unavailable. */
function deleteRefused(err: unknown): never {
  if (!(err instanceof TemplateApiError)) throw err;
  if (err.httpStatus === 0 || err.httpStatus >= 500) throw new AppError('unavailable', `WhatsApp did not answer: ${err.message}`);
  throw new AppError('provider_refused', 'WhatsApp refused to delete the template', { providerCode: err.code, providerMessage: err.message });
}

/**
 * Deletes one language of a template at Meta, then our copy, so nothing picks it again (the inbox
 * and the campaign wizard read our copy). A campaign that will still send it keeps it: deleting
 * would fail every send left. Meta blocks an approved name for 30 days after.
 */
export async function deleteTemplate(deps: TemplatesDeps, actor: { tenantId: string; userId: string }, channelId: string, templateId: string): Promise<void> {
  const channel = await whatsappChannel(deps, actor.tenantId, channelId);
  const tdb = forTenant(deps.db, actor.tenantId);
  const row = await q.findTemplate(tdb, channelId, templateId);
  if (!row) throw notFound('Template');
  const [campaign] = await q.campaignsSending(tdb, channelId, row.name, row.language);
  if (campaign) {
    throw new AppError('conflict', `The campaign "${campaign.name}" is ${campaign.status} with this template`, { campaignId: campaign.id, campaignName: campaign.name, campaignStatus: campaign.status });
  }
  // Without Meta's id only a deletion by name is possible, and that takes every language.
  if (!row.provider_id) throw new AppError('conflict', 'WhatsApp\'s id of this template is not known yet: sync the templates first', { reason: 'not_synced' });
  await deps.client.remove(channel, { providerId: row.provider_id, name: row.name }).catch(deleteRefused);
  await tdb.transaction(async (tx) => {
    await q.removeTemplate(tx, row.id);
    await recordAudit(tx, { actorUserId: actor.userId, action: 'template.deleted', targetType: 'template', targetId: row.id, data: { channelId, name: row.name, language: row.language, status: row.status } });
    await publishEvents(tx, [{ type: 'template.updated', payload: { templateId: row.id, channelId, name: row.name, language: row.language, status: 'DELETED', change: 'deleted' } }]);
  });
}
