// WhatsApp's messaging limit tiers: how many unique people a number's business may reach outside the
// 24-hour window per rolling day (reference/whatsapp-templates.md §5). null: no limit.
export const MESSAGING_TIER_LIMITS: Readonly<Record<string, number | null>> = {
  TIER_250: 250, TIER_1K: 1_000, TIER_2K: 2_000, TIER_10K: 10_000, TIER_100K: 100_000, TIER_UNLIMITED: null,
};
