// Our OutboundContent → a Graph API /messages body. Pure; limits are enforced by flows-schema at
// publish time, and the provider remains the judge at send time.
import type { OutboundContent } from '@zyntra/flows-schema';
import type { Recipient } from '../channel-adapter';
import { formatTemplate } from './whatsapp.template';

type Body = Record<string, unknown>;

/** BSUID-only contacts are addressed with `recipient`; everyone else with `to` (their wa_id). */
function addressOf(to: Recipient): Body {
  return to.phone ? { to: to.phone } : { recipient: to.externalId };
}

/**
 * `callbackData` (our message id) comes back in every status webhook as biz_opaque_callback_data,
 * which lets a status find its message even when the send's own answer was never recorded.
 */
export function formatWhatsAppMessage(to: Recipient, content: OutboundContent, callbackData?: string, mediaLink?: string): Body {
  const base = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...addressOf(to),
    ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
    // Quotes the message answered, as a swipe-to-reply does on the phone.
    ...(content.context ? { context: { message_id: content.context.messageId } } : {}),
  };
  if (content.template) return { ...base, type: 'template', template: formatTemplate(content.template) };
  if (content.buttons.length > 0) {
    return {
      ...base,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: content.text },
        action: { buttons: content.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
      },
    };
  }
  if (content.list && content.list.rows.length > 0) {
    return {
      ...base,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: content.text },
        action: {
          button: content.list.buttonLabel,
          sections: [{ title: content.list.buttonLabel.slice(0, 24), rows: content.list.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })) }],
        },
      },
    };
  }
  if (content.media && (mediaLink ?? content.media.url)) {
    const kind = content.media.kind;
    const media: Body = { link: mediaLink ?? content.media.url };
    if (content.text && kind !== 'audio') media.caption = content.text;
    if (kind === 'document' && content.media.filename) media.filename = content.media.filename;
    return { ...base, type: kind, [kind]: media };
  }
  return { ...base, type: 'text', text: { preview_url: false, body: content.text } };
}

/**
 * Marks the customer's message read and shows "typing…" until we reply or 25 s pass
 * (reference/channels.md §1.6, "Mark inbound as read" with typing_indicator).
 */
export const formatTypingIndicator = (messageId: string): Body => ({
  messaging_product: 'whatsapp',
  status: 'read',
  message_id: messageId,
  typing_indicator: { type: 'text' },
});
