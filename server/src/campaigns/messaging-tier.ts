// The daily limit a campaign respects: its own, else the number's messaging tier (unique people
// reached outside the 24-hour window per rolling day; reference/whatsapp-templates.md §5).
import type { ChannelRecord } from '../channels/channel-types';
import type { CampaignRow } from './campaigns.queries';

export const TIER_LIMITS: Record<string, number | null> = {
  TIER_250: 250, TIER_1K: 1_000, TIER_2K: 2_000, TIER_10K: 10_000, TIER_100K: 100_000, TIER_UNLIMITED: null,
};

/** null: no known limit (Meta answers 131049/limits itself). */
export function dailyLimitFor(c: Pick<CampaignRow, 'daily_limit'>, channel: Pick<ChannelRecord, 'config'>): number | null {
  const tier = channel.config.messagingLimitTier;
  const tierLimit = tier && tier in TIER_LIMITS ? TIER_LIMITS[tier]! : null;
  if (c.daily_limit !== null && tierLimit !== null) return Math.min(c.daily_limit, tierLimit);
  return c.daily_limit ?? tierLimit;
}
