// Every knex call of the templates module, tenant first.
import type { TenantDb } from '../db/tenant-db';

export type TemplateRow = {
  id: string; channel_id: string; provider_id: string | null; name: string; language: string; category: string; previous_category: string | null;
  status: string; status_reason: string | null; quality_score: string | null; components: unknown[]; status_updated_at: Date | null; updated_at: Date;
};

export const listTemplates = (tdb: TenantDb, channelId: string): Promise<TemplateRow[]> =>
  tdb.from('whatsapp_templates').where({ channel_id: channelId }).orderBy([{ column: 'name' }, { column: 'language' }]);

export const findByNameLanguage = (tdb: TenantDb, channelId: string, name: string, language: string): Promise<TemplateRow | undefined> =>
  tdb.from('whatsapp_templates').where({ channel_id: channelId, name, language }).first();

/** The workspace's templates of these names, on any of its channels: what a flow's send_template steps name. */
export const templatesNamedIn = (tdb: TenantDb, names: readonly string[]): Promise<Array<Pick<TemplateRow, 'name' | 'language' | 'status' | 'components'>>> =>
  tdb.from('whatsapp_templates').whereIn('name', names).orderBy([{ column: 'name' }, { column: 'language' }, { column: 'created_at' }]).select('name', 'language', 'status', 'components');

export type TemplateUpsert = {
  provider_id: string | null; name: string; language: string; category: string; status: string; status_reason?: string | null;
  quality_score?: string | null; components: unknown[];
};

export async function upsertTemplate(tdb: TenantDb, channelId: string, t: TemplateUpsert, syncedAt: Date | null): Promise<TemplateRow> {
  const [row] = await tdb.insert('whatsapp_templates', { channel_id: channelId, ...t, components: JSON.stringify(t.components), synced_at: syncedAt, status_updated_at: new Date() })
    .onConflict(['tenant_id', 'channel_id', 'name', 'language'])
    .merge({
      provider_id: t.provider_id, category: t.category, status: t.status, components: JSON.stringify(t.components), synced_at: syncedAt,
      ...(t.quality_score !== undefined ? { quality_score: t.quality_score } : {}), ...(t.status_reason !== undefined ? { status_reason: t.status_reason } : {}),
      updated_at: new Date(),
    })
    .returning('*');
  return row;
}

/** Templates Meta no longer lists (deleted there) leave the local list too; returns them. */
export const removeUnsynced = (tdb: TenantDb, channelId: string, syncedAt: Date): Promise<TemplateRow[]> =>
  tdb.from('whatsapp_templates').where({ channel_id: channelId }).where((w) => w.whereNull('synced_at').orWhere('synced_at', '<', syncedAt)).delete().returning('*');

/** The rows a template webhook names: by Meta's id, else by name and language on the channel it came to. */
export function templatesNamed(tdb: TenantDb, channelId: string, ref: { templateId: string | null; name: string | null; language: string | null }) {
  return tdb.from('whatsapp_templates').where((w) => {
    if (ref.templateId) w.orWhere({ provider_id: ref.templateId });
    if (ref.name && ref.language) w.orWhere({ channel_id: channelId, name: ref.name, language: ref.language });
    if (!ref.templateId && !(ref.name && ref.language)) w.whereRaw('false');
  });
}

export const findTemplate = (tdb: TenantDb, channelId: string, id: string): Promise<TemplateRow | undefined> =>
  tdb.from('whatsapp_templates').where({ channel_id: channelId, id }).first();

/** An edit sent to Meta: the new parts (and category), back in review with no verdict yet. */
export async function markEdited(tdb: TenantDb, id: string, edit: { components: unknown[]; category?: string }): Promise<TemplateRow | undefined> {
  const [row] = await tdb.from('whatsapp_templates').where({ id })
    .update({
      components: JSON.stringify(edit.components), ...(edit.category ? { category: edit.category } : {}),
      status: 'PENDING', status_reason: null, status_updated_at: new Date(), updated_at: new Date(),
    })
    .returning('*');
  return row;
}

export const removeTemplate = (tdb: TenantDb, id: string) => tdb.from('whatsapp_templates').where({ id }).delete();

/** Campaigns that will still send this template (a paused one may be resumed): deleting it would fail every send left. */
export const campaignsSending = (tdb: TenantDb, channelId: string, name: string, language: string): Promise<Array<{ id: string; name: string; status: string }>> =>
  tdb.from('campaigns').where({ channel_id: channelId }).whereIn('status', ['scheduled', 'running', 'paused'])
    .whereRaw("template->>'name' = ? AND template->>'language' = ?", [name, language]).orderBy('created_at').select('id', 'name', 'status');
