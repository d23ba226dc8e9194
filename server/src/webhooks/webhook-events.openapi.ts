// The `webhooks` of GET /v1/openapi.json (OpenAPI 3.1): one entry per event type an endpoint can
// subscribe to, saying when it is sent, what its `data` holds and how every POST is signed, so an
// integrator can build a receiver from the document alone (docs/outbound-webhooks.md says the same).
// The map is typed by the event list: a new event type does not compile until it is described.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { messageItem } from '../conversations/conversations.openapi';
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

const id = z.uuid();
const byMember = id.nullable().describe('The member who did it; null when nobody did (the customer, automatic assignment, housekeeping)');
const status = z.enum(['bot', 'waiting', 'human', 'closed']);

/** `message`, `contactId` and `channelId` are left out only when retention already deleted the message. */
const messageData = {
  messageId: id, conversationId: id, contactId: id.optional(), channelId: id.optional(),
  message: messageItem.optional().describe('The message as GET /v1/conversations/{id}/messages answers it, read when the event was sent out (a template: `text` its filled body, `template` its header, footer and buttons)'),
};

type Described = { when: string; data: z.ZodObject };

const EVENTS = {
  'message.received': { when: "A customer's message is stored", data: z.object(messageData) },
  'message.sent': { when: 'The provider accepted a message of the bot, an agent, the API or a campaign', data: z.object(messageData) },
  'message.status': {
    when: 'The provider reports a sent message delivered, read or failed',
    data: z.object({ ...messageData, status: z.enum(['delivered', 'read', 'failed']), code: z.string().nullable().optional(), reason: z.string().nullable().optional() }),
  },
  'message.media_stored': {
    when: "A customer's photo, audio, video or document is stored and can be downloaded from GET /v1/conversations/{id}/messages/{messageId}/media (message.received comes first, while it is still being fetched)",
    data: z.object({ ...messageData, mimeType: z.string(), size: z.int().describe('Bytes') }),
  },
  'conversation.created': { when: 'A customer writes first, a member starts a conversation, or a campaign opens one', data: z.object({ conversationId: id, contactId: id, channelId: id }) },
  'conversation.transferred': {
    when: "A flow's transfer step, or a chat people had reopened by a message no flow answers",
    data: z.object({ conversationId: id, contactId: id, channelId: id, team: id.nullable(), reason: z.enum(['flow', 'reopened']), nodeId: z.string().nullable(), flowId: id.nullable(), versionId: id.nullable() }),
  },
  'conversation.assigned': {
    when: 'A member takes or hands the chat (also by replying to one nobody held, or by reopening a closed one), or automatic assignment',
    data: z.object({ conversationId: id, status, assigneeId: id.nullable(), teamId: id.nullable(), previousStatus: status, previousAssigneeId: id.nullable(), by: byMember, auto: z.boolean().optional(),
      returning: z.boolean().optional().describe('Automatic assignment gave a chat the customer reopened back to the agent who closed it') }),
  },
  'conversation.closed': {
    when: 'A member closes it, or housekeeping closes an idle bot chat (`reason: "idle"`)',
    data: z.object({ conversationId: id, status: z.literal('closed'), assigneeId: id.nullable().optional(), by: byMember, reason: z.literal('idle').optional() }),
  },
  'conversation.reopened': {
    when: 'A closed conversation opens again: the customer wrote (`by: null`, back with the bot) or a member reopened it',
    data: z.object({ conversationId: id, contactId: id, channelId: id, status, previousStatus: z.literal('closed'), assigneeId: id.nullable(), by: byMember }),
  },
  'flow.completed': { when: 'A flow ran to its end', data: z.object({ conversationId: id, contactId: id, flowId: id, versionId: id, nodeId: z.string().nullable(), reason: z.string() }) },
  'contact.created': { when: 'A contact is first seen in a conversation, or added with POST /v1/contacts', data: z.object({ contactId: id, channelId: id }) },
  'contact.opted_out': {
    when: 'A contact opts out (a keyword, WhatsApp’s marketing stop, a flow step, a member)',
    data: z.object({ contactId: id, conversationId: id.nullable(), via: z.string(), at: z.iso.datetime(), by: id.optional() }),
  },
} satisfies Record<WebhookEventType, Described>;

const TEST_EVENT: Described = {
  when: 'Sent by POST /v1/webhook-endpoints/{id}/test; not subscribable',
  data: z.object({ endpointId: id, message: z.string() }),
};

const headers = z.object({
  'webhook-id': z.string().describe('msg_…: the same on every retry and resend of one event; deduplicate on it'),
  'webhook-timestamp': z.string().describe('Unix seconds of this attempt; refuse one more than 5 minutes away'),
  'webhook-signature': z.string().describe(
    'Space-separated `v1,<base64 HMAC-SHA256>` of `${webhook-id}.${webhook-timestamp}.${raw body}`, keyed with the base64-decoded part of the endpoint’s whsec_ secret (during a rotation, one per secret)',
  ),
});

/** The body of one event type's POST: `{type, timestamp, data}`, compact JSON. */
const bodyOf = (type: string, d: Described) =>
  z.object({ type: z.literal(type), timestamp: z.iso.datetime().describe('When the event happened'), data: d.data.loose() });

export function describeWebhookEvents(registry: OpenAPIRegistry): void {
  const all: Array<[string, Described]> = [...WEBHOOK_EVENT_TYPES.map((t) => [t, EVENTS[t]] as [string, Described]), [TEST_EVENT_TYPE, TEST_EVENT]];
  for (const [type, d] of all) {
    registry.registerWebhook({
      method: 'post',
      path: type,
      summary: d.when,
      tags: ['Outbound webhooks'],
      request: { headers, body: { required: true, content: { 'application/json': { schema: bodyOf(type, d) } } } },
      responses: {
        200: { description: 'Any 2xx within the timeout delivers it. Anything else (3xx included), a timeout or a refused connection is tried again on the retry schedule; 410 disables the endpoint' },
      },
    });
  }
}
