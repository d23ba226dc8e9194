import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { CONVERSATION_STATUSES, idParam, listConversationsQuery, messageParams, pageQuery } from './conversations.schemas';

// What conversation-view.ts and message-view.ts answer. Documentation only: loose, because the
// server may add fields (docs/inbox-api.md lets it), never rename or drop these.
const time = z.iso.datetime();
const contact = z.object({ id: z.uuid(), name: z.string().nullable(), phone: z.string().nullable(), tags: z.array(z.string()), optedOut: z.boolean() }).loose();

export const conversationItem = z.object({
  id: z.uuid(),
  status: z.enum(CONVERSATION_STATUSES),
  channelId: z.uuid(),
  channelType: z.string(),
  assigneeId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  team: z.string().nullable().describe('Kept for older clients: teamId, or the team a transfer step named'),
  lastMessageAt: time.nullable(),
  unreadCount: z.int(),
  createdAt: time,
  transferredAt: time.nullable(),
  botPaused: z.boolean(),
  lastMessage: z.object({ text: z.string(), direction: z.enum(['in', 'out']), author: z.string(), type: z.string() }).loose().nullable(),
  windowClosesAt: time.nullable().describe('When the WhatsApp 24-hour window closes; null for channels without one'),
  hasServiceWindow: z.boolean(),
  contact,
}).loose();

const conversationDetail = conversationItem.extend({
  contact: contact.extend({ externalId: z.string(), attributes: z.record(z.string(), z.unknown()) }),
  assignee: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  team: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
});

export const messageItem = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  author: z.enum(['contact', 'bot', 'agent', 'system']),
  authorUserId: z.uuid().nullable(),
  authorUser: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  type: z.string(),
  text: z.string().nullable(),
  status: z.string().describe('pending, sent, delivered, read, played, failed, note or received'),
  error: z.string().nullable(),
  errorText: z.string().nullable().describe('Why it failed, in plain words'),
  payload: z.record(z.string(), z.unknown()).describe('The stored content (docs/message-content.md)'),
  media: z.object({
    mime: z.string().nullable(), fileName: z.string().nullable(), size: z.number().nullable(), kind: z.string().nullable(), status: z.string(),
  }).loose().nullable(),
  createdAt: time,
}).loose();

const pageOf = (item: z.ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last') });

export const conversationsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/conversations', tag: 'Conversations', summary: 'List conversations (filters, cursor paging)', query: listConversationsQuery, response: pageOf(conversationItem) },
  { method: 'get', path: '/v1/conversations/counts', tag: 'Conversations', summary: 'Counts per inbox view' },
  { method: 'get', path: '/v1/conversations/:id', tag: 'Conversations', summary: 'One conversation', params: idParam, response: conversationDetail },
  { method: 'get', path: '/v1/conversations/:id/messages', tag: 'Conversations', summary: 'Messages, newest page first', params: idParam, query: pageQuery, response: pageOf(messageItem) },
  { method: 'get', path: '/v1/conversations/:id/messages/:messageId', tag: 'Conversations', summary: 'One message', params: messageParams, response: messageItem },
  { method: 'get', path: '/v1/conversations/:id/session', tag: 'Conversations', summary: "The bot's current session", params: idParam },
  { method: 'get', path: '/v1/conversations/:id/runlog', tag: 'Conversations', summary: "The bot's run log", params: idParam, query: pageQuery },
];
