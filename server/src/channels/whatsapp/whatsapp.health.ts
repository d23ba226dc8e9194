// Notices Meta sends about the number itself are logged with the channel and kept as its health
// line (Settings → Channels), and a quality update's messaging limit is kept on the channel. The worst notice of a payload wins; an "info" notice (e.g. a quality
// upgrade) replaces an older warning, because it is newer news about the same number.
import { forTenant } from '../../db/tenant-db';
import type { ChannelRecord } from '../channel-types';
import { recordHealth, setMessagingTier } from '../channels.queries';
import type { IngestDeps } from '../ingest';
import type { ChannelNotice } from './whatsapp.notices';

const RANK = { info: 0, warning: 1, critical: 2 } as const;

export async function recordNotices(deps: IngestDeps, channel: ChannelRecord, notices: ChannelNotice[], now = new Date()): Promise<void> {
  if (notices.length === 0) return;
  deps.log.warn({ channelId: channel.id, tenantId: channel.tenantId, notices }, 'whatsapp reported a channel notice');
  const worst = notices.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
  const { tier: _tier, ...health } = worst;
  const tdb = forTenant(deps.db, channel.tenantId);
  await recordHealth(tdb, channel.id, { ...health, at: now.toISOString() });
  // The number's messaging limit, as Meta last said it: campaigns keep their daily sends under it
  // (campaigns/messaging-tier.ts). Read through the channel cache, so within its short life.
  const tier = notices.findLast((n) => n.tier)?.tier;
  if (tier) await setMessagingTier(tdb, channel.id, tier);
}
