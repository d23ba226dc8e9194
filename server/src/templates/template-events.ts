// Template webhooks: review outcome (status), quality rating and category changes, applied to our
// copy and announced as `template.updated` (campaigns pause on PAUSED/DISABLED).
import type { Knex } from 'knex';
import type { AccountEvent } from '../channels/whatsapp/whatsapp.account-events';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import * as q from './templates.queries';

type TemplateEvent = Extract<AccountEvent, { kind: 'template_status' | 'template_quality' | 'template_category' }>;

const changesOf = (e: TemplateEvent): Record<string, unknown> =>
  e.kind === 'template_status' ? { status: e.status, status_reason: e.reason && e.reason !== 'NONE' ? e.reason : null, status_updated_at: new Date() }
    : e.kind === 'template_quality' ? { quality_score: e.score }
      : { category: e.category, previous_category: e.previous };

export async function applyTemplateEvent(db: Knex, channel: { id: string; tenantId: string }, e: TemplateEvent): Promise<void> {
  await forTenant(db, channel.tenantId).transaction(async (tx) => {
    let rows: q.TemplateRow[] = await q.templatesNamed(tx, channel.id, e).update({ ...changesOf(e), updated_at: new Date() }).returning('*');
    // Created in Meta's own tools: known from now on; a sync fills in its components.
    if (!rows.length && e.kind === 'template_status' && e.name && e.language) {
      rows = [await q.upsertTemplate(tx, channel.id, { provider_id: e.templateId, name: e.name, language: e.language, category: e.category ?? 'UTILITY', status: e.status, status_reason: e.reason, components: [] }, null)];
    }
    await publishEvents(tx, rows.map((r) => ({
      type: 'template.updated' as const,
      payload: { templateId: r.id, channelId: r.channel_id, name: r.name, language: r.language, status: r.status, qualityScore: r.quality_score, category: r.category, change: e.kind },
    })));
  });
}
