// Meta-shaped webhook payloads, serialised the way Meta does (non-ASCII escaped as \uXXXX) and
// signed over exactly those bytes.
import { createHmac } from 'node:crypto';

export type WaContact = { waId?: string; userId?: string; name?: string };

/** JSON with every non-ASCII character escaped, as Meta sends it. */
export const metaJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const signMeta = (raw: string, appSecret: string) => `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;

let seq = 0;
export const wamid = () => `wamid.${Buffer.from(`${Date.now()}-${++seq}-${Math.random()}`).toString('base64url')}`;

export function envelope(phoneNumberId: string, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA-1',
        changes: [
          { field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId }, ...value } },
        ],
      },
    ],
  };
}

export function messageValue(contact: WaContact, message: Record<string, unknown>) {
  const c: Record<string, unknown> = { profile: { name: contact.name ?? 'Cliente' } };
  if (contact.waId) c.wa_id = contact.waId;
  if (contact.userId) c.user_id = contact.userId;
  const m: Record<string, unknown> = { id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), ...message };
  if (contact.waId) m.from = contact.waId;
  else if (contact.userId) m.from_user_id = contact.userId;
  return { contacts: [c], messages: [m] };
}

export const textMessage = (body: string) => ({ type: 'text', text: { body } });
export const buttonReply = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });
export const listReply = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title } } });
export const imageMessage = (mediaId: string, caption?: string) => ({
  type: 'image',
  image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'x', ...(caption ? { caption } : {}) },
});

export function statusValue(id: string, status: string, recipient: string, error?: { code: number; details: string }, callbackData?: string) {
  return {
    statuses: [
      {
        id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: recipient,
        ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
        ...(error ? { errors: [{ code: error.code, title: 'error', message: 'error', error_data: { details: error.details } }] } : {}),
      },
    ],
  };
}
