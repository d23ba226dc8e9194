// The quote an agent's reply carries when they chose "Reply" on a message. Pure.
import type { OutboundQuote } from '@zyntra/flows-schema';

/** How much of the quoted message rides along: the widget shows two short lines of it. */
export const QUOTE_SNIPPET_CHARS = 160;

export type QuotedRow = { channel_id: string; direction: string; status: string | null; text: string | null; provider_message_id: string | null };

/**
 * The channel can only quote a message it knows by its own id, on the same number: a message still
 * waiting to go out, one that failed, or an internal note has none, and the reply then goes out
 * without the quote rather than not at all.
 */
export function quoteContext(quoted: QuotedRow, channelId: string): OutboundQuote | null {
  if (!quoted.provider_message_id || quoted.channel_id !== channelId || quoted.status === 'note') return null;
  return { messageId: quoted.provider_message_id, fromMe: quoted.direction === 'out', text: (quoted.text ?? '').slice(0, QUOTE_SNIPPET_CHARS) };
}
