import { z } from 'zod';
import { templateParams } from '../templates/template-send';

/** An approved WhatsApp template: the only reply WhatsApp delivers outside the 24-hour window. */
const templateReply = z.object({ template: templateParams }).strict();
/** The message of this conversation the reply answers, quoted on the customer's phone. */
const replyTo = z.uuid('replyTo must be the id of a message of this conversation')
  .describe("Id of a message of this conversation to quote (WhatsApp's reply); sent without the quote when the channel cannot know that message")
  .optional();
const mediaReply = z.object({
  mediaId: z.uuid('mediaId must be the id of a file uploaded with POST /v1/media'),
  text: z.string().trim().max(1024, 'A caption holds at most 1024 characters').optional(),
  replyTo,
});
const textReply = z.object({ text: z.string().trim().min(1).max(4096), replyTo });

export const replyBody = z.union([templateReply, mediaReply, textReply], { error: 'Send text, a mediaId or a template' });

/**
 * The schema a reply body is judged by, chosen by its keys: a body with a mediaId is only ever a
 * file (a bad id or a long caption is a 400 on that field, never a text reply that drops the file),
 * and a wrong field is named instead of the union's "none matched".
 */
export function replySchema(body: unknown) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return replyBody;
  if ('template' in body) return templateReply;
  if ('mediaId' in body) return mediaReply;
  if ('text' in body) return textReply;
  return replyBody;
}
/** Idempotency-Key: any visible ASCII, as clients generate them (usually a UUID). */
export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'visible ASCII, 1 to 200 characters').optional();
/** The most teammates one note calls in: a note naming the whole team is a broadcast, not a mention. */
export const MAX_MENTIONS = 20;
export const noteBody = z.object({
  text: z.string().trim().min(1).max(4096),
  mentions: z.array(z.uuid()).max(MAX_MENTIONS).optional()
    .describe(`Members of this workspace the note calls in (their user ids, at most ${MAX_MENTIONS}; repeats count once): their inboxes are told. `
      + 'An id that is not a member of this workspace, or a member whose role has no inbox (marketer), answers 400 validation_failed '
      + 'with field "mentions" and stores nothing'),
});
export const assignBody = z
  .object({
    assigneeId: z.uuid().optional(),
    teamId: z.uuid().optional(),
    /** Owners and admins only: take the chat from the person holding it (otherwise that is a 409). */
    takeOver: z.boolean().optional(),
  })
  .refine((b) => b.assigneeId || b.teamId, 'assigneeId or teamId is required');
export const handbackBody = z.object({ flowId: z.uuid().optional() });
export const typingBody = z.object({ on: z.boolean() });
export const snoozeBody = z.object({
  until: z.iso.datetime({ offset: true, message: 'until must be an ISO date-time, such as 2026-12-07T09:00:00-03:00' })
    .describe('When the chat comes back: in the future, at most 30 days ahead (else 400 snooze_in_past or snooze_too_far)'),
});

/**
 * Writing first to a customer: on a WhatsApp channel, to a contact (by id) or a phone number, with an
 * approved template (the only first message WhatsApp delivers) or a text where the customer's
 * 24-hour window is still open (or the number is a gateway, which has none).
 */
export const startBody = z
  .object({
    channelId: z.uuid(),
    contactId: z.uuid().optional(),
    phone: z.string().trim().min(1).max(40).optional(),
    template: templateParams.optional(),
    text: z.string().trim().min(1).max(4096).optional(),
  })
  .strict()
  .refine((b) => !b.contactId !== !b.phone, 'Name the customer with contactId or phone (one of the two)')
  .refine((b) => !b.template !== !b.text, 'Send a template or a text (one of the two)');
export type StartBody = z.infer<typeof startBody>;
