// WhatsApp's customer service window: for 24 hours after the customer's last message the business
// may send anything; after that only approved templates (reference/channels.md §1.9). Web chat and
// Evolution (WhatsApp Web) have no such window.
const WINDOW_MS = 24 * 60 * 60 * 1000;
const WINDOWED_CHANNELS = new Set(['whatsapp_cloud']);

export const hasServiceWindow = (channelType: string) => WINDOWED_CHANNELS.has(channelType);

/**
 * When the window closes (or closed), or null for channels without one. A WhatsApp conversation the
 * customer never wrote in (opened from the business phone) has no open window: it closed when it began.
 */
export function windowClosesAt(channelType: string, lastInboundAt: Date | string | null, createdAt: Date | string): Date | null {
  if (!hasServiceWindow(channelType)) return null;
  return lastInboundAt ? new Date(new Date(lastInboundAt).getTime() + WINDOW_MS) : new Date(createdAt);
}

export const isWindowOpen = (closesAt: Date | null, now: Date) => closesAt === null || closesAt.getTime() > now.getTime();
