// The one interface every provider implements. The runner and the inbox see only these shapes,
// never a provider's wire format.
import type { OutboundContent } from '@zyntra/flows-schema';
import type { ChannelRecord, ChannelType } from './channel-types';
import type { MediaSource } from './media-source';

export type ContactRef = { externalId: string; phone: string | null; name: string | null };

export type InboundMedia = { providerMediaId: string; mimeType: string; filename: string | null; voice: boolean };

export type InboundContent = {
  /** text | interactive | button | image | audio | video | document | sticker | location | other */
  type: string;
  text: string;
  replyId: string | null;
  media: InboundMedia | null;
};

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export type InboundItem =
  | { kind: 'message'; eventId: string; contact: ContactRef; content: InboundContent; at: string }
  /** Sent from the business phone by a person, not by us: the bot must pause for that conversation. */
  | { kind: 'echo'; eventId: string; contact: ContactRef; content: InboundContent; at: string }
  | {
      kind: 'status';
      eventId: string;
      providerMessageId: string;
      status: DeliveryStatus;
      /** Our message id, when the provider echoes it back. */
      callbackData: string | null;
      error: { code: string; reason: string } | null;
      at: string;
    };

export type Recipient = { externalId: string; phone: string | null };

export type SendErrorKind = 'retry' | 'permanent' | 'rate_limited';

export class SendError extends Error {
  constructor(
    readonly kind: SendErrorKind,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface ChannelAdapter {
  readonly type: ChannelType;
  /**
   * Sends one message; resolves to the provider's message id or throws a classified SendError.
   * `messageId` is ours: providers that echo it in status webhooks let us reconcile a send whose
   * answer was lost (the worker died mid-call).
   */
  send(channel: ChannelRecord, to: Recipient, content: OutboundContent, messageId: string): Promise<{ providerMessageId: string }>;
  /** Fetches an inbound media file by the provider's media id; throws MediaDownloadError. Absent: the channel has no media. */
  downloadMedia?(channel: ChannelRecord, providerMediaId: string): Promise<MediaSource>;
  /** Shows (or stops showing) that an agent is typing. Absent: the channel cannot show it. */
  typing?(channel: ChannelRecord, to: Recipient, signal: TypingSignal): Promise<void>;
}

/** `replyTo`: the provider id of the customer's last message (WhatsApp shows typing on a read receipt). */
export type TypingSignal = { on: boolean; replyTo: string | null; name: string | null };

/** Ranks delivery statuses so a late "delivered" never overwrites "read". */
export { STATUS_RANK } from '../messages/message-status';
