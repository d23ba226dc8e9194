import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { idParam } from '../conversations/conversations.schemas';
import { conversationDetail, conversationState, messageItem } from '../conversations/conversations.openapi';
import { templateList } from '../templates/templates.openapi';
import { inboxSettingsSchema } from './inbox-settings.schemas';
import { assignBody, handbackBody, idempotencyKey, noteBody, replyBody, snoozeBody, startBody, typingBody } from './inbox.schemas';

const conv = (method: RouteDoc['method'], action: string, summary: string, extra: Partial<RouteDoc> = {}): RouteDoc => ({
  method, path: `/v1/conversations/:id/${action}`, tag: 'Inbox', summary, params: idParam, ...extra,
});

const idempotency = z.object({
  'Idempotency-Key': idempotencyKey.describe(
    'Visible ASCII, 1 to 200 characters (a UUID, say), per workspace: a retry with the same key on the same conversation answers '
    + 'the first message (201) and sends nothing again; the key on another conversation answers 409',
  ),
});

// The route's refine says "at least one of the two"; JSON Schema says it with anyOf.
const assign = assignBody.meta({
  description: 'assigneeId, teamId or both (at least one; `{}` is refused with 400)',
  anyOf: [{ required: ['assigneeId'] }, { required: ['teamId'] }],
});

export const inboxDocs: RouteDoc[] = [
  {
    method: 'post', path: '/v1/conversations', tag: 'Inbox',
    summary: 'Write first to a customer on a WhatsApp channel, named by contactId or phone: an approved template at any time, or a text while '
      + "the customer's 24-hour window is open (any time on a gateway number). The message goes to the customer's open conversation, else "
      + 'their last one reopened, else a new one; the caller holds it. 409 when another agent holds the open one; 400 for a marketing '
      + 'template to a customer who opted out',
    body: startBody, headers: idempotency, status: 201,
    response: z.object({ conversationId: z.uuid(), created: z.boolean(), message: messageItem }),
  },
  conv('post', 'messages',
    'Send a reply (queued; Idempotency-Key header dedupes retries). Text or a file only inside the 24-hour window (else 422 window_closed); '
    + 'an approved WhatsApp template at any time, its parameter values may use {{contact.name}}-style placeholders '
    + '(422 template_not_found, template_not_approved, template_parameters or templates_unsupported). '
    + "A member's reply takes the chat (409 naming who holds it when a colleague does); through an API key the message goes out "
    + 'whoever holds it and the chat stays as it was. A closed conversation answers 409 (POST /v1/conversations writes there). '
    + "replyTo quotes a message of this conversation as WhatsApp's reply does (404 not_found when it is not one of its messages)",
    { body: replyBody, headers: idempotency, status: 201, response: messageItem }),
  {
    method: 'get', path: '/v1/channels/:id/approved-templates', tag: 'Inbox', params: idParam,
    summary: "The approved WhatsApp templates of a channel, for an agent writing first to a customer (the channel's whole list is the marketers')",
    response: templateList,
  },
  conv('post', 'notes', 'Add an internal note', { body: noteBody, status: 201, response: messageItem }),
  conv('post', 'assign', 'Assign to an agent or a team (assigning it as it already is answers its state and announces nothing)', { body: assign, response: conversationState.extend({ teamId: z.uuid().nullable() }) }),
  conv('get', 'handback-flows', 'The published flows this conversation can be handed back to: {items: [{id, name}]}', {
    response: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
  }),
  conv('get', 'templates', "The approved WhatsApp templates of this conversation's channel (none for other channels)", { response: templateList }),
  // The route reads a missing body as {}.
  conv('post', 'handback', 'Hand the conversation back to the bot (an open one: a closed conversation answers 409 conflict)', {
    body: handbackBody.optional(),
    response: conversationState.extend({ status: z.literal('bot'), assigneeId: z.null(), flowId: z.uuid().nullable().describe('The flow that answers the next message; null: the triggers decide') }),
  }),
  conv('post', 'close', 'Close (a closed conversation answers its state and announces nothing). With the satisfaction survey on (settings/inbox), closing a chat a person held queues the survey to the customer while the 24-hour window is open', { response: conversationState.extend({ status: z.literal('closed') }) }),
  // An open conversation is answered as it is (any status); a closed one comes back held by the caller.
  conv('post', 'reopen', 'Reopen', { response: conversationState.extend({ teamId: z.uuid().nullable() }) }),
  conv('post', 'snooze',
    'Snooze a conversation a person holds (status human): it leaves the lists (but `snoozed=true`, a search, a contact\'s history) until `until` '
    + 'or until the customer writes, whichever comes first. 400 snooze_in_past or snooze_too_far (over 30 days); 409 not_snoozable for a bot, '
    + 'waiting or closed conversation, or 409 conflict when a colleague holds it. Answers the conversation as GET /v1/conversations/{id}',
    { body: snoozeBody, response: conversationDetail }),
  conv('post', 'unsnooze', 'End the snooze now (a conversation not snoozed answers as it is); 409 as snooze. Answers the conversation', { response: conversationDetail }),
  conv('post', 'typing', 'Show or hide the agent typing', { body: typingBody, status: 204 }),
  conv('post', 'read', 'Mark as read', { status: 204 }),
  conv('post', 'opt-out', "Record that the conversation's customer asked for no more marketing (source agent; opting back in is PATCH /v1/contacts/{id})", {
    response: z.object({ contactId: z.string().uuid(), optedOut: z.literal(true) }),
  }),
  // inbox-settings.service.ts answers every setting, the stored ones over the defaults.
  { method: 'get', path: '/v1/settings/inbox', tag: 'Settings', summary: 'Inbox settings', response: inboxSettingsSchema },
  { method: 'put', path: '/v1/settings/inbox', tag: 'Settings', summary: 'Change inbox settings (fields left out keep their value); answers all of them', body: inboxSettingsSchema.partial(), response: inboxSettingsSchema },
];
