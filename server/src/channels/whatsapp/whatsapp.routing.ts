// One Meta app has one callback URL for every number it serves, so a channel's webhook URL may
// receive changes addressed to another number. Those go to the same workspace's channel of that
// number when it trusts the same app secret (the signature already proved the app); anything else
// is set aside on the receiving channel, where the tenant sees it, instead of vanishing.
import { forTenant } from '../../db/tenant-db';
import type { ChannelCache } from '../channel-cache';
import type { ChannelRecord } from '../channel-types';
import { whatsappChannelsByNumber } from '../channels.queries';
import { rejection, type Rejection } from '../inbound-rejection';
import type { IngestDeps } from '../ingest';
import type { WhatsAppChange } from './whatsapp.parse';

export type Route = { channel: ChannelRecord; changes: WhatsAppChange[]; setAside: Rejection[] };

/** Other numbers looked up per request at the most; the rest are set aside. */
const MAX_OTHER_NUMBERS = 20;

export async function routeChanges(deps: IngestDeps & { channels: ChannelCache }, channel: ChannelRecord, changes: WhatsAppChange[]): Promise<Route[]> {
  const own = channel.config.phoneNumberId;
  const home: Route = { channel, changes: [], setAside: [] };
  const others = new Map<string, WhatsAppChange[]>();
  for (const c of changes) {
    if (c.phoneNumberId === null || c.phoneNumberId === own) home.changes.push(c);
    else others.set(c.phoneNumberId, [...(others.get(c.phoneNumberId) ?? []), c]);
  }
  if (!others.size) return [home];
  const numbers = [...others.keys()].slice(0, MAX_OTHER_NUMBERS);
  const found = await whatsappChannelsByNumber(forTenant(deps.db, channel.tenantId), numbers);
  const routes = new Map<string, Route>();
  for (const row of found) {
    const sibling = row.id === channel.id ? null : await deps.channels.get(row.id);
    if (!sibling || sibling.secrets.appSecret !== channel.secrets.appSecret) continue;
    const route = routes.get(sibling.id) ?? { channel: sibling, changes: [], setAside: [] };
    route.changes.push(...(others.get(row.phone_number_id) ?? []));
    others.delete(row.phone_number_id);
    routes.set(sibling.id, route);
  }
  for (const [number, lost] of others) {
    const count = lost.reduce((n, c) => n + c.items.length, 0);
    home.setAside.push(rejection(`${count} item(s) for phone number id ${number}, which is not this channel's number nor another WhatsApp channel of this workspace on the same Meta app`, { phone_number_id: number }));
  }
  return [home, ...routes.values()];
}
