import { describe, expect, it } from 'vitest';
import { syncChanges } from './template-changes';
import type { TemplateRow } from './templates.queries';

const row = (name: string, extra: Partial<TemplateRow> = {}): TemplateRow => ({
  id: `id-${name}`, channel_id: 'ch', provider_id: null, name, language: 'pt_BR', category: 'MARKETING', previous_category: null,
  status: 'APPROVED', status_reason: null, quality_score: null, components: [], status_updated_at: null, updated_at: new Date(), ...extra,
});

describe('what a sync announces', () => {
  it('when a sync confirms what we had, then nothing is announced', () => {
    expect(syncChanges([row('a'), row('b')], [row('a', { components: [{ type: 'BODY' }] }), row('b')], [])).toEqual([]);
  });

  it('when a template came, changed its status, quality or category, or went, then each of those is announced once', () => {
    const events = syncChanges(
      [row('paused'), row('rated'), row('moved'), row('same'), row('gone')],
      [row('paused', { status: 'PAUSED' }), row('rated', { quality_score: 'RED' }), row('moved', { category: 'UTILITY' }), row('same'), row('new')],
      [row('gone')],
    );
    expect(events.map((e) => [e.payload.name, e.payload.status])).toEqual([['paused', 'PAUSED'], ['rated', 'APPROVED'], ['moved', 'APPROVED'], ['new', 'APPROVED'], ['gone', 'DELETED']]);
    expect(events.every((e) => e.type === 'template.updated' && e.payload.change === 'sync' && e.payload.channelId === 'ch')).toBe(true);
  });
});
