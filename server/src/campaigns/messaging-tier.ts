// The daily limit a campaign respects: its own, else the number's messaging tier (unique people
// reached outside the 24-hour window per rolling day; reference/whatsapp-templates.md §5).
import { MESSAGING_TIER_LIMITS } from '@zyntra/flows-schema';
import type { ChannelRecord } from '../channels/channel-types';
import type { CampaignRow } from './campaigns.queries';


/** null: no known limit (Meta answers 131049/limits itself). */
export function dailyLimitFor(c: Pick<CampaignRow, 'daily_limit'>, channel: Pick<ChannelRecord, 'config'>): number | null {
  const tier = channel.config.messagingLimitTier;
  const tierLimit = tier && tier in MESSAGING_TIER_LIMITS ? MESSAGING_TIER_LIMITS[tier]! : null;
  if (c.daily_limit !== null && tierLimit !== null) return Math.min(c.daily_limit, tierLimit);
  return c.daily_limit ?? tierLimit;
}
