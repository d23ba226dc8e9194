// HTTP client for the inbox routes (see INBOX contract: conversations, messages, takeover actions).
import type { TemplateSend } from '@zyntra/flows-schema';
import { api, apiRequest } from '../../api/client';
import type { Template } from '../../templates/templates-api';
import type {
  ActivityLine,
  ConversationDetail,
  ConversationItem,
  Counts,
  InboxEvent,
  ListFilter,
  MessageItem,
  Page,
  RunLogItem,
  SessionInfo,
} from './inbox-types';

const conv = (id: string, rest = '') => `/v1/conversations/${encodeURIComponent(id)}${rest}`;

/**
 * The query string of a list filter (the folder becomes status/assignee/unassigned). `allSnoozed`:
 * the Snoozed folder lists every holder's chats (a supervisor's), not only the caller's.
 */
export function listQuery(f: ListFilter, cursor: string | null, limit = 30, allSnoozed = false): string {
  const p = new URLSearchParams();
  const folder: Record<ListFilter['folder'], Record<string, string>> = {
    waiting: { status: 'waiting' },
    mine: { assigneeId: 'me', open: 'true' },
    snoozed: allSnoozed ? { open: 'true', snoozed: 'true' } : { assigneeId: 'me', open: 'true', snoozed: 'true' },
    unassigned: { unassigned: 'true' },
    bot: { status: 'bot' },
    closed: { status: 'closed' },
    all: {},
  };
  for (const [k, v] of Object.entries(folder[f.folder])) p.set(k, v);
  if (f.channelId) p.set('channelId', f.channelId);
  if (f.teamId) p.set('teamId', f.teamId);
  if (f.tag) p.set('tag', f.tag);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (cursor) p.set('cursor', cursor);
  p.set('limit', String(limit));
  return p.toString();
}

export const inboxApi = {
  list: (f: ListFilter, cursor: string | null, signal?: AbortSignal, allSnoozed = false) =>
    api.get<Page<ConversationItem>>(`/v1/conversations?${listQuery(f, cursor, 30, allSnoozed)}`, { signal }),
  /** The chats the caller is answering now (status `human`). */
  mine: () => api.get<Page<ConversationItem>>('/v1/conversations?assigneeId=me&status=human&limit=100'),
  /** The Snoozed folder's chats (every holder's with `all`), for the moment the first of them comes back. */
  snoozed: (all = false) => api.get<Page<ConversationItem>>(`/v1/conversations?${all ? '' : 'assigneeId=me&'}open=true&snoozed=true&limit=100`),
  counts: (signal?: AbortSignal) => api.get<Counts>('/v1/conversations/counts', { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ConversationDetail>(conv(id), { signal }),
  messages: (id: string, cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<MessageItem>>(conv(id, `/messages?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), { signal }),
  session: (id: string, signal?: AbortSignal) => api.get<SessionInfo>(conv(id, '/session'), { signal }),
  activity: (id: string, signal?: AbortSignal) => api.get<{ items: ActivityLine[] }>(conv(id, '/activity'), { signal }).then((r) => r.items),
  runlog: (id: string, signal?: AbortSignal) => api.get<Page<RunLogItem>>(conv(id, '/runlog?limit=200'), { signal }),
  mediaUrl: (id: string, messageId: string) =>
    api.get<{ url: string; mime?: string; mimeType?: string }>(conv(id, `/messages/${encodeURIComponent(messageId)}/media`)),

  send: (id: string, body: { text: string; replyTo?: string } | { mediaId: string; text?: string; replyTo?: string } | { template: { name: string; language: string; parameters: TemplateSend['parameters'] } }, idempotencyKey: string) =>
    apiRequest<MessageItem>(conv(id, '/messages'), { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** Writes first to a customer on a WhatsApp channel: into their open thread, their last one reopened, or a new one. */
  start: (body: { channelId: string } & ({ phone: string } | { contactId: string }) & ({ text: string } | { template: { name: string; language: string; parameters: TemplateSend['parameters'] } }), idempotencyKey: string) =>
    apiRequest<{ conversationId: string; created: boolean; message: MessageItem }>('/v1/conversations', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** The approved templates of a channel (to write first to a customer there). */
  channelTemplates: (channelId: string, signal?: AbortSignal) =>
    api.get<{ items: Template[] }>(`/v1/channels/${encodeURIComponent(channelId)}/approved-templates`, { signal }).then((r) => r.items),
  note: (id: string, text: string, mentions: string[] = []) => api.post<MessageItem>(conv(id, '/notes'), mentions.length ? { text, mentions } : { text }),
  assign: (id: string, target: ({ assigneeId: string } | { teamId: string }) & { takeOver?: boolean }) =>
    api.post<{ id: string; status: string; assigneeId: string | null; teamId?: string | null }>(conv(id, '/assign'), target),
  /** The published flows the conversation can be handed back to. */
  handbackFlows: (id: string) => api.get<{ items: Array<{ id: string; name: string }> }>(conv(id, '/handback-flows')).then((r) => r.items),
  /** The approved templates of the conversation's channel. */
  templates: (id: string, signal?: AbortSignal) => api.get<{ items: Template[] }>(conv(id, '/templates'), { signal }).then((r) => r.items),
  handback: (id: string, flowId?: string) => api.post<unknown>(conv(id, '/handback'), flowId ? { flowId } : {}),
  close: (id: string) => api.post<unknown>(conv(id, '/close'), {}),
  reopen: (id: string) => api.post<unknown>(conv(id, '/reopen'), {}),
  snooze: (id: string, until: Date) => api.post<ConversationDetail>(conv(id, '/snooze'), { until: until.toISOString() }),
  unsnooze: (id: string) => api.post<ConversationDetail>(conv(id, '/unsnooze'), {}),
  read: (id: string) => api.post<void>(conv(id, '/read'), {}),
  /** The customer asked for no more marketing: recorded from the chat (agents too; only out, never back in). */
  optOut: (id: string) => api.post<{ contactId: string; optedOut: true }>(conv(id, '/opt-out'), {}),
  typing: (id: string, on: boolean) => api.post<void>(conv(id, '/typing'), { on }),

  events: (after: number, signal?: AbortSignal) =>
    api.get<{ items: InboxEvent[]; nextAfter: number | null; hasMore?: boolean }>(`/v1/events?after=${after}&limit=200`, { signal }),
  /** Without `after`: no events, only the newest id (where a fresh page starts). */
  latestEventId: () => api.get<{ nextAfter: number | null }>('/v1/events').then((r) => r.nextAfter),
};

export async function uploadMedia(file: File): Promise<{ id: string; mime: string; fileName: string; size: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest('/v1/media', { method: 'POST', rawBody: form });
}
