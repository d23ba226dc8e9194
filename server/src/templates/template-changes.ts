// What a sync changed, as `template.updated` events: the Templates page re-reads on them, campaigns
// pause on a template found PAUSED or DISABLED. Only rows whose review outcome, quality or category
// moved (or that came or went) are announced: a sync that confirms what we had says nothing.
import type { DomainEvent } from '../events/publish';
import type { TemplateRow } from './templates.queries';

const key = (r: TemplateRow) => `${r.name}\u0000${r.language}`;
const shown = (r: TemplateRow) => [r.status, r.status_reason, r.quality_score, r.category].join('\u0000');

const announce = (r: TemplateRow, status = r.status): DomainEvent => ({
  type: 'template.updated',
  payload: { templateId: r.id, channelId: r.channel_id, name: r.name, language: r.language, status, qualityScore: r.quality_score, category: r.category, change: 'sync' },
});

/** `before`: the channel's rows read in the sync's transaction; `after`: those Meta listed; `removed`: those it no longer does. */
export function syncChanges(before: TemplateRow[], after: TemplateRow[], removed: TemplateRow[]): DomainEvent[] {
  const had = new Map(before.map((r) => [key(r), shown(r)]));
  return [
    ...after.filter((r) => had.get(key(r)) !== shown(r)).map((r) => announce(r)),
    ...removed.map((r) => announce(r, 'DELETED')),
  ];
}
