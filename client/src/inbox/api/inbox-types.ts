// Wire types of the inbox contract (conversations, messages, teams, presence, canned responses).
import type { TemplateView } from '@zyntra/flows-schema';

export type ConversationStatus = 'bot' | 'waiting' | 'human' | 'closed';
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'note' | 'received';
export type MessageAuthor = 'contact' | 'bot' | 'agent' | 'system';
export type Presence = 'online' | 'away' | 'offline';

export interface ContactSummary {
  id: string;
  name: string | null;
  phone: string | null;
  tags: string[];
  optedOut?: boolean;
  externalId?: string | null;
  attributes?: Record<string, unknown>;
}

export interface LastMessage {
  text: string | null;
  direction: 'in' | 'out';
  author: MessageAuthor;
  type: string;
  /** Its stored content (docs/message-content.md): the preview names a customer's photo or location in the reader's language. */
  payload?: Record<string, unknown> | null;
}

export interface ConversationItem {
  id: string;
  status: ConversationStatus;
  channelId: string;
  channelType?: string;
  assigneeId: string | null;
  teamId?: string | null;
  lastMessageAt: string;
  unreadCount: number;
  createdAt: string;
  transferredAt?: string | null;
  botPaused?: boolean;
  lastMessage?: LastMessage | null;
  windowClosesAt?: string | null;
  /** Set aside by an agent until then (or until the customer writes); null when not snoozed. */
  snoozedUntil?: string | null;
  contact: ContactSummary;
  /** Listed by a search (`q`): the newest message it found here; null when the name or phone matched. */
  match?: { messageId: string; text: string } | null;
}

export interface ConversationDetail extends ConversationItem {
  assignee?: { id: string; name: string } | null;
  team?: { id: string; name: string } | string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Counts {
  waiting: number;
  mine: number;
  /** The caller's open chats with a customer message nobody read. */
  mineUnread: number;
  unassigned: number;
  /** The caller's snoozed chats (left out of mine). */
  snoozed?: number;
  /** Every holder's snoozed chats: counted for an owner or admin only (null for an agent). */
  snoozedAll?: number | null;
  bot: number;
  human: number;
  closed: number;
}

export interface MediaInfo {
  mime: string;
  fileName?: string | null;
  size?: number | null;
}

export interface MessageItem {
  id: string;
  direction: 'in' | 'out';
  author: MessageAuthor;
  authorUser?: { id: string; name: string } | null;
  authorUserId?: string | null;
  /** Sent through this API key: the business's own system wrote it (authorUser is the key's creator). */
  apiKey?: { id: string; name: string | null } | null;
  type: string;
  text: string | null;
  status: MessageStatus;
  error?: string | null;
  errorText?: string | null;
  payload?: Record<string, unknown> | null;
  media?: MediaInfo | null;
  /** A template the business sent: its header, footer and buttons as the customer saw them (the body is `text`). */
  template?: TemplateView | null;
  /** The message a customer answered by replying to it in WhatsApp; `id` null when it is not one the workspace has. */
  replyTo?: { id: string | null; author: MessageAuthor | null; type: string | null; text: string | null } | null;
  /** A note's mentioned members (user ids). */
  mentions?: string[];
  createdAt: string;
}

export interface SessionInfo {
  status: string;
  currentNodeId: string | null;
  vars: Record<string, unknown>;
  flowId: string | null;
}

export type { RunLogItem } from '../../api/runlog';

/** A member, team or flow an activity line names (null name: gone since). */
export type Named = { id: string; name: string | null } | null;

/** GET /v1/conversations/{id}/activity: what happened to the chat besides its messages. */
export interface ActivityLine {
  id: string;
  type: 'transferred' | 'assigned' | 'handed_back' | 'closed' | 'reopened' | 'bot_paused' | 'snoozed' | 'unsnoozed' | 'snooze_ended';
  at: string;
  by: Named;
  assignee: Named;
  previousAssignee: Named;
  team: Named;
  flow: Named;
  reason: string | null;
  auto: boolean;
  /** Automatic assignment gave the chat back to the agent who closed it (the customer wrote again). */
  returning?: boolean;
  /** snoozed: until when. */
  until?: string | null;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  teamIds: string[];
  presence?: Presence;
  openCount?: number;
}

/** A channel conversations arrive on, as the list shows it. */
export interface InboxChannel {
  id: string;
  type: string;
  name: string;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

export interface CannedResponse {
  id: string;
  shortcut: string;
  text: string;
}

export interface InboxSettings {
  autoAssign: boolean;
  maxOpenPerAgent: number;
  noAgentTimeoutMinutes: number | null;
  noAgentMessage: string;
  noAgentFlowId: string | null;
  satisfactionSurvey: boolean;
}

export interface Percentiles {
  p50Ms: number | null;
  p90Ms: number | null;
  count: number;
}

export interface ResponseTimes {
  /** What became of the transfers begun in the range (`noAgent` is part of `unanswered`); `waiting`: the Waiting folder now, whatever the range. */
  handoffs: { total: number; answered: number; waiting: number; unanswered: number; noAgent: number };
  agents: { userId: string; name: string; firstReply: Percentiles; close: Percentiles }[];
  teams: { teamId: string; name: string; firstReply: Percentiles; close: Percentiles; unanswered: number }[];
}

/** The transfers begun on each day of a period (days without any too), and what became of them. */
export interface TransfersByDay {
  timeZone: string;
  days: { day: string; total: number; answered: number; unanswered: number; open: number }[];
}

/** A domain event as pushed on the socket and as read back from GET /v1/events. */
export interface InboxEvent {
  id: number;
  type: string;
  at: string;
  conversationId?: string;
  [key: string]: unknown;
}

export interface ListFilter {
  folder: Folder;
  channelId: string | null;
  teamId: string | null;
  tag: string | null;
  q: string;
}

export const FOLDERS = ['waiting', 'mine', 'snoozed', 'unassigned', 'bot', 'closed', 'all'] as const;
export type Folder = (typeof FOLDERS)[number];
