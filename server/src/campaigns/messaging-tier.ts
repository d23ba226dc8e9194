// The daily limit a campaign respects: its own, and the number's messaging tier (unique people
// reached outside the 24-hour window per rolling day, counted over every number of the business;
// reference/whatsapp-templates.md §5).
import type { Knex } from 'knex';
import { MESSAGING_TIER_LIMITS } from '@zyntra/flows-schema';
import type { ChannelRecord } from '../channels/channel-types';
import type { CampaignRow } from './campaigns.queries';
import { reachedLast24hInAccount, sentLast24h } from './recipients.queries';

type Limited = { c: Pick<CampaignRow, 'daily_limit' | 'tenant_id'>; channel: Pick<ChannelRecord, 'id' | 'config'> };

const tierLimitOf = (channel: Pick<ChannelRecord, 'config'>): number | null => {
  const tier = channel.config.messagingLimitTier;
  return tier && tier in MESSAGING_TIER_LIMITS ? MESSAGING_TIER_LIMITS[tier]! : null;
};

/** null: no known limit (Meta answers 131049/limits itself). */
export function dailyLimitFor(c: Pick<CampaignRow, 'daily_limit'>, channel: Pick<ChannelRecord, 'config'>): number | null {
  const tierLimit = tierLimitOf(channel);
  if (c.daily_limit !== null && tierLimit !== null) return Math.min(c.daily_limit, tierLimit);
  return c.daily_limit ?? tierLimit;
}

/**
 * How many more people may be reached now: the campaign's own limit counts this number's campaigns,
 * the tier counts every number of the same business account (two numbers of one business share it).
 * null: no known limit.
 */
export async function dailyRoomFor(db: Knex, { c, channel }: Limited): Promise<number | null> {
  const tierLimit = tierLimitOf(channel);
  const own = c.daily_limit !== null ? c.daily_limit - (await sentLast24h(db, c.tenant_id, channel.id)) : null;
  const tier = tierLimit !== null ? tierLimit - (await reachedLast24hInAccount(db, c.tenant_id, channel.id, channel.config.businessAccountId ?? null)) : null;
  if (own !== null && tier !== null) return Math.min(own, tier);
  return own ?? tier;
}
