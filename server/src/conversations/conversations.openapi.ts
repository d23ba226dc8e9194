import { z } from 'zod';
import { LOCALES } from '@zyntra/flows-schema';
import type { RouteDoc } from '../openapi/describe';
import { CONVERSATION_STATUSES, idParam, listConversationsQuery, messageParams, pageQuery, testChatParams } from './conversations.schemas';

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
  snoozedUntil: time.nullable().describe('Until when an agent snoozed the chat (it leaves the folders until then, or until the customer writes); null when not snoozed'),
  botPaused: z.boolean(),
  lastMessage: z
    .object({
      text: z.string(),
      direction: z.enum(['in', 'out']),
      author: z.string(),
      type: z.string(),
      payload: z.record(z.string(), z.unknown()).nullable().describe('Its stored content (docs/message-content.md)'),
    })
    .loose()
    .nullable(),
  windowClosesAt: time.nullable().describe('When the WhatsApp 24-hour window closes; null for channels without one'),
  hasServiceWindow: z.boolean(),
  contact,
  match: z.object({ messageId: z.uuid(), text: z.string() }).nullable().optional()
    .describe('Only when listed with `q`: the newest message whose text matched; null when only the name or phone did'),
}).loose();

export const conversationDetail = conversationItem.extend({
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
  apiKey: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable().describe("Sent through this API key (the business's own system); authorUser is then the key's creator"),
  type: z.string(),
  text: z.string().nullable(),
  status: z.string().describe('pending, sent, delivered, read, played, failed, note or received'),
  error: z.string().nullable(),
  errorText: z.string().nullable().describe('Why it failed, in plain words'),
  payload: z.record(z.string(), z.unknown()).describe('The stored content (docs/message-content.md)'),
  media: z.object({
    mime: z.string().nullable(), fileName: z.string().nullable(), size: z.number().nullable(), kind: z.string().nullable(), status: z.string(),
  }).loose().nullable(),
  template: z.object({
    name: z.string(),
    language: z.string(),
    header: z.object({
      type: z.enum(['text', 'image', 'video', 'document', 'location']),
      text: z.string().optional().describe('A text header, its value filled in'),
      mediaUrl: z.string().optional().describe('A file header sent by link; absent when sent as an uploaded media id'),
    }).optional(),
    footer: z.string().optional(),
    buttons: z.array(z.object({
      type: z.enum(['quick_reply', 'url', 'phone_number', 'copy_code']),
      text: z.string().describe("The button's label; for copy_code (labelled by WhatsApp) the code it copies"),
      url: z.string().optional().describe('Where a URL button leads, its ending filled in'),
      phone: z.string().optional().describe('The number a call button dials'),
    })).optional(),
  }).nullable().describe('A template message as the customer saw it besides its body (text): header, footer and buttons. Null for other messages and for templates sent before this was kept'),
  replyTo: z.object({
    id: z.uuid().nullable().describe('Null when the quoted message is not one this workspace has'),
    author: z.enum(['contact', 'bot', 'agent', 'system']).nullable(),
    type: z.string().nullable(),
    text: z.string().nullable().describe('Its first 300 characters'),
  }).nullable().describe('The message a customer answered by replying to it in WhatsApp; null when the message quotes none'),
  mentions: z.array(z.uuid()).optional().describe('Notes only: the members the note mentions (user ids; [] when none). Absent on other messages'),
  createdAt: time,
}).loose();

/** What the inbox actions (assign, hand back, close, reopen) answer: the conversation's state after them. */
export const conversationState = z.object({ id: z.uuid(), status: z.enum(CONVERSATION_STATUSES), assigneeId: z.uuid().nullable() }).loose();

/** conversation-list.queries.ts countConversations: the inbox views' badges, each stopping at 10,000. */
const counts = z.object({
  waiting: z.int(), bot: z.int(), human: z.int(), closed: z.int(),
  mine: z.int().describe("The caller's open conversations"), mineUnread: z.int().describe("The caller's open conversations with unread customer messages"),
  unassigned: z.int().describe('Waiting or human conversations nobody holds'),
  snoozed: z.int().describe("The caller's conversations snoozed now (left out of mine and mineUnread)"),
  snoozedAll: z.int().nullable()
    .describe("For an owner or admin, every conversation of the workspace snoozed now, whoever holds it (what `open=true&snoozed=true` lists); null for an agent"),
  capped: z.array(z.string()).describe('The counts that reached 10,000 and stopped there'),
}).loose();

/** conversations.service.ts currentSession: where the bot is; `status: none` when it never ran here. */
const session = z.object({
  status: z.enum(['active', 'ended', 'none']),
  currentNodeId: z.string().nullable(),
  waitingFor: z.string().nullable().describe('What the bot waits for, while active'),
  vars: z.record(z.string(), z.string()).describe("The session's variables"),
  lastReply: z.string().nullable(),
  flowId: z.uuid().nullable(), versionId: z.uuid().nullable(),
  endedReason: z.string().nullable(),
}).loose();

/** conversations.service.ts runLog: the bot's steps, oldest first; names from the version that ran them. */
const runLogItem = z.object({
  at: time,
  nodeId: z.string().nullable(), nodeType: z.string().nullable(),
  outcome: z.string().describe(
    "The step's output id, or the engine's own word (step_limit…). A failed HTTP request step names its cause (http_timeout, http_status…, " +
      'http_failed when unknown); a failed AI reply step too: ai_no_provider, ai_timeout, ai_network, ai_blocked_address, ai_redirect, ' +
      'ai_status, ai_bad_answer, ai_bad_settings (llm_failed when unknown, as older rows are)',
  ),
  error: z.string().optional().describe('Only on a step that failed'),
  versionId: z.uuid().nullable(),
  nodeName: z.string().optional().describe('The name the marketer gave the step, when it has one'),
  outcomeLabel: z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string()]))).optional().describe("The output's label, when the step is known"),
}).loose();

/** activity-view.ts: one line of what happened to the conversation besides its messages. */
const person = z.object({ id: z.uuid(), name: z.string().nullable() }).nullable();
const activityItem = z.object({
  id: z.string(),
  type: z.enum(['transferred', 'assigned', 'handed_back', 'closed', 'reopened', 'bot_paused', 'snoozed', 'unsnoozed', 'snooze_ended'])
    .describe('snooze_ended: the customer wrote while the chat was snoozed'),
  at: time,
  by: person.describe('The member who did it; null for the bot, automatic assignment or the system'),
  assignee: person.describe('Who holds the chat after it (assigned, reopened)'),
  previousAssignee: person,
  team: person.describe("The team's id and name (transferred, assigned)"),
  flow: person.describe('The flow it was handed back to, if one was chosen'),
  reason: z.string().nullable().describe('no_agent (nobody took it in time), idle (closed after no activity), reopened (the customer wrote again), business_phone_reply…'),
  auto: z.boolean().describe('Assigned automatically'),
  returning: z.boolean().describe('Assigned automatically back to the agent who closed it, when the customer wrote again'),
  until: time.nullable().describe('snoozed: until when'),
}).loose();

const pageOf = (item: z.ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last') });

export const conversationsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/conversations', tag: 'Conversations', summary: 'List conversations (filters, cursor paging)', query: listConversationsQuery, response: pageOf(conversationItem) },
  { method: 'get', path: '/v1/conversations/counts', tag: 'Conversations', summary: 'Counts per inbox view', response: counts },
  { method: 'get', path: '/v1/conversations/:id', tag: 'Conversations', summary: 'One conversation', params: idParam, response: conversationDetail },
  { method: 'get', path: '/v1/conversations/:id/messages', tag: 'Conversations', summary: 'Messages, newest page first', params: idParam, query: pageQuery, response: pageOf(messageItem) },
  { method: 'get', path: '/v1/conversations/:id/messages/:messageId', tag: 'Conversations', summary: 'One message', params: messageParams, response: messageItem },
  { method: 'get', path: '/v1/conversations/:id/activity', tag: 'Conversations', summary: 'What happened besides the messages (transfers, assignments, hand-backs, closes, reopens), oldest first: the newest 200', params: idParam, response: z.object({ items: z.array(activityItem) }) },
  { method: 'get', path: '/v1/conversations/:id/session', tag: 'Conversations', summary: "The bot's current session", params: idParam, response: session },
  { method: 'get', path: '/v1/conversations/:id/runlog', tag: 'Conversations', summary: "The bot's run log", params: idParam, query: pageQuery, response: pageOf(runLogItem) },
  { method: 'get', path: '/v1/flows/:id/test/:conversationId/session', tag: 'Flows', summary: "A test chat's session, for the roles that draw flows (404 for any other conversation)", params: testChatParams, response: session },
  { method: 'get', path: '/v1/flows/:id/test/:conversationId/runlog', tag: 'Flows', summary: "A test chat's run log, for the roles that draw flows (404 for any other conversation)", params: testChatParams, query: pageQuery, response: pageOf(runLogItem) },
];
