// The "Test this flow" wire: start a run of the draft (agent auth), then talk as the web-chat
// visitor (visitor token), and watch the session and run log (member auth, under the flow).
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { RunLogItem } from '../../api/runlog';

export interface TestRun {
  /** The flow under test: its test chat's session and run log are read under it. */
  flowId: string;
  conversationId: string;
  channelId: string;
  visitorToken: string;
}

export interface ChatChoice {
  id: string;
  title: string;
}

export interface ChatItem {
  id: string;
  direction: 'in' | 'out';
  text: string;
  payload?: {
    buttons?: ChatChoice[];
    list?: { buttonLabel: string; rows: ChatChoice[] };
    /** A message step's attachment; `url` opens it (signed for a while when the file was uploaded). */
    media?: { kind: 'image' | 'video' | 'audio' | 'document'; url?: string; filename?: string } | null;
  } | null;
  createdAt: string;
}

export interface SessionView {
  /** 'none' before the first message, 'active' while the bot runs, 'ended' after. */
  status: string;
  /** Why the run ended: 'transferred' when a transfer step handed it to the team. */
  endedReason?: string | null;
  currentNodeId: string | null;
  waitingFor: string | null;
  vars: Record<string, unknown>;
  lastReply: string | null;
}

export type { RunLogItem };

const id = encodeURIComponent;
const testChat = (run: TestRun) => `/v1/flows/${id(run.flowId)}/test/${id(run.conversationId)}`;

/** Visitor calls carry the visitor token, not the signed-in user's session. */
async function visitorFetch<T>(run: TestRun, method: 'GET' | 'POST', body?: unknown): Promise<T> {
  const res = await fetch(`/v1/webchat/${id(run.channelId)}/messages`, {
    method,
    headers: { Authorization: `Bearer ${run.visitorToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw toApiError(res.status, json);
  return json as T;
}

export const testApi = {
  start: (flowId: string) => api.post<Omit<TestRun, 'flowId'>>(`/v1/flows/${id(flowId)}/test`).then((run): TestRun => ({ ...run, flowId })),
  // Under the flow, not /v1/conversations: marketers, who test flows, have no inbox.
  session: (run: TestRun) => api.get<SessionView>(`${testChat(run)}/session`),
  runlog: (run: TestRun) => api.get<{ items: RunLogItem[] }>(`${testChat(run)}/runlog?limit=200`).then((r) => r.items),
  messages: (run: TestRun) => visitorFetch<{ items: ChatItem[] }>(run, 'GET').then((r) => r.items),
  send: (run: TestRun, text: string, replyId?: string) => visitorFetch<unknown>(run, 'POST', { text, replyId }),
};
