// A visitor's message as an InboundItem, the web-chat counterpart of the providers' parsers. The
// body was already checked by visitorMessageBody, so every field is storable as it is.
import type { InboundItem } from '../channels/channel-adapter';
import type { Visitor } from './visitor-tokens';
import type { VisitorMessage } from './webchat.schemas';

export function visitorItem(visitor: Visitor, input: VisitorMessage, now: Date, newId: () => string): InboundItem {
  return {
    kind: 'message',
    eventId: `wc:${visitor.visitorId}:${input.clientMessageId ?? newId()}`,
    contact: { externalId: visitor.visitorId, phone: null, name: visitor.name || null },
    content: { type: input.replyId ? 'interactive' : 'text', text: input.text, replyId: input.replyId ?? null, media: null },
    at: now.toISOString(),
  };
}
