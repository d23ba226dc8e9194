// Template webhooks: review outcome (status), quality rating and category changes, applied to our
// copy and announced as `template.updated` (campaigns pause on PAUSED/DISABLED).
import type { Knex } from 'knex';
import type { AccountEvent } from '../channels/whatsapp/whatsapp.account-events';
import { forTenant } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import * as q from './templates.queries';

type TemplateEvent = Extract<AccountEvent, { kind: 'template_status' | 'template_quality' | 'template_category' }>;

/**
 * Review events that are not a status (reference/whatsapp-templates.md §2): a reinstated or
 * unarchived template is approved again; a flagged one stays sendable, with the flag as its reason,
 * until Meta pauses or disables it. Stored as the status, they blocked every send of the template.
 */
const EVENT_STATUS: Record<string, { status: string | null; reason?: string }> = {
  REINSTATED: { status: 'APPROVED' },
  UNARCHIVED: { status: 'APPROVED' },
  FLAGGED: { status: null, reason: 'FLAGGED' },
};

function statusChange(e: Extract<TemplateEvent, { kind: 'template_status' }>): Record<string, unknown> {
  const mapped = Object.hasOwn(EVENT_STATUS, e.status) ? EVENT_STATUS[e.status]! : { status: e.status };
  const reason = mapped.reason ?? (e.reason && e.reason !== 'NONE' ? e.reason : null);
  return { ...(mapped.status ? { status: mapped.status } : {}), status_reason: reason, status_updated_at: new Date() };
}

const changesOf = (e: TemplateEvent): Record<string, unknown> =>
  e.kind === 'template_status' ? statusChange(e)
    : e.kind === 'template_quality' ? { quality_score: e.score }
      : { category: e.category, previous_category: e.previous };

/** Gone at Meta (deleted from here or in Meta's own tools): our copy goes, and a late event does not make it again. */
const GONE = new Set(['DELETED', 'PENDING_DELETION']);

export async function applyTemplateEvent(db: Knex, channel: { id: string; tenantId: string }, e: TemplateEvent): Promise<void> {
  await forTenant(db, channel.tenantId).transaction(async (tx) => {
    if (e.kind === 'template_status' && GONE.has(e.status)) {
      const gone: q.TemplateRow[] = await q.templatesNamed(tx, channel.id, e).delete().returning('*');
      await publishEvents(tx, gone.map((r) => ({
        type: 'template.updated' as const,
        payload: { templateId: r.id, channelId: r.channel_id, name: r.name, language: r.language, status: 'DELETED', change: e.kind },
      })));
      return;
    }
    const changes = changesOf(e);
    let rows: q.TemplateRow[] = await q.templatesNamed(tx, channel.id, e).update({ ...changes, updated_at: new Date() }).returning('*');
    // Created in Meta's own tools: known from now on; a sync fills in its components (only an
    // approved template is flagged, so a flag without a status says APPROVED).
    if (!rows.length && e.kind === 'template_status' && e.name && e.language) {
      rows = [await q.upsertTemplate(tx, channel.id, { provider_id: e.templateId, name: e.name, language: e.language, category: e.category ?? 'UTILITY', status: String(changes.status ?? 'APPROVED'), status_reason: changes.status_reason as string | null, components: [] }, null)];
    }
    await publishEvents(tx, rows.map((r) => ({
      type: 'template.updated' as const,
      payload: { templateId: r.id, channelId: r.channel_id, name: r.name, language: r.language, status: r.status, qualityScore: r.quality_score, category: r.category, change: e.kind },
    })));
  });
}
