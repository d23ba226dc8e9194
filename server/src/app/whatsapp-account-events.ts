// Where each WhatsApp account event goes: marketing preferences to contacts, template changes to
// templates. One handler per kind, looked up in a typed map.
import type { Knex } from 'knex';
import type { AccountEventsHandler } from '../channels/whatsapp/whatsapp.webhook';
import type { AccountEvent } from '../channels/whatsapp/whatsapp.account-events';
import type { ChannelRecord } from '../channels/channel-types';
import { applyMarketingPreference } from '../contacts/marketing-preferences';
import { applyTemplateEvent } from '../templates/template-events';

type Handlers = { [K in AccountEvent['kind']]: (db: Knex, channel: ChannelRecord, e: Extract<AccountEvent, { kind: K }>) => Promise<void> };

const handlers = {
  marketing_preference: applyMarketingPreference,
  template_status: applyTemplateEvent,
  template_quality: applyTemplateEvent,
  template_category: applyTemplateEvent,
} satisfies Handlers;

export function whatsappAccountEvents(db: Knex): AccountEventsHandler {
  return async (channel, events) => {
    for (const e of events) await (handlers[e.kind] as (db: Knex, c: ChannelRecord, e: AccountEvent) => Promise<void>)(db, channel, e);
  };
}
