// The one interface every provider implements. The runner and the inbox see only these shapes,
// never a provider's wire format.
import type { MessageContent, OutboundContent } from '@zyntra/flows-schema';
import type { ChannelRecord, ChannelType } from './channel-types';
import type { MediaSource } from './media-source';

export type ContactRef = { externalId: string; phone: string | null; name: string | null };

export type { InboundMedia } from '@zyntra/flows-schema';

/** The normalised content of an inbound message, the same for every provider (docs/message-content.md). */
export type InboundContent = MessageContent;

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

/**
 * `raw`: the provider's own item as received (bounded, see boundedRaw), kept for debugging and
 * re-parsing; absent on items too large to keep whole.
 */
type Conversational<K extends string> = { kind: K; eventId: string; contact: ContactRef; content: InboundContent; at: string; raw?: unknown };

export type InboundItem =
  /** A customer's message: the only kind that reaches the flow engine. */
  | Conversational<'message'>
  /** Sent from the business phone by a person, not by us: the bot must pause for that conversation. */
  | Conversational<'echo'>
  /** A reaction, edit, deletion, system notice or call-permission answer: updates the thread, never runs a flow. */
  | (Conversational<'update'> & {
      /**
       * An edit or deletion of a message we never stored is kept as a row of its own (`keep`, the
       * default), or dropped when the provider cannot say who wrote it (`drop`).
       */
      ifTargetUnknown?: 'keep' | 'drop';
    })
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
  /**
   * The sender waits out a message's typing delay before calling `send` (never inside the provider
   * call, which must stay short). Absent: the channel has no use for the delay.
   */
  waitsTypingDelay?: boolean;
  /** Shows (or stops showing) that an agent is typing. Absent: the channel cannot show it. */
  typing?(channel: ChannelRecord, to: Recipient, signal: TypingSignal): Promise<void>;
}

/** `replyTo`: the provider id of the customer's last message (WhatsApp shows typing on a read receipt). */
export type TypingSignal = { on: boolean; replyTo: string | null; name: string | null };

/** Ranks delivery statuses so a late "delivered" never overwrites "read". */
export { STATUS_RANK } from '../messages/message-status';

/**
 * How long a provider call may take. Generous on purpose: a call cut off early is retried and the
 * provider may have accepted the first one (a double message); one slow workspace holds only its
 * own send slots meanwhile.
 */
export const PROVIDER_TIMEOUT_MS = 25_000;

/**
 * A provider call cut off at `ms`, whatever the adapter's own timeout, as a retryable "timeout":
 * the provider may still have taken the message, so its outcome is unknown (see outcomeUnknown).
 */
export async function withDeadline<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendError('retry', 'timeout', `The provider did not answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([call, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A send that failed without the provider's answer (cut off, connection lost, an unexpected throw):
 * the provider may have taken the message, so only its status echo can tell.
 */
export const outcomeUnknown = (e: SendError) => e.code === 'timeout' || e.code === 'network' || e.code === 'unexpected';
