import { z } from 'zod';

export const CONVERSATION_STATUSES = ['bot', 'waiting', 'human', 'closed'] as const;

export const listConversationsQuery = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  /** A member's id, or `me` for the caller. */
  assigneeId: z.union([z.literal('me'), z.uuid()]).optional(),
  /** Waiting or human-held conversations that nobody owns. */
  unassigned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only the conversations not closed (the inbox's "Mine" folder: `assigneeId=me&open=true`). */
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  channelId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  /** One contact's conversations (an integrator's view of a customer's history). */
  contactId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(64).optional(),
  /**
   * `true`: only the chats snoozed into the future: with `assigneeId=me`, an agent's "Snoozed" folder;
   * without, a supervisor's (every holder's, as the `snoozedAll` count). Otherwise they are
   * left out, unless the list is a search (`q`) or one contact's history (`contactId`).
   */
  snoozed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

/** The list filters with `me` resolved to a user id. */
export type ConversationFilters = Omit<ListConversationsQuery, 'assigneeId' | 'cursor'> & { assigneeId?: string };

export const pageQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const idParam = z.object({ id: z.uuid() });
export const messageParams = z.object({ id: z.uuid(), messageId: z.uuid() });
/** A flow's test chat: the flow, and the conversation its test run started. */
export const testChatParams = z.object({ id: z.uuid(), conversationId: z.uuid() });
